/**
 * One record's timeline: a quick-add form (with activities.create) and its activities, deals and
 * document events, newest first, 30 at a time with "Show more". The main process decides what the
 * caller may see (scoped in SQL); this only shows it.
 */
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntity, TimelineItem } from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import { grantOf } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSessionStore } from '../../stores/session';
import { formatDateTime } from '../contacts/format';
import { ActivityForm } from './ActivityForm';
import { itemLook, relativeTime } from './format';
import { useActivitiesStore } from './store';

/** The timeline of record `id` of type `entity`. */
export function Timeline({ entity, id }: { entity: TimelineEntity; id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const user = useSessionStore(state => state.user);
  const grants = user?.grants;
  const version = useActivitiesStore(state => state.version);
  const bump = useActivitiesStore(state => state.bump);
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const result = await api.activities.timeline(
        after
          ? { entityType: entity, entityId: id, cursor: after }
          : { entityType: entity, entityId: id },
      );
      setLoading(false);
      if (!result.ok) return setError(result.error);
      setError(null);
      setItems(old => [...(after ? (old ?? []) : []), ...result.value.items]);
      setCursor(result.value.nextCursor);
    },
    [api, entity, id],
  );
  useEffect(() => {
    void load(null);
  }, [load, version]);

  // A record the caller cannot (or can no longer) read: no timeline at all.
  if (!grants || grantOf(grants, 'activities.read') === undefined) return null;
  if (error?.code === 'not_found') return null;
  const canCreate = grantOf(grants, 'activities.create') !== undefined;
  // Ticks only where main would allow them: own tasks, or anyone's with a wider update scope.
  const updateScope = grantOf(grants, 'activities.update');
  const canTick = (item: TimelineItem) =>
    updateScope !== undefined && (updateScope !== 'own' || item.ownerId === user?.id);
  const now = Date.now();

  async function toggle(item: TimelineItem) {
    const result = await api.activities.complete({ id: item.id, done: item.doneAt === null });
    if (!result.ok) return setError(result.error);
    bump();
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('activities.timeline.label')}
    >
      <Title order={2} size="h4" mb="sm">
        {t('activities.timeline.title')}
      </Title>
      <Stack gap="md">
        {canCreate ? <ActivityForm entity={entity} id={id} onSaved={bump} /> : null}
        <ErrorAlert error={error} />
        {items === null ? (
          <Group gap="sm">
            <Loader size="xs" />
            <Text c="dimmed">{t('activities.timeline.loading')}</Text>
          </Group>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('activities.timeline.empty')}</Text>
        ) : (
          <Stack
            gap="sm"
            component="ol"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            data-testid="timeline"
          >
            {items.map(item => {
              const look = itemLook(item);
              const label =
                item.source === 'activity' && item.kind
                  ? t(`activities.kinds.${item.kind}`)
                  : t(`activities.sources.${item.source === 'deal' ? 'deal' : 'document'}`);
              const overdue =
                item.kind === 'task' &&
                !item.doneAt &&
                item.dueAt !== null &&
                Date.parse(item.dueAt) < now;
              return (
                <li key={`${item.source}-${item.id}`}>
                  <Group align="flex-start" wrap="nowrap" gap="sm">
                    <ThemeIcon color={look.color} variant="light" radius="xl" size="lg" aria-hidden>
                      <span>{look.symbol}</span>
                    </ThemeIcon>
                    <Stack gap={2} style={{ flex: 1 }}>
                      <Group gap="xs">
                        <Text fw={600}>{item.subject || label}</Text>
                        <Badge variant="light" color={look.color} c="dark.7" size="sm">
                          {label}
                        </Badge>
                        {item.doneAt ? (
                          <Badge color="green" c="green.9" variant="light" size="sm">
                            {t('activities.timeline.done')}
                          </Badge>
                        ) : null}
                      </Group>
                      {item.body ? (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {item.body}
                        </Text>
                      ) : null}
                      <Text size="sm" c="dimmed">
                        <time dateTime={item.at} title={formatDateTime(item.at, i18n.language)}>
                          {relativeTime(item.at, now, i18n.language, t('activities.relative.now'))}
                        </time>
                        {item.ownerName ? ` · ${item.ownerName}` : ''}
                        {item.dueAt ? (
                          <Text span c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
                            {' · '}
                            {t('activities.timeline.due', {
                              when: formatDateTime(item.dueAt, i18n.language),
                            })}
                          </Text>
                        ) : null}
                      </Text>
                    </Stack>
                    {item.kind === 'task' && canTick(item) ? (
                      <Checkbox
                        aria-label={
                          item.doneAt
                            ? t('activities.timeline.markOpen')
                            : t('activities.timeline.markDone')
                        }
                        checked={item.doneAt !== null}
                        onChange={() => void toggle(item)}
                      />
                    ) : null}
                  </Group>
                </li>
              );
            })}
          </Stack>
        )}
        {cursor ? (
          <Group>
            <Button variant="default" loading={loading} onClick={() => void load(cursor)}>
              {t('activities.timeline.more')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
