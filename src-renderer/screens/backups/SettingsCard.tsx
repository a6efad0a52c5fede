/** Schedule, retention and encryption of the backups, saved together. */
import {
  Alert,
  Card,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings } from '../../../src-shared/ipc/backup';
import { BusyButton } from '../../components/BusyButton';
import { SubmitForm } from '../../components/SubmitForm';
import { SecretKindRadio } from './SecretKindRadio';
import { LabelledSegments } from '../../components/LabelledSegments';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The three retention counts, with their labels and bounds (the main process checks again). */
const RETENTION = [
  { key: 'daily', label: 'backups.settings.keepDaily', min: 1, max: 366 },
  { key: 'weekly', label: 'backups.settings.keepWeekly', min: 0, max: 520 },
  { key: 'monthly', label: 'backups.settings.keepMonthly', min: 0, max: 1200 },
] as const;

interface SettingsCardProps {
  settings: BackupSettings;
  /** Saves; resolves true when saved. */
  onSave: (settings: BackupSettings, passphrase: string | undefined) => Promise<boolean>;
  /** The caller may choose the encryption (`backup.encryption`: the owner). */
  canEncrypt: boolean;
  /** Nothing here can be saved by the caller (backups use the owner's passphrase). */
  readOnly: boolean;
}

/** The editable schedule/retention/encryption form (the destinations are edited in their table). */
export function SettingsCard({ settings, onSave, canEncrypt, readOnly }: SettingsCardProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(settings);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const timeValid = TIME.test(draft.schedule.time);

  const setSchedule = (patch: Partial<BackupSettings['schedule']>) => {
    setSaved(false);
    setDraft(d => ({ ...d, schedule: { ...d.schedule, ...patch } }));
  };
  const setRetention = (key: keyof BackupSettings['retention'], value: string | number) => {
    setSaved(false);
    const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
    if (Number.isFinite(n)) setDraft(d => ({ ...d, retention: { ...d.retention, [key]: n } }));
  };

  const save = async () => {
    if (!timeValid) return;
    setBusy(true);
    const ok = await onSave(
      { ...draft, destinations: settings.destinations },
      draft.encryption === 'passphrase' && passphrase ? passphrase : undefined,
    );
    setBusy(false);
    if (ok) {
      setPassphrase('');
      setSaved(true);
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="backup-settings">
      <SubmitForm onSubmit={save}>
        <Stack gap="md">
          <Title order={2} size="h4" id="backup-settings">
            {t('backups.settings.heading')}
          </Title>
          <LabelledSegments
            id="backup-kind"
            label={t('backups.settings.kind')}
            value={draft.schedule.kind}
            onChange={value => setSchedule({ kind: value === 'weekly' ? 'weekly' : 'daily' })}
            data={[
              { value: 'daily', label: t('backups.settings.daily') },
              { value: 'weekly', label: t('backups.settings.weekly') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('backups.settings.time')}
              value={draft.schedule.time}
              onChange={event => setSchedule({ time: event.currentTarget.value.trim() })}
              error={timeValid ? undefined : t('backups.settings.timeError')}
              maxLength={5}
            />
            {draft.schedule.kind === 'weekly' ? (
              <Select
                label={t('backups.settings.weekday')}
                value={String(draft.schedule.weekday)}
                onChange={value => setSchedule({ weekday: Number(value ?? 1) })}
                allowDeselect={false}
                data={['1', '2', '3', '4', '5', '6', '0'].map(d => ({
                  value: d,
                  label: t(`backups.settings.weekdays.${d}`),
                }))}
              />
            ) : null}
          </Group>
          <Group grow align="flex-start">
            {RETENTION.map(({ key, label, min, max }) => (
              <NumberInput
                key={key}
                label={t(label)}
                min={min}
                max={max}
                value={draft.retention[key]}
                onChange={v => setRetention(key, v)}
              />
            ))}
          </Group>
          <SecretKindRadio
            label={t('backups.settings.encryption')}
            value={draft.encryption}
            onChange={encryption => {
              setSaved(false);
              setDraft(d => ({ ...d, encryption }));
            }}
            recoveryKeyLabel={t('backups.settings.recoveryKey')}
            passphraseLabel={t('backups.settings.passphrase')}
            disabled={!canEncrypt}
            {...(canEncrypt ? {} : { description: t('backups.settings.encryptionOwnerOnly') })}
          />
          {canEncrypt && draft.encryption === 'passphrase' ? (
            <PasswordInput
              label={t('backups.settings.passphraseLabel')}
              description={t('backups.settings.passphraseHint')}
              value={passphrase}
              onChange={event => setPassphrase(event.currentTarget.value)}
              autoComplete="new-password"
            />
          ) : null}
          {saved ? (
            <Alert color="green" variant="light" role="status">
              {t('backups.settings.saved')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <BusyButton
              type="submit"
              busy={busy}
              busyLabel={t('backups.settings.saving')}
              disabled={readOnly}
            >
              {t('backups.settings.save')}
            </BusyButton>
          </Group>
        </Stack>
      </SubmitForm>
    </Card>
  );
}
