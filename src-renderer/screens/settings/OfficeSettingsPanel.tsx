/**
 * The office settings form (owner, administrator): office name, default currency, first day of the
 * week and the auto-lock. Saved through `settings.updateOffice` (checked and audited in main);
 * the new values apply at once (header, idle lock, new deals, date pickers).
 */
import { Alert, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { CURRENCIES } from '../../../src-shared/deals/codes';
import {
  AUTO_LOCK_CHOICES,
  OFFICE_NAME_MAX,
  WEEK_STARTS,
  officeSettingsSchema,
  type OfficeSettings,
} from '../../../src-shared/settings/office';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { applyOfficeSettings, useOfficeSettings } from '../../app/office';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The form; read-only without `settings.manage`. */
export function OfficeSettingsPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const current = useOfficeSettings();
  const canEdit = useGranted('settings.manage');
  const [draft, setDraft] = useState<OfficeSettings>(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [saved, setSaved] = useState(false);
  const nameTooLong = draft.officeName.trim().length > OFFICE_NAME_MAX;
  const change = (patch: Partial<OfficeSettings>) => {
    setSaved(false);
    setDraft(d => ({ ...d, ...patch }));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || nameTooLong) return;
    const parsed = officeSettingsSchema.safeParse(draft);
    if (!parsed.success) return;
    setBusy(true);
    setError(null);
    const result = await api.settings.updateOffice(parsed.data);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    applyOfficeSettings(result.value);
    setDraft(result.value);
    setSaved(true);
  };

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md" maw={560}>
        <Title order={1} size="h3">
          {t('office.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('office.intro')}
        </Text>
        {canEdit ? null : <Alert color="gray">{t('office.readOnly')}</Alert>}
        <TextInput
          label={t('office.officeName')}
          description={t('office.officeNameHint')}
          placeholder={t('office.officeNamePlaceholder')}
          value={draft.officeName}
          onChange={e => change({ officeName: e.currentTarget.value })}
          error={nameTooLong ? t('office.officeNameTooLong', { max: OFFICE_NAME_MAX }) : undefined}
          disabled={!canEdit}
        />
        <Select
          label={t('office.currency')}
          description={t('office.currencyHint')}
          data={CURRENCIES.map(c => ({ value: c, label: c }))}
          value={draft.currency}
          onChange={v => v && change({ currency: v as OfficeSettings['currency'] })}
          allowDeselect={false}
          disabled={!canEdit}
        />
        <Select
          label={t('office.weekStart')}
          data={WEEK_STARTS.map(w => ({ value: w, label: t(`office.weekStarts.${w}`) }))}
          value={draft.weekStart}
          onChange={v => v && change({ weekStart: v as OfficeSettings['weekStart'] })}
          allowDeselect={false}
          disabled={!canEdit}
        />
        <Select
          label={t('office.autoLock')}
          description={t('office.autoLockHint')}
          data={AUTO_LOCK_CHOICES.map(m => ({
            value: String(m),
            label: t('office.autoLockChoice', { count: m }),
          }))}
          value={String(draft.autoLockMinutes)}
          onChange={v => v && change({ autoLockMinutes: Number(v) })}
          allowDeselect={false}
          disabled={!canEdit}
        />
        <ErrorAlert error={error} />
        {saved ? (
          <Alert color="green" role="status">
            {t('office.saved')}
          </Alert>
        ) : null}
        {canEdit ? (
          <div>
            <BusyButton type="submit" busy={busy} busyLabel={t('office.saving')}>
              {t('office.save')}
            </BusyButton>
          </div>
        ) : null}
      </Stack>
    </form>
  );
}
