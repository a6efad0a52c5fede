/** The backup file path and the secret that opens it (recovery key or passphrase). */
import { PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MONOSPACE_INPUT } from '../../components/input-styles';
import { SecretKindRadio, type SecretKind } from './SecretKindRadio';

/** The wizard's first-step values. */
export interface SecretForm {
  file: string;
  kind: SecretKind;
  secret: string;
}

/** The call input for a form: `{ file, recoveryKey }` or `{ file, passphrase }`. */
export function secretInput(
  form: SecretForm,
): { file: string; recoveryKey: string } | { file: string; passphrase: string } {
  return form.kind === 'passphrase'
    ? { file: form.file.trim(), passphrase: form.secret }
    : { file: form.file.trim(), recoveryKey: form.secret.trim() };
}

/** True when the file and the secret are filled in. */
export function isSecretFormReady(form: SecretForm): boolean {
  return form.file.trim() !== '' && form.secret.trim() !== '';
}

interface SecretFieldsProps {
  form: SecretForm;
  update: (patch: Partial<SecretForm>) => void;
}

/** File path (text: the browser host has no file dialog), secret kind and the secret itself. */
export function SecretFields({ form, update }: SecretFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {/* Electron will add a "Choose…" button here through a dialog channel. */}
      <TextInput
        label={t('backups.wizard.file')}
        description={t('backups.wizard.fileHint')}
        value={form.file}
        onChange={event => update({ file: event.currentTarget.value })}
        required
        spellCheck={false}
        data-autofocus
        styles={MONOSPACE_INPUT}
      />
      <SecretKindRadio
        label={t('backups.wizard.secretKind')}
        value={form.kind}
        onChange={kind => update({ kind, secret: '' })}
        recoveryKeyLabel={t('backups.wizard.byRecoveryKey')}
        passphraseLabel={t('backups.wizard.byPassphrase')}
      />
      {form.kind === 'recovery_key' ? (
        <TextInput
          label={t('backups.wizard.recoveryKey')}
          description={t('backups.wizard.recoveryKeyHint')}
          value={form.secret}
          onChange={event => update({ secret: event.currentTarget.value })}
          required
          spellCheck={false}
          autoComplete="off"
          styles={MONOSPACE_INPUT}
        />
      ) : (
        <PasswordInput
          label={t('backups.wizard.passphrase')}
          value={form.secret}
          onChange={event => update({ secret: event.currentTarget.value })}
          required
          autoComplete="off"
        />
      )}
    </Stack>
  );
}
