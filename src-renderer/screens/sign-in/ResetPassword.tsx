/** "Forgot password?": the owner's recovery key sets a new password for a login. */
import { Anchor, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loginSchema, recoveryKeySchema } from '../../../src-shared/ipc/auth';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { showSignIn } from '../../app/session-actions';
import { AuthLayout } from '../../components/AuthLayout';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields, usePasswordCheck } from '../../components/PasswordFields';

/** Recovery key, login, new password (with the same live policy feedback as setup). */
export function ResetPassword() {
  const { t } = useTranslation();
  const api = useApi();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const check = usePasswordCheck(password, login);

  const keyOk = recoveryKeySchema.safeParse(recoveryKey).success;
  const loginOk = loginSchema.safeParse(login).success;
  const valid = keyOk && loginOk && check?.ok === true && password === confirm;

  const submit = async () => {
    setTried(true);
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    const result = await api.auth.resetPasswordWithRecoveryKey({
      recoveryKey,
      login,
      newPassword: password,
    });
    setBusy(false);
    if (result.ok) {
      showSignIn('signIn.passwordReset');
      return;
    }
    setError(result.error);
  };

  return (
    <AuthLayout title={t('reset.title')} intro={t('reset.intro')} width={520}>
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <ErrorAlert error={error} />
          <PasswordInput
            label={t('reset.recoveryKeyLabel')}
            value={recoveryKey}
            onChange={event => setRecoveryKey(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            required
            error={tried && !keyOk ? t('common.required') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <TextInput
            label={t('reset.loginLabel')}
            value={login}
            onChange={event => setLogin(event.currentTarget.value)}
            autoComplete="username"
            spellCheck={false}
            required
            error={tried && !loginOk ? t('setup.account.loginInvalid') : undefined}
          />
          <PasswordFields
            label={t('reset.newPasswordLabel')}
            password={password}
            confirm={confirm}
            onPasswordChange={setPassword}
            onConfirmChange={setConfirm}
            check={check}
            showErrors={tried}
          />
          <BusyButton type="submit" fullWidth busy={busy} busyLabel={t('reset.submitting')}>
            {t('reset.submit')}
          </BusyButton>
          <Anchor component="button" type="button" size="sm" onClick={() => showSignIn()}>
            {t('reset.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
