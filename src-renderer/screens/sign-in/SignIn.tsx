/** Sign-in: login, password, and the authenticator code or a one-time recovery code. */
import { Alert, Anchor } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showResetPassword } from '../../app/session-actions';
import { AuthLayout } from '../../components/AuthLayout';
import { isLoginOk, LoginInput } from '../../components/LoginInput';
import { useSessionStore } from '../../stores/session';
import { SignInForm } from './SignInForm';

/** The sign-in screen (state `locked` with no remembered user, or after "sign in as someone else"). */
export function SignIn() {
  const { t } = useTranslation();
  const notice = useSessionStore(state => state.notice);
  const [login, setLogin] = useState('');

  return (
    <AuthLayout title={t('signIn.title')} intro={t('signIn.intro')}>
      <SignInForm
        login={login}
        loginOk={isLoginOk(login)}
        header={
          notice ? (
            <Alert color="teal" variant="light" role="status">
              {t(notice)}
            </Alert>
          ) : null
        }
        loginField={tried => (
          <LoginInput
            label={t('signIn.loginLabel')}
            value={login}
            onChange={setLogin}
            showError={tried}
            autoFocus
          />
        )}
        submitLabel={t('signIn.submit')}
        busyLabel={t('signIn.submitting')}
        footer={
          <Anchor component="button" type="button" size="sm" onClick={showResetPassword}>
            {t('signIn.forgot')}
          </Anchor>
        }
      />
    </AuthLayout>
  );
}
