/** Step 1: where the vault folder goes, and whether to bind it to this computer's keychain. */
import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { loadStatus } from '../../app/session-actions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MONOSPACE_INPUT } from '../../components/input-styles';
import { StepHeading } from '../../components/StepHeading';
import { SubmitForm } from '../../components/SubmitForm';
import { RestoreFromBackupLink } from '../first-run-restore/FirstRunRestore';
import { isVaultStepValid, type SetupForm } from './form';

interface VaultStepProps {
  form: SetupForm;
  update: (patch: Partial<SetupForm>) => void;
  keychainAvailable: boolean;
  error: CallError | null;
  onNext: () => void;
}

/** Folder field (default from the status) and the device-binding checkbox. */
export function VaultStep({ form, update, keychainAvailable, error, onNext }: VaultStepProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [tried, setTried] = useState(false);
  const invalid = tried && !isVaultStepValid(form);
  return (
    <SubmitForm
      onSubmit={() => {
        setTried(true);
        if (isVaultStepValid(form)) onNext();
      }}
    >
      <Stack gap="md">
        <StepHeading title={t('setup.vault.heading')} intro={t('setup.vault.intro')} />
        <ErrorAlert error={error} />
        {error?.code === 'vault_exists' ? (
          // A vault appeared in the folder (restored, or made in another window): sign in to it.
          <Button
            variant="default"
            onClick={() => void loadStatus(api)}
            style={{ alignSelf: 'start' }}
          >
            {t('setup.vault.goToSignIn')}
          </Button>
        ) : null}
        <TextInput
          label={t('setup.vault.dirLabel')}
          description={t('setup.vault.dirDescription')}
          value={form.vaultDir}
          onChange={event => update({ vaultDir: event.currentTarget.value })}
          required
          spellCheck={false}
          error={invalid ? t('common.required') : undefined}
          styles={MONOSPACE_INPUT}
        />
        <Checkbox
          label={t('setup.vault.keychainLabel')}
          description={
            keychainAvailable
              ? t('setup.vault.keychainDescription')
              : t('setup.vault.keychainUnavailable')
          }
          checked={keychainAvailable && form.deviceBinding}
          disabled={!keychainAvailable}
          onChange={event => update({ deviceBinding: event.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <RestoreFromBackupLink />
          <Button type="submit">{t('common.next')}</Button>
        </Group>
      </Stack>
    </SubmitForm>
  );
}
