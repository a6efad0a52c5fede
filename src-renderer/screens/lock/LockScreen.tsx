/**
 * Lock screen: who is locked, why, and password + code to continue. Nothing from the session is
 * kept but the login and display name (the stores were wiped before this screen appeared).
 */
import { Alert, Anchor, Avatar, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { switchUser } from '../../app/session-actions';
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
import { useSignInAttempt } from '../sign-in/useSignInAttempt';

/** The lock screen (after Ctrl+L, idle time, OS lock/suspend, or a restart with a remembered user). */
export function LockScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const lockedUser = useSessionStore(state => state.lockedUser);
  const reason = useSessionStore(state => state.lockReason);
  const [password, setPassword] = useState('');
  const [factor, setFactor] = useState<SecondFactor>({ mode: 'totp', value: '' });
  const [tried, setTried] = useState(false);
  const { busy, error, wait, attempt } = useSignInAttempt();
  const passwordRef = useRef<HTMLInputElement>(null);

  if (!lockedUser) return null;
  const name = lockedUser.displayName ?? lockedUser.login;
  const valid = password.length > 0 && isSecondFactorValid(factor);

  const submit = async () => {
    setTried(true);
    if (!valid || busy || wait > 0) return;
    if (await attempt({ login: lockedUser.login, password, ...secondFactorInput(factor) })) return;
    setPassword('');
    setFactor(current => ({ ...current, value: '' }));
    setTried(false);
    passwordRef.current?.focus();
  };

  return (
    <AuthLayout title={t('lock.title')} intro={t('lock.intro')}>
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <Avatar color="blue" radius="xl" name={name} aria-hidden="true" />
            <Text fw={500} data-testid="locked-user">
              {t('lock.lockedUser', { name })}
            </Text>
          </Group>
          {reason === 'idle' || reason === 'system' ? (
            <Alert color="gray" variant="light" role="status">
              {t(reason === 'idle' ? 'lock.idleReason' : 'lock.systemReason')}
            </Alert>
          ) : null}
          <SignInError error={error} wait={wait} />
          <PasswordInput
            label={t('signIn.passwordLabel')}
            value={password}
            onChange={event => setPassword(event.currentTarget.value)}
            autoComplete="current-password"
            ref={passwordRef}
            autoFocus
            required
            error={tried && password.length === 0 ? t('common.required') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
          />
          <SecondFactorField factor={factor} onChange={setFactor} showError={tried} />
          <BusyButton
            type="submit"
            fullWidth
            busy={busy}
            busyLabel={t('lock.unlocking')}
            disabled={wait > 0}
          >
            {t('lock.unlock')}
          </BusyButton>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              void api.auth.signOut({});
              switchUser();
            }}
          >
            {t('lock.switchUser')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
