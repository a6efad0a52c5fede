/**
 * One person's activities logged in a time range (`activities.logged`), newest first: the records
 * behind a bar of the dashboard's "activities per person" (issue 18 point 2), within the reader's
 * scope. Each names its kind, time and records (links to their pages); "Close" returns to the list.
 */
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedActivity } from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../contacts/format';
import { useActivitiesStore, type PersonActivities as Person } from './store';
import { TaskLinks } from './TaskList';

/** The day an instant falls on, in the interface language ("7 листопада 2026 р."). */
function day(instant: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'uk-UA', {
    dateStyle: 'long',
  }).format(new Date(instant));
}

/** The tab's content for `person`. */
export function PersonActivities({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const showPerson = useActivitiesStore(state => state.showPerson);
  const [items, setItems] = useState<PlannedActivity[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const { ownerId, from, before } = person;

  const load = useCallback(
    async (after: string | null) => {
      const result = await api.activities.logged({
        ownerId,
        from,
        before,
        ...(after ? { cursor: after } : {}),
      });
      if (!result.ok) return setError(result.error);
      setError(null);
      setItems(old => [...(after ? (old ?? []) : []), ...result.value.items]);
      setCursor(result.value.nextCursor);
    },
    [api, ownerId, from, before],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  // The range ends just after the moment the dashboard counted: the last day shown is that one.
  const title = t('activities.plan.person.title', {
    name: person.name,
    from: day(from, i18n.language),
    to: day(new Date(Date.parse(before) - 1).toISOString(), i18n.language),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('activities.plan.person.hint')}
          </Text>
        </Stack>
        <Button variant="default" onClick={() => showPerson(null)}>
          {t('activities.plan.person.close')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {items === null ? (
        <Loader size="sm" />
      ) : items.length === 0 ? (
        <Alert variant="light" color="gray">
          {t('activities.plan.person.empty')}
        </Alert>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={title}>
          {items.map(activity => (
            <li key={activity.id}>
              <Paper withBorder radius="md" p="sm">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Badge variant="light" size="sm">
                      {t(`activities.kinds.${activity.kind}`)}
                    </Badge>
                    <Text fw={600}>{activity.subject}</Text>
                    {activity.doneAt ? (
                      <Badge variant="light" color="teal" size="sm">
                        {t('activities.plan.person.done')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(activity.occurredAt, i18n.language)}
                  </Text>
                  <TaskLinks task={activity} />
                </Stack>
              </Paper>
            </li>
          ))}
        </Stack>
      )}
      {cursor ? (
        <Group>
          <Button variant="default" onClick={() => void load(cursor)}>
            {t('activities.plan.person.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
