/**
 * This laptop's office sync (`#/office/settings`): joining (server address and enrolment code)
 * while the vault does not sync, "waiting for approval" while the owner has not approved this
 * computer, and then the server address and the certificate fingerprint it pins, this device's
 * id, the last sync time and "Sync now" (`sync.now`, then the status again); for the owner
 * (`settings.manage`) an invitation code for a colleague and the computers waiting for approval;
 * while waiting or joined, "Forget this office" (./ForgetOffice.tsx; on the office's owner device
 * for the owner only).
 */
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../src-shared/ipc/sync';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { ForgetOffice } from './ForgetOffice';
import { InviteColleague } from './InviteColleague';
import { JoinOfficeForm } from './JoinOfficeForm';
import { SyncProgressBar } from './SyncProgressBar';
import { useOfficeView } from './store';

/** How often the panel asks for the status while a round runs. */
const PROGRESS_POLL_MS = 500;

/** The office sync panel. */
export function OfficeSyncPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const canManage = useGranted('settings.manage');

  const load = useCallback(async () => {
    const result = await api.sync.status({});
    if (result.ok) setStatus(result.value);
    else setMessage({ ok: false, text: t(`errors.${result.error.code}`) });
  }, [api, t]);

  useEffect(() => {
    void load();
  }, [load]);

  // While a round runs here (or a first pull is counted), ask again often: the bar moves.
  const counting = busy || status?.progress !== undefined;
  useEffect(() => {
    if (!counting) return;
    const timer = window.setInterval(() => void load(), PROGRESS_POLL_MS);
    return () => window.clearInterval(timer);
  }, [counting, load]);

  const syncNow = async () => {
    setBusy(true);
    setMessage(null);
    const result = await api.sync.now({});
    setBusy(false);
    const notYet = status?.state === 'pending' && !result.ok && result.error.code === 'auth_failed';
    setMessage(
      notYet
        ? { ok: false, text: t('office.pending.notYet') }
        : result.ok
          ? {
              ok: true,
              text: t('office.syncPanel.done', {
                pushed: result.value.pushed,
                pulled: result.value.pulled,
              }),
            }
          : { ok: false, text: t(`errors.${result.error.code}`) },
    );
    await load();
  };

  const forgotten = () => {
    setMessage({ ok: true, text: t('office.forget.done') });
    void load();
  };

  const when = (iso: string | null) =>
    iso === null
      ? t('office.syncPanel.never')
      : new Intl.DateTimeFormat(i18n.language === 'uk' ? 'uk-UA' : 'en-GB', {
          dateStyle: 'short',
          timeStyle: 'medium',
        }).format(new Date(iso));

  if (!status) return null;
  const rows: [string, string][] = [
    [t('office.syncPanel.server'), status.serverUrl ?? ''],
    [t('office.syncPanel.fingerprint'), status.fingerprint ?? t('office.syncPanel.noFingerprint')],
    [t('office.syncPanel.device'), status.deviceId ?? ''],
    [t('office.syncPanel.lastSync'), when(status.lastSyncAt)],
  ];
  return (
    <Stack gap="md">
      <Title order={2}>{t('office.syncPanel.title')}</Title>
      {status.state === 'off' ? (
        <>
          <Text>{t('office.syncPanel.off')}</Text>
          <JoinOfficeForm
            onJoined={() => {
              void load();
            }}
          />
        </>
      ) : status.state === 'pending' ? (
        <Alert color="blue" title={t('office.pending.title')} data-testid="office-pending">
          <Stack gap="sm">
            <Text size="sm">{t('office.pending.text')}</Text>
            <div>
              <Button onClick={() => void syncNow()} loading={busy}>
                {t('office.pending.check')}
              </Button>
            </div>
            <Text size="sm">{t('office.pending.refused')}</Text>
            <ForgetOffice onForgotten={forgotten} />
          </Stack>
        </Alert>
      ) : (
        <>
          <Table data-testid="office-sync-facts" withRowBorders={false}>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                    {value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button onClick={() => void syncNow()} loading={busy}>
              {t('office.syncPanel.now')}
            </Button>
            <Button variant="default" onClick={() => useOfficeView.getState().show('conflicts')}>
              {t('office.syncPanel.conflicts')}
            </Button>
          </Group>
          {canManage ? <InviteColleague when={iso => when(iso)} /> : null}
          {/* On the office's owner device only the owner may forget it (the router's rule). */}
          {status.ownerDevice && !canManage ? null : <ForgetOffice onForgotten={forgotten} />}
        </>
      )}
      {status.progress ? <SyncProgressBar progress={status.progress} /> : null}
      {status.dismissals ? (
        <Alert color="yellow" data-testid="office-dismissals">
          {t('office.syncPanel.dismissals', { count: status.dismissals.waiting })}
        </Alert>
      ) : null}
      {message ? (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      ) : null}
    </Stack>
  );
}
