/**
 * Settings → Devices and networks (holders of `settings.manage`): the "approved computers only"
 * switch, the computers seen at sign-in (approve, revoke, rename) and the office network editor.
 * Every decision is the main process's: this screen shows its answers, including refusals that
 * would shut out the computer in use.
 */
import { Alert, Button, Card, Loader, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import {
  ACCESS_CONFLICTS,
  type AccessSettings,
  type DevicesOverview,
} from '../../../src-shared/ipc/devices';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DeviceTable } from './DeviceTable';
import { NetworksCard } from './NetworksCard';

/** A `conflict` with a known reason, as its own sentence; other errors as usual. */
function AccessError({ error }: { error: CallError | null }) {
  const { t } = useTranslation();
  const reason = error?.code === 'conflict' ? error.details?.reason : undefined;
  if (ACCESS_CONFLICTS.some(known => known === reason)) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t(`security.devices.conflicts.${String(reason)}`)}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/** The panel. */
export function DevicesPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const [overview, setOverview] = useState<DevicesOverview | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);

  const load = useCallback(async () => {
    const result = await api.devices.list({});
    if (result.ok) setOverview(result.value);
    else setError(result.error);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Runs a change; on success reloads the list. */
  const act = async (work: () => Promise<Result<unknown>>): Promise<boolean> => {
    setError(null);
    const result = await work();
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    await load();
    return true;
  };
  const saveSettings = (patch: Partial<AccessSettings>) =>
    act(() => api.devices.updateSettings(patch));
  const onDevice = async (id: string, work: () => Promise<Result<unknown>>) => {
    setBusyId(id);
    await act(work);
    setBusyId(null);
  };

  if (!overview) {
    return error ? (
      <Stack gap="sm" align="flex-start">
        <ErrorAlert error={error} />
        <Button variant="default" onClick={() => void load()}>
          {t('security.devices.retry')}
        </Button>
      </Stack>
    ) : (
      <Stack align="center" py="xl">
        <Loader size="sm" aria-label={t('security.devices.loading')} />
      </Stack>
    );
  }
  const { settings, devices, machine } = overview;
  const pending = devices.filter(d => d.status === 'pending').length;

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('security.devices.intro')}
      </Text>
      <AccessError error={error} />
      <Card withBorder padding="lg" component="section" aria-labelledby="approved-computers">
        <Stack gap="md">
          <Title order={2} size="h4" id="approved-computers">
            {t('security.devices.approval.heading')}
          </Title>
          <Switch
            label={t('security.devices.approval.label')}
            description={
              settings.requireApprovedDevices
                ? t('security.devices.approval.hintOn')
                : t('security.devices.approval.hintOff')
            }
            checked={settings.requireApprovedDevices}
            disabled={switching}
            onChange={event => {
              const requireApprovedDevices = event.currentTarget.checked;
              setSwitching(true);
              void saveSettings({ requireApprovedDevices }).finally(() => setSwitching(false));
            }}
          />
          <Title order={3} size="h5">
            {t('security.devices.list.heading')}
          </Title>
          {pending > 0 ? (
            <Alert color="orange" variant="light" role="status">
              <Text size="sm" c="dark.8">
                {t('security.devices.list.pendingCount', { count: pending })}
              </Text>
            </Alert>
          ) : null}
          <DeviceTable
            devices={devices}
            busyId={busyId}
            onApprove={id => void onDevice(id, () => api.devices.approve({ id }))}
            onRevoke={id => void onDevice(id, () => api.devices.revoke({ id }))}
            onRename={(id, label) => act(() => api.devices.rename({ id, label }))}
          />
        </Stack>
      </Card>
      <NetworksCard settings={settings} machine={machine} onSave={saveSettings} />
    </Stack>
  );
}
