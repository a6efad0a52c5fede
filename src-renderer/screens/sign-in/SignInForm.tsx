/**
 * The form the sign-in and lock screens share: password, second factor, the lockout countdown and
 * the submit button. A failed attempt clears the secrets the user must type again (the login stays)
 * and puts the cursor back in the password field.
 */
import { PasswordInput, Stack } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../components/BusyButton';
import {
  isSecondFactorValid,
  secondFactorInput,
  SecondFactorField,
  type SecondFactor,
} from '../../components/SecondFactorField';
import { SignInError } from '../../components/SignInError';
import { SubmitForm } from '../../components/SubmitForm';
import { useSignInAttempt } from './useSignInAttempt';

interface SignInFormProps {
  /** The login to sign in as, and whether it is well-formed (the lock screen's is). */
  login: string;
  loginOk: boolean;
  /** Shown above the error (who is locked, a notice). */
  header?: ReactNode;
  /** The login field, if the person types it; `tried` is true after a submit with gaps. */
  loginField?: (tried: boolean) => ReactNode;
  /** Focus starts in the password field (there is no login field before it). */
  autoFocusPassword?: boolean;
  submitLabel: string;
  busyLabel: string;
  /** False on the lock screen: nobody there signs in for the first time. */
  firstSignInHint?: boolean;
  /** A link under the button ("Forgot password?", "Sign in as someone else"). */
  footer: ReactNode;
}

/** Password + second factor form that calls `auth.signIn` and opens the app. */
export function SignInForm(props: SignInFormProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [factor, setFactor] = useState<SecondFactor>({ mode: 'totp', value: '' });
  const [tried, setTried] = useState(false);
  const { busy, error, wait, attempt } = useSignInAttempt();
  const passwordRef = useRef<HTMLInputElement>(null);
  const valid = props.loginOk && password.length > 0 && isSecondFactorValid(factor);

  const submit = async () => {
    setTried(true);
    if (!valid || busy || wait > 0) return;
    if (await attempt({ login: props.login, password, ...secondFactorInput(factor) })) return;
    setPassword('');
    setFactor(current => ({ ...current, value: '' }));
    setTried(false);
    passwordRef.current?.focus();
  };

  return (
    <SubmitForm onSubmit={submit}>
      <Stack gap="md">
        {props.header}
        <SignInError error={error} wait={wait} />
        {props.loginField?.(tried)}
        <PasswordInput
          label={t('signIn.passwordLabel')}
          value={password}
          onChange={event => setPassword(event.currentTarget.value)}
          autoComplete="current-password"
          ref={passwordRef}
          autoFocus={props.autoFocusPassword}
          required
          error={tried && password.length === 0 ? t('common.required') : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
        />
        <SecondFactorField
          factor={factor}
          onChange={setFactor}
          showError={tried}
          firstSignInHint={props.firstSignInHint}
        />
        <BusyButton
          type="submit"
          fullWidth
          busy={busy}
          busyLabel={props.busyLabel}
          disabled={wait > 0}
        >
          {props.submitLabel}
        </BusyButton>
        {props.footer}
      </Stack>
    </SubmitForm>
  );
}
