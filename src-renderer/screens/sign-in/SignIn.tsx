/** Sign-in: login, password, and the authenticator code or a one-time recovery code. */
import { Alert, Anchor, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loginSchema } from '../../../src-shared/ipc/auth';
import { showResetPassword } from '../../app/session-actions';
import { AuthLayout } from '../../components/AuthLayout';
import { BusyButton } from '../../components/BusyButton';
import {
  isSecondFactorValid,
  secondFactorInput,
  SecondFactorField,
  type SecondFactor,
} from '../../components/SecondFactorField';
import { SignInError } from '../../components/SignInError';
import { useSessionStore } from '../../stores/session';
import { useSignInAttempt } from './useSignInAttempt';

/** The sign-in screen (state `locked` with no remembered user, or after "sign in as someone else"). */
export function SignIn() {
  const { t } = useTranslation();
  const notice = useSessionStore(state => state.notice);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [factor, setFactor] = useState<SecondFactor>({ mode: 'totp', value: '' });
  const [tried, setTried] = useState(false);
  const { busy, error, wait, attempt } = useSignInAttempt();
  const passwordRef = useRef<HTMLInputElement>(null);

  const loginOk = loginSchema.safeParse(login).success;
  const valid = loginOk && password.length > 0 && isSecondFactorValid(factor);

  const submit = async () => {
    setTried(true);
    if (!valid || busy || wait > 0) return;
    if (await attempt({ login, password, ...secondFactorInput(factor) })) return;
    // A failed attempt clears the secrets the user must type again; the login stays.
    setPassword('');
    setFactor(current => ({ ...current, value: '' }));
    setTried(false);
    passwordRef.current?.focus();
  };

  return (
    <AuthLayout title={t('signIn.title')} intro={t('signIn.intro')}>
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {notice ? (
            <Alert color="teal" variant="light" role="status">
              {t(notice)}
            </Alert>
          ) : null}
          <SignInError error={error} wait={wait} />
          <TextInput
            label={t('signIn.loginLabel')}
            value={login}
            onChange={event => setLogin(event.currentTarget.value)}
            autoComplete="username"
            spellCheck={false}
            autoFocus
            required
            error={tried && !loginOk ? t('setup.account.loginInvalid') : undefined}
          />
          <PasswordInput
            label={t('signIn.passwordLabel')}
            value={password}
            onChange={event => setPassword(event.currentTarget.value)}
            autoComplete="current-password"
            ref={passwordRef}
            required
            error={tried && password.length === 0 ? t('common.required') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <SecondFactorField factor={factor} onChange={setFactor} showError={tried} />
          <BusyButton
            type="submit"
            fullWidth
            busy={busy}
            busyLabel={t('signIn.submitting')}
            disabled={wait > 0}
          >
            {t('signIn.submit')}
          </BusyButton>
          <Anchor component="button" type="button" size="sm" onClick={showResetPassword}>
            {t('signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
