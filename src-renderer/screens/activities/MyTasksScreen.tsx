/**
 * "My tasks": the signed-in user's open tasks, overdue ones first and highlighted, soonest due next;
 * a tick marks one done; "Open contact" / "Open company" / "Open deal" jumps to the task's record.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../contacts/format';
import { activityRecord, openRecord } from '../search/open';
import { useActivitiesStore } from './store';

/** The link text per record type. */
const OPEN_KEYS = {
  contact: 'activities.tasks.open',
  company: 'activities.tasks.openCompany',
  deal: 'activities.tasks.openDeal',
} as const;

/** The section screen. */
export function MyTasksScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const version = useActivitiesStore(state => state.version);
  const bump = useActivitiesStore(state => state.bump);
  const [items, setItems] = useState<Activity[] | null>(null);
  const [now, setNow] = useState(() => new Date().toISOString());
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      const result = await api.activities.myTasks(after ? { cursor: after } : {});
      if (!result.ok) return setError(result.error);
      setError(null);
      setNow(result.value.now);
      setItems(old => [...(after ? (old ?? []) : []), ...result.value.items]);
      setCursor(result.value.nextCursor);
    },
    [api],
  );
  useEffect(() => {
    void load(null);
  }, [load, version]);

  async function complete(task: Activity) {
    const result = await api.activities.complete({ id: task.id, done: true });
    if (!result.ok) return setError(result.error);
    bump();
  }

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('activities.title')}</Title>
      <Text c="dimmed">{t('activities.tasks.intro')}</Text>
      <ErrorAlert error={error} />
      {items === null ? (
        <Loader size="sm" />
      ) : items.length === 0 ? (
        <Alert variant="light" color="gray">
          {t('activities.tasks.empty')}
        </Alert>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('activities.tasks.label')}
        >
          {items.map(task => {
            const overdue = task.dueAt !== null && task.dueAt < now;
            const record = activityRecord(task);
            return (
              <li key={task.id}>
                <Paper
                  withBorder
                  radius="md"
                  p="sm"
                  style={
                    overdue
                      ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 }
                      : undefined
                  }
                  data-overdue={overdue ? 'true' : undefined}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="sm" wrap="nowrap">
                      <Checkbox
                        aria-label={`${t('activities.timeline.markDone')}: ${task.subject}`}
                        checked={false}
                        onChange={() => void complete(task)}
                      />
                      <Stack gap={2}>
                        <Group gap="xs">
                          <Text fw={600}>{task.subject}</Text>
                          {overdue ? (
                            <Badge color="red" variant="filled" size="sm">
                              {t('activities.tasks.overdue')}
                            </Badge>
                          ) : null}
                        </Group>
                        {task.dueAt ? (
                          <Text size="sm" c={overdue ? 'red.8' : 'dimmed'}>
                            {t('activities.timeline.due', {
                              when: formatDateTime(task.dueAt, i18n.language),
                            })}
                          </Text>
                        ) : null}
                      </Stack>
                    </Group>
                    {record ? (
                      <Anchor
                        component="button"
                        type="button"
                        aria-label={`${t(OPEN_KEYS[record.type])}: ${task.subject}`}
                        onClick={() => openRecord(record)}
                      >
                        {t(OPEN_KEYS[record.type])}
                      </Anchor>
                    ) : null}
                  </Group>
                </Paper>
              </li>
            );
          })}
        </Stack>
      )}
      {cursor ? (
        <Group>
          <Button variant="default" onClick={() => void load(cursor)}>
            {t('activities.tasks.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
