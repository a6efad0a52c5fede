/**
 * The audit entries table: local time, who, the action in words, the record, the outcome, and a
 * "Details" toggle that opens the field changes (before → after) and the entry's extra details.
 */
import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditRecordName } from '../../../src-shared/ipc/audit';
import { openRecord } from '../search/open';
import { recordKey } from './audit-names';
import { ChangeList } from '../../components/EntityHistory';
import {
  actionLabel,
  detailCodeText,
  detailLabel,
  entityTypeLabel,
  formatTime,
  formatValue,
  shortId,
} from './audit-format';
import { StatusBadge } from './StatusBadge';
import { DataTable } from '../../components/DataTable';

const OUTCOME_COLORS = { ok: 'teal', denied: 'orange', failed: 'red' } as const;
/** Record types with a page of their own. */
const OPENABLE = ['contact', 'company', 'deal'] as const;

/** The table of entries, newest first (as the server returns them). */
export function AuditTable<E extends AuditEntryView>({
  entries,
  names,
  records,
  people,
  keyOf = entry => String(entry.seq),
  from,
}: {
  entries: readonly E[];
  /** User id → name, when the caller may list users (ids in changes and details read as names). */
  names?: ReadonlyMap<string, string>;
  /** Records main named for this reader (`contact:<id>` → name, openable); others stay ids. */
  records?: ReadonlyMap<string, AuditRecordName>;
  /** Login → full name, when the caller may list users. */
  people?: ReadonlyMap<string, string>;
  /** A unique key per entry (entries of several laptops share seqs). */
  keyOf?: (entry: E) => string;
  /** When given, a "From" column (the office view: the laptop and user an entry came from). */
  from?: (entry: E) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  function toggle(key: string) {
    setOpen(previous => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  return (
    <DataTable
      minWidth={820}
      striped
      verticalSpacing={6}
      aria-label={t('admin.audit.tableLabel')}
      columns={[
        t('admin.audit.time'),
        t('admin.audit.who'),
        ...(from ? [t('admin.officeAudit.from')] : []),
        t('admin.audit.what'),
        t('admin.audit.entity'),
        t('admin.audit.outcome'),
        t('admin.audit.details'),
      ]}
    >
      {entries.map(entry => {
        const key = keyOf(entry);
        const expanded = open.has(key);
        const detailsId = `audit-entry-${key}`;
        return (
          <Fragment key={key}>
            <Table.Tr>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatTime(entry.at, i18n.language)}
              </Table.Td>
              <Table.Td title={entry.userLogin ?? undefined}>
                {entry.userLogin
                  ? (people?.get(entry.userLogin) ?? entry.userLogin)
                  : t('admin.audit.system')}
              </Table.Td>
              {from ? <Table.Td>{from(entry)}</Table.Td> : null}
              <Table.Td>{actionLabel(t, entry.action)}</Table.Td>
              <Table.Td>
                <EntityCell entry={entry} records={records} />
              </Table.Td>
              <Table.Td>
                <StatusBadge color={OUTCOME_COLORS[entry.outcome]}>
                  {t(`admin.audit.outcomes.${entry.outcome}`)}
                </StatusBadge>
              </Table.Td>
              <Table.Td>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailsId : undefined}
                  aria-label={t('admin.audit.showDetails', { seq: entry.seq })}
                  onClick={() => toggle(key)}
                >
                  {expanded ? '▾' : '▸'} {t('admin.audit.details')}
                </Button>
              </Table.Td>
            </Table.Tr>
            {expanded ? (
              <Table.Tr id={detailsId}>
                <Table.Td colSpan={from ? 7 : 6} bg="var(--mantine-color-gray-0)">
                  <EntryDetails entry={entry} names={names} />
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Fragment>
        );
      })}
    </DataTable>
  );
}

/**
 * The record an entry is about: "Контакт: Олена Шевчук" (a link when the reader may open it) when
 * main named it, else the record type and a short id (deleted, out of scope, or not a record).
 */
function EntityCell({
  entry,
  records,
}: {
  entry: AuditEntryView;
  records?: ReadonlyMap<string, AuditRecordName>;
}) {
  const { t } = useTranslation();
  if (!entry.entityType) {
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  }
  const type = entityTypeLabel(t, entry.entityType);
  const named = entry.entityId
    ? records?.get(recordKey(entry.entityType, entry.entityId))
    : undefined;
  const ref = OPENABLE.find(kind => kind === entry.entityType);
  if (named && entry.entityId) {
    const id = entry.entityId;
    return (
      <>
        {type}:{' '}
        {named.openable && ref ? (
          <Anchor component="button" type="button" onClick={() => openRecord({ type: ref, id })}>
            {named.name}
          </Anchor>
        ) : (
          named.name
        )}
      </>
    );
  }
  return (
    <>
      {type}{' '}
      {entry.entityId ? (
        <Text span ff="monospace" size="xs" c="dimmed" title={entry.entityId}>
          {shortId(entry.entityId)}
        </Text>
      ) : null}
    </>
  );
}

function EntryDetails({
  entry,
  names,
}: {
  entry: AuditEntryView;
  names?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const details = Object.entries(entry.details ?? {});
  const hasChanges = entry.changes !== null && Object.keys(entry.changes).length > 0;
  return (
    <Stack gap={4} py={4}>
      <Text size="xs" c="dimmed">
        #{entry.seq}
        {entry.entityId ? ` · ${entry.entityId}` : ''}
        {entry.deviceId ? ` · ${entry.deviceId}` : ''}
      </Text>
      {hasChanges ? (
        <ChangeList entry={entry} names={names} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('admin.audit.noChanges')}
        </Text>
      )}
      {details.map(([key, value]) => (
        <Text key={key} size="sm">
          <Text span fw={500}>
            {detailLabel(t, key)}:
          </Text>{' '}
          {detailCodeText(t, key, value) ??
            ((typeof value === 'string' && names?.get(value)) || formatValue(t, value))}
        </Text>
      ))}
    </Stack>
  );
}
