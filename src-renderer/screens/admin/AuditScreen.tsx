/** The audit log section: filters, the entries, "Load older", the chain check and the CSV export. */
import { Alert, Button, Group, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AuditEntryPage,
  AuditEntryView,
  AuditVerifyView,
} from '../../../src-shared/ipc/audit';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAction';
import { useLoaded } from '../../components/useLoaded';
import { AuditFilters } from './AuditFilters';
import {
  EMPTY_FILTERS,
  exportInputOf,
  listInputOf,
  saveTextFile,
  type AuditFilterForm,
} from './audit-filters';
import { AuditTable } from './AuditTable';
import { useRecordNames } from './audit-names';
import { DoneNotice } from './DoneNotice';
import { OfficeAuditLog } from './OfficeAuditLog';
import { PagedEntriesList } from './PagedEntriesList';
import { usePagedEntries, type PageReader } from './usePagedEntries';
import { useGranted } from '../../app/grants';
import { ariaKeys, useShortcuts } from '../../app/shortcuts';

/** Entries per page. */
const PAGE = 100;

const readPage: PageReader<AuditEntryPage, AuditEntryView, number> = page => ({
  entries: page.entries,
  next: page.nextBeforeSeq,
});

/** The audit log (section `audit`, needs `audit.read`; exporting needs `audit.export`). */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const canListUsers = useGranted('users.read');
  const canExport = useGranted('audit.export');
  const users = useLoaded(() => api.users.list({}), canListUsers);
  const actions = useLoaded(() => api.audit.actions({}));
  // A vault in an office: the owner (or an auditor) may switch to the other laptops' entries.
  const office = useLoaded(() => api.audit.office({ limit: 1 }));
  const [view, setView] = useState<'laptop' | 'office'>('laptop');
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTERS);
  const [applied, setApplied] = useState<AuditFilterForm>(EMPTY_FILTERS);
  const fetchPage = useCallback(
    (beforeSeq?: number) => api.audit.list(listInputOf(applied, PAGE, beforeSeq)),
    [api, applied],
  );
  const paged = usePagedEntries(fetchPage, readPage);
  const { entries, next, loading, error, load } = paged;
  const records = useRecordNames(api, entries);
  // User ids and pipeline ids in changes and details read as names (ids never collide).
  const names = useMemo(
    () =>
      new Map([
        ...(users.value ?? []).map(u => [u.id, u.displayName] as const),
        ...[...records.values()]
          .filter(r => r.entityType === 'pipeline')
          .map(r => [r.entityId, r.name] as const),
      ]),
    [users.value, records],
  );
  const people = useMemo(
    () => new Map((users.value ?? []).map(u => [u.login, u.displayName] as const)),
    [users.value],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const [verify, setVerify] = useState<AuditVerifyView | null>(null);
  const verifying = useAction();
  async function runVerify() {
    setVerify(null);
    await verifying.run(() => api.audit.verify({}), setVerify);
  }

  const exporting = useAction();
  const [exported, setExported] = useState<string | null>(null);
  async function runExport() {
    if (exporting.busy) return;
    setExported(null);
    await exporting.run(
      () => api.audit.export(exportInputOf(applied, i18n.language)),
      file => {
        saveTextFile(file.fileName, file.mimeType, file.content);
        setExported(t('admin.audit.exported', { fileName: file.fileName, count: file.count }));
      },
    );
  }
  useShortcuts(canExport ? [['auditExport', () => void runExport()]] : []);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('admin.auditTitle')}</Title>
        <Group gap="xs">
          <Tooltip label={t('admin.audit.verifyHint')} withArrow multiline w={280}>
            <BusyButton
              variant="default"
              busy={verifying.busy}
              busyLabel={t('admin.audit.verifyBusy')}
              onClick={() => void runVerify()}
            >
              {t('admin.audit.verify')}
            </BusyButton>
          </Tooltip>
          {canExport ? (
            <Tooltip label={t('admin.audit.exportHint')} withArrow>
              <BusyButton
                busy={exporting.busy}
                busyLabel={t('admin.audit.exportBusy')}
                onClick={() => void runExport()}
                aria-keyshortcuts={ariaKeys('auditExport')}
              >
                {t('admin.audit.exportCsv')}
              </BusyButton>
            </Tooltip>
          ) : null}
        </Group>
      </Group>
      <VerifyResult result={verify} />
      <ErrorAlert error={verifying.error} />
      <ErrorAlert error={exporting.error} />
      <DoneNotice text={exported} onClose={() => setExported(null)} />
      {office.value?.joined ? (
        <SegmentedControl
          w="fit-content"
          aria-label={t('admin.officeAudit.view')}
          value={view}
          onChange={value => setView(value === 'office' ? 'office' : 'laptop')}
          data={[
            { value: 'laptop', label: t('admin.officeAudit.thisLaptop') },
            { value: 'office', label: t('admin.officeAudit.office') },
          ]}
        />
      ) : null}
      {view === 'office' ? <OfficeAuditLog names={names} /> : null}
      <Stack gap="md" display={view === 'office' ? 'none' : undefined}>
        <AuditFilters
          form={form}
          onChange={setForm}
          onApply={() => setApplied(form)}
          onClear={() => {
            setForm(EMPTY_FILTERS);
            setApplied(EMPTY_FILTERS);
          }}
          users={canListUsers ? (users.value ?? []) : null}
          actions={actions.value?.actions ?? []}
        />
        <ErrorAlert error={error} />
        {error ? (
          <Button variant="default" w="fit-content" onClick={() => void load()}>
            {t('admin.retry')}
          </Button>
        ) : null}
        <PagedEntriesList paged={paged} empty={t('admin.audit.empty')}>
          <AuditTable entries={entries} names={names} records={records} people={people} />
        </PagedEntriesList>
        {!loading && !error && next === null && entries.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('admin.audit.end')}
          </Text>
        ) : null}
      </Stack>
    </Stack>
  );
}

/** Green "chain intact: N entries" or red "broken at #N" with the reason. */
function VerifyResult({ result }: { result: AuditVerifyView | null }) {
  const { t } = useTranslation();
  if (!result) return null;
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" role="status">
        {t('admin.audit.intact', { count: result.count })}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" role="alert">
      {t('admin.audit.broken', { seq: result.brokenAt })}{' '}
      {t(`admin.audit.brokenReason.${result.reason}`)}
    </Alert>
  );
}
