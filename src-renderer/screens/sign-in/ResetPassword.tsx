/** "Forgot password?": the owner's recovery key sets a new password for a login. */
import { Anchor, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryKeySchema } from '../../../src-shared/ipc/auth';
import { useApi } from '../../app/api';
import { showSignIn } from '../../app/session-actions';
import { AuthLayout } from '../../components/AuthLayout';
import { LoginInput, isLoginOk } from '../../components/LoginInput';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields, useNewPassword } from '../../components/PasswordFields';
import { SubmitForm } from '../../components/SubmitForm';
import { useAction } from '../../components/useAction';
import { MONOSPACE_INPUT } from '../../components/input-styles';

/** Recovery key, login, new password (with the same live policy feedback as setup). */
export function ResetPassword() {
  const { t } = useTranslation();
  const api = useApi();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [login, setLogin] = useState('');
  const newPassword = useNewPassword(login);
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useAction();

  const keyOk = recoveryKeySchema.safeParse(recoveryKey).success;
  const valid = keyOk && isLoginOk(login) && newPassword.ok;

  const submit = async () => {
    setTried(true);
    if (!valid) return;
    await run(
      () =>
        api.auth.resetPasswordWithRecoveryKey({
          recoveryKey,
          login,
          newPassword: newPassword.password,
        }),
      () => showSignIn('signIn.passwordReset'),
    );
  };

  return (
    <AuthLayout title={t('reset.title')} intro={t('reset.intro')} width={520}>
      <SubmitForm onSubmit={submit}>
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
            styles={MONOSPACE_INPUT}
          />
          <LoginInput
            label={t('reset.loginLabel')}
            value={login}
            onChange={setLogin}
            showError={tried}
          />
          <PasswordFields
            label={t('reset.newPasswordLabel')}
            showErrors={tried}
            {...newPassword.fields}
          />
          <BusyButton type="submit" fullWidth busy={busy} busyLabel={t('reset.submitting')}>
            {t('reset.submit')}
          </BusyButton>
          <Anchor component="button" type="button" size="sm" onClick={() => showSignIn()}>
            {t('reset.backToSignIn')}
          </Anchor>
        </Stack>
      </SubmitForm>
    </AuthLayout>
  );
}
