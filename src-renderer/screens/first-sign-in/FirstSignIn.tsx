/**
 * First sign-in of a staff account (or after a 2FA reset): the session is restricted until the
 * user sets their own password and/or enrols the authenticator app. New recovery codes are shown
 * once afterwards.
 */
import { Anchor, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirstSignInResult, TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { errorFields, errorText, isEnrollmentExpired } from '../../app/errors';
import { enterApp, signOutSession } from '../../app/session-actions';
import { AuthLayout } from '../../components/AuthLayout';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isOneTimeCode, OneTimeCodeInput } from '../../components/OneTimeCodeInput';
import { PasswordFields, useNewPassword } from '../../components/PasswordFields';
import { StepHeading } from '../../components/StepHeading';
import { SubmitForm } from '../../components/SubmitForm';
import { TotpEnrollmentView } from '../../components/TotpEnrollmentView';
import { useSessionStore } from '../../stores/session';
import { NewRecoveryCodes } from './NewRecoveryCodes';

/** True when main refused the new password only (weak, or the issued one reused). */
function isPasswordRefusal(error: CallError): boolean {
  return error.code === 'weak_password' || errorFields(error).includes('newPassword');
}

/** The first sign-in screen (a signed-in user with `setupRequired`). */
export function FirstSignIn() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useSessionStore(state => state.user);
  const needs = user?.setupRequired ?? { changePassword: false, enrollTotp: false };
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  // The new password main refused, while it is still the one typed (its reason shows at the field).
  const [refused, setRefused] = useState<{ password: string; error: CallError } | null>(null);
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [done, setDone] = useState<FirstSignInResult | null>(null);
  const newPassword = useNewPassword(user?.login ?? '', user?.displayName);

  const login = user?.login ?? '';
  const needsEnrollment = needs.enrollTotp && enrollment === null && done === null;
  useEffect(() => {
    if (!needsEnrollment || !login) return;
    let cancelled = false;
    void api.auth.beginTotpEnrollment({ login }).then(result => {
      if (cancelled) return;
      if (result.ok) setEnrollment(result.value);
      else setError(result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [api, login, needsEnrollment]);

  if (!user) return null;
  if (done) {
    return (
      <NewRecoveryCodes
        login={user.login}
        codes={done.recoveryCodes}
        onContinue={() => enterApp(api, done.user)}
      />
    );
  }

  const passwordOk = !needs.changePassword || newPassword.ok;
  const codeOk = isOneTimeCode(code);

  const submit = async () => {
    setTried(true);
    if (!passwordOk || !codeOk || busy || (needs.enrollTotp && !enrollment)) return;
    setBusy(true);
    setError(null);
    const result = await api.auth.completeFirstSignIn({
      totpCode: code,
      ...(needs.changePassword ? { newPassword: newPassword.password } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const expired = needs.enrollTotp && isEnrollmentExpired(result.error);
      // An expired enrollment needs a fresh secret: drop it so a new QR code is fetched.
      if (expired) setEnrollment(null);
      setError(expired ? { ...result.error, details: { field: 'enrollment' } } : result.error);
      // Only the password was refused: the code typed is still good, so it stays.
      if (isPasswordRefusal(result.error)) {
        setRefused({ password: newPassword.password, error: result.error });
      } else {
        setCode('');
      }
      return;
    }
    newPassword.clear();
    if (result.value.recoveryCodes.length > 0) setDone(result.value);
    else await enterApp(api, result.value.user);
  };

  return (
    <AuthLayout title={t('firstSignIn.title')} intro={t('firstSignIn.intro')} width={640}>
      <SubmitForm onSubmit={submit}>
        <Stack gap="lg">
          <ErrorAlert error={error} />
          {needs.changePassword ? (
            <Stack gap="sm">
              <StepHeading
                title={t('firstSignIn.passwordHeading')}
                intro={t('firstSignIn.passwordIntro')}
              />
              <PasswordFields
                label={t('firstSignIn.newPasswordLabel')}
                showErrors={tried}
                autoFocus
                refusal={
                  refused && refused.password === newPassword.password
                    ? errorText(t, refused.error)
                    : null
                }
                {...newPassword.fields}
              />
            </Stack>
          ) : null}
          <Stack gap="sm">
            <StepHeading
              title={needs.enrollTotp ? t('setup.totp.heading') : t('firstSignIn.confirmHeading')}
              intro={needs.enrollTotp ? t('setup.totp.intro') : t('firstSignIn.confirmIntro')}
            />
            {needs.enrollTotp ? <TotpEnrollmentView enrollment={enrollment} /> : null}
            <OneTimeCodeInput
              label={needs.enrollTotp ? t('setup.totp.codeLabel') : t('signIn.codeLabel')}
              value={code}
              onChange={setCode}
              showError={tried}
            />
          </Stack>
          <BusyButton type="submit" busy={busy} busyLabel={t('firstSignIn.submitting')}>
            {t('firstSignIn.submit')}
          </BusyButton>
          <Anchor
            component="button"
            type="button"
            size="sm"
            style={{ alignSelf: 'center' }}
            onClick={() => void signOutSession(api)}
          >
            {t('firstSignIn.signOut')}
          </Anchor>
        </Stack>
      </SubmitForm>
    </AuthLayout>
  );
}
