/**
 * The audit screen's office view: entries the other laptops of the office sent (through the
 * office audit partition; kept apart from this laptop's own log), newest received first, with the
 * user and computer each came from; a red notice when some do not verify in their laptop's chain.
 */
import { Alert, Stack, Text } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeAuditEntryView, OfficeAuditPage } from '../../../src-shared/ipc/audit';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuditTable } from './AuditTable';
import { shortId } from './audit-format';
import { PagedEntriesList } from './PagedEntriesList';
import { StatusBadge } from './StatusBadge';
import { usePagedEntries, type PageReader } from './usePagedEntries';

/** Entries per page. */
const PAGE = 100;

const readPage: PageReader<OfficeAuditPage, OfficeAuditEntryView, number> = page => ({
  entries: page.entries,
  next: page.nextBefore,
});

/** The office's audit entries (`names`: user id → name, when the reader may list users). */
export function OfficeAuditLog({ names }: { names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const api = useApi();
  const fetchPage = useCallback(
    (before?: number) =>
      api.audit.office(before === undefined ? { limit: PAGE } : { limit: PAGE, before }),
    [api],
  );
  const paged = usePagedEntries(fetchPage, readPage);
  const { entries, page, error, load } = paged;
  const problems = page?.problems ?? 0;
  useEffect(() => {
    void load();
  }, [load]);

  const keyOf = (entry: OfficeAuditEntryView) => `${entry.officeDeviceId}:${entry.seq}`;
  function from(entry: OfficeAuditEntryView) {
    const who = entry.userId ? names.get(entry.userId) : undefined;
    return (
      <Stack gap={2}>
        <Text size="sm">
          {who ? `${who} · ` : ''}
          <Text span size="xs" c="dimmed" ff="monospace" title={entry.officeDeviceId}>
            {t('admin.officeAudit.device', { id: shortId(entry.officeDeviceId) })}
          </Text>
        </Text>
        {entry.problem ? (
          <StatusBadge color="red">
            {t(`admin.officeAudit.problem.${entry.problem}`, entry.problem)}
          </StatusBadge>
        ) : null}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      {problems > 0 ? (
        <Alert color="red" variant="light" role="alert">
          {t('admin.officeAudit.problems', { count: problems })}
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      <PagedEntriesList paged={paged} empty={t('admin.officeAudit.empty')}>
        <AuditTable entries={entries} keyOf={keyOf} from={from} />
      </PagedEntriesList>
    </Stack>
  );
}
