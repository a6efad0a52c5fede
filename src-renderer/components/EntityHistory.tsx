/**
 * A record's history from the audit log ("who changed this phone number and when"): a compact
 * timeline of who, when, and which fields went from what to what. Rendered only for users whose role
 * reads the audit log (the main process refuses the call to everyone else anyway).
 */
import { Button, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../src-shared/ipc/audit';
import type { ZamokApi } from '../../src-shared/ipc';
import type { CallError } from '../../src-shared/ipc/contract';
import { grantOf } from '../../src-shared/roles';
import { useApi } from '../app/api';
import { actionLabel, fieldChanges, formatTime } from '../screens/admin/audit-format';
import { useSessionStore } from '../stores/session';
import { ErrorAlert } from './ErrorAlert';

/** Entries fetched per page. */
const PAGE = 20;

interface EntityHistoryProps {
  /** The audit entity type, e.g. `contact`. */
  entityType: string;
  entityId: string;
  /** Only the entries that changed this field (e.g. `phones`). */
  field?: string;
  /** Heading level of the "History of changes" title (default 3); `null` hides the title. */
  titleOrder?: 2 | 3 | 4 | null;
}

/** `<EntityHistory entityType="contact" entityId={id} />`: nothing at all without `audit.read`. */
export function EntityHistory(props: EntityHistoryProps) {
  const grants = useSessionStore(s => s.user?.grants);
  if (!grants || grantOf(grants, 'audit.read') !== true) return null;
  return <HistoryTimeline {...props} readUsers={grantOf(grants, 'users.read') === true} />;
}

/**
 * Names for the user ids in changes (owner, shared with): every account with `users.read` (a
 * dismissed former owner too), else the active colleagues' names; empty when neither answers.
 */
async function userNames(api: ZamokApi, readUsers: boolean): Promise<Map<string, string>> {
  const result = readUsers ? await api.users.list({}) : await api.users.colleagues({});
  return new Map(result.ok ? result.value.map(user => [user.id, user.displayName] as const) : []);
}

function HistoryTimeline({
  entityType,
  entityId,
  field,
  titleOrder = 3,
  readUsers,
}: EntityHistoryProps & { readUsers: boolean }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [names, setNames] = useState<ReadonlyMap<string, string> | null>(null);
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<CallError | null>(null);

  const load = useCallback(
    async (beforeSeq: number | undefined, isCurrent: () => boolean = () => true) => {
      setLoading(true);
      setError(null);
      const result = await api.audit.entityHistory({
        entityType,
        entityId,
        limit: PAGE,
        ...(field ? { field } : {}),
        ...(beforeSeq !== undefined ? { beforeSeq } : {}),
      });
      if (!isCurrent()) return;
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setEntries(previous =>
        beforeSeq === undefined ? result.value.entries : [...previous, ...result.value.entries],
      );
      setNext(result.value.nextBeforeSeq);
    },
    [api, entityType, entityId, field],
  );

  useEffect(() => {
    let current = true;
    void userNames(api, readUsers).then(map => {
      if (current) setNames(map);
    });
    return () => {
      current = false;
    };
  }, [api, readUsers]);

  useEffect(() => {
    // A different record: start over, and ignore an answer that arrives for the previous one.
    let current = true;
    setEntries([]);
    setNext(null);
    void load(undefined, () => current);
    return () => {
      current = false;
    };
  }, [load]);

  return (
    <Stack gap="sm" component="section" aria-label={t('admin.history.title')}>
      {titleOrder !== null ? <Title order={titleOrder}>{t('admin.history.title')}</Title> : null}
      <ErrorAlert error={error} />
      {!loading && !error && entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.history.empty')}
        </Text>
      ) : null}
      {/* Shown once the names are known, so an owner never flashes as "unknown user". */}
      {entries.length > 0 && names !== null ? (
        <Timeline bulletSize={12} lineWidth={2} active={-1}>
          {entries.map(entry => (
            <Timeline.Item key={entry.seq} title={actionLabel(t, entry.action)}>
              <Text size="xs" c="dimmed">
                {t('admin.history.by', {
                  who: entry.userLogin ?? t('admin.audit.system'),
                  when: formatTime(entry.at, i18n.language),
                })}
              </Text>
              <ChangeList
                entry={entry}
                names={names}
                unknownUser={t('admin.history.unknownUser')}
              />
            </Timeline.Item>
          ))}
        </Timeline>
      ) : null}
      {loading || (entries.length > 0 && names === null) ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('admin.loading')}
          </Text>
        </Group>
      ) : null}
      {!loading && next !== null ? (
        <Button variant="subtle" size="xs" w="fit-content" onClick={() => void load(next)}>
          {t('admin.history.loadOlder')}
        </Button>
      ) : null}
      {error ? (
        <Button variant="default" size="xs" w="fit-content" onClick={() => void load(undefined)}>
          {t('admin.retry')}
        </Button>
      ) : null}
    </Stack>
  );
}

/**
 * "Phones: +380 44 … → +380 67 …", one line per changed field; times in the interface language;
 * `names` turns user ids into names, `unknownUser` stands for an id it cannot name.
 */
export function ChangeList({
  entry,
  names,
  unknownUser,
}: {
  entry: Pick<AuditEntryView, 'changes'>;
  names?: ReadonlyMap<string, string>;
  unknownUser?: string;
}) {
  const { t, i18n } = useTranslation();
  const changes = fieldChanges(t, entry, { language: i18n.language, names, unknownUser });
  if (changes.length === 0) return null;
  return (
    <Stack gap={2} mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {changes.map(change => (
        <Text key={change.field} size="sm" component="li">
          <Text span fw={500}>
            {change.label}:
          </Text>{' '}
          <Text span c="dimmed">
            {change.before}
          </Text>
          {' → '}
          <Text span>{change.after}</Text>
        </Text>
      ))}
    </Stack>
  );
}
