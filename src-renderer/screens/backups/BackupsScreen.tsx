/**
 * The backups page (owner and administrator): last verified backup and next run, "Back up now"
 * (Ctrl+B) with a progress bar, destinations with their state, schedule and retention, the history
 * of one destination, and (owner) the restore wizard.
 */
import { Alert, Button, Card, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRunResult, BackupSettings, BackupStatus } from '../../../src-shared/ipc/backup';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { type BackupApi, backupApi, formatWhen, runErrorText } from './backup-api';
import { BackupErrorAlert } from './BackupErrorAlert';
import { DestinationsCard } from './DestinationsCard';
import { HistoryCard } from './HistoryCard';
import { RestoreWizard } from './RestoreWizard';
import { SettingsCard } from './SettingsCard';
import { TransferProgress } from './TransferProgress';
import { PageHeader } from '../../components/PageHeader';
import { useGranted } from '../../app/grants';
import { ariaKeys, useShortcuts } from '../../app/shortcuts';

/** The section screen: says so when this build has no backup channels. */
export function BackupsScreen() {
  const { t } = useTranslation();
  const backup = backupApi(useApi());
  if (!backup) {
    return (
      <Alert color="gray" variant="light" m="md">
        {t('backups.unavailable')}
      </Alert>
    );
  }
  return <BackupsPage backup={backup} />;
}

interface Loaded {
  settings: BackupSettings;
  status: BackupStatus;
}

function BackupsPage({ backup }: { backup: BackupApi }) {
  const { t, i18n } = useTranslation();
  const canRestore = useGranted('backup.restore');
  const canEncrypt = useGranted('backup.encryption');
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<CallError | null>(null);
  const [actionError, setActionError] = useState<CallError | null>(null);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<BackupRunResult[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [wizard, setWizard] = useState<{ file: string; n: number } | null>(null);

  const load = useCallback(async () => {
    const [settings, status] = await Promise.all([backup.getSettings({}), backup.status({})]);
    if (!settings.ok) return setLoadError(settings.error);
    if (!status.ok) return setLoadError(status.error);
    setLoadError(null);
    setData({ settings: settings.value, status: status.value });
    setSelected(s => s ?? settings.value.destinations[0]?.id ?? null);
  }, [backup]);

  useEffect(() => {
    void load();
  }, [load]);

  const runNow = async (destinationId?: string) => {
    if (running || !data || data.settings.destinations.length === 0) return;
    setRunning(true);
    setResults(null);
    setActionError(null);
    const result = await backup.runNow(destinationId ? { destinationId } : {});
    setRunning(false);
    if (result.ok) setResults(result.value);
    else setActionError(result.error);
    await load();
    setReloadKey(k => k + 1);
  };

  const saveSettings = async (settings: BackupSettings, passphrase?: string) => {
    setActionError(null);
    const result = await backup.updateSettings(
      passphrase ? { settings, passphrase } : { settings },
    );
    if (!result.ok) {
      setActionError(result.error);
      return false;
    }
    await load();
    return true;
  };

  useShortcuts([['backupNow', () => void runNow()]]);

  if (loadError) {
    return (
      <Stack p="md" gap="md" maw={640}>
        <BackupErrorAlert error={loadError} />
        <Button variant="default" onClick={() => void load()} style={{ alignSelf: 'flex-start' }}>
          {t('backups.retry')}
        </Button>
      </Stack>
    );
  }
  if (!data) {
    return (
      <Group gap="sm" p="md" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('backups.loading')}</Text>
      </Group>
    );
  }

  const pathOf = (id: string) => data.settings.destinations.find(d => d.id === id)?.path ?? id;
  const destination = data.settings.destinations.find(d => d.id === selected) ?? null;
  const noDestinations = data.settings.destinations.length === 0;
  // Passphrase backups are the owner's to configure: main refuses other callers' saves.
  const readOnly = !canEncrypt && data.settings.encryption !== 'recovery_key';

  return (
    <Stack p="md" gap="lg" maw={1100}>
      <PageHeader title={t('backups.title')} intro={t('backups.intro')}>
        <Group gap="sm">
          {canRestore ? (
            <Button
              variant="default"
              onClick={() => setWizard(w => ({ file: '', n: (w?.n ?? 0) + 1 }))}
            >
              {t('backups.restore')}
            </Button>
          ) : null}
          <Tooltip label={t('backups.runNowHint')} withArrow>
            <BusyButton
              busy={running}
              busyLabel={t('backups.running')}
              disabled={noDestinations}
              aria-keyshortcuts={ariaKeys('backupNow')}
              onClick={() => void runNow()}
            >
              {t('backups.runNow')}
            </BusyButton>
          </Tooltip>
        </Group>
      </PageHeader>

      {running ? (
        <TransferProgress
          backup={backup}
          label={t('backups.running')}
          fallback={t('backups.runningProgress')}
          dimmed
        />
      ) : null}
      {readOnly ? (
        <Alert color="gray" variant="light">
          {t('backups.ownerPassphrase')}
        </Alert>
      ) : null}
      <BackupErrorAlert error={actionError} />
      {results?.map(r => (
        <Alert
          key={r.destinationId}
          color={r.error ? 'red' : r.verified ? 'green' : 'orange'}
          variant="light"
          role={r.error ? 'alert' : 'status'}
        >
          {r.error
            ? t('backups.runFailed', {
                path: pathOf(r.destinationId),
                error: runErrorText(t, r.reason),
              })
            : r.verified
              ? t('backups.runOk', { path: pathOf(r.destinationId) })
              : t('backups.runOkUnverified', { path: pathOf(r.destinationId) })}
        </Alert>
      ))}

      <Card withBorder padding="md">
        <Group gap="xl">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('backups.summary.lastVerified')}
            </Text>
            <Text fw={500}>
              {formatWhen(t, i18n.language, data.status.lastVerified?.at ?? null)}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('backups.summary.nextRun')}
            </Text>
            <Text fw={500}>
              {data.status.nextRunAt
                ? formatWhen(t, i18n.language, data.status.nextRunAt)
                : t('backups.summary.notScheduled')}
            </Text>
          </Stack>
        </Group>
      </Card>

      <DestinationsCard
        settings={data.settings}
        status={data.status}
        running={running}
        selected={selected}
        onSelect={setSelected}
        onRun={id => void runNow(id)}
        onSaveDestinations={destinations => saveSettings({ ...data.settings, destinations })}
        readOnly={readOnly}
      />
      {noDestinations ? null : (
        <HistoryCard
          backup={backup}
          destination={destination}
          reloadKey={reloadKey}
          canRestore={canRestore}
          onRestore={file => setWizard(w => ({ file, n: (w?.n ?? 0) + 1 }))}
        />
      )}
      <SettingsCard
        settings={data.settings}
        onSave={saveSettings}
        canEncrypt={canEncrypt}
        readOnly={readOnly}
      />
      {wizard ? (
        <RestoreWizard
          key={wizard.n}
          backup={backup}
          opened
          initialFile={wizard.file}
          onClose={() => setWizard(null)}
        />
      ) : null}
    </Stack>
  );
}
