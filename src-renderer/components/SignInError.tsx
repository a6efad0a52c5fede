/**
 * The error of a sign-in attempt. A lockout gets one message with a live countdown; the sentence is
 * announced once (role="alert") and the ticking time is not re-announced every second. A vault whose
 * passwords are bound to another computer's keychain (restored onto this one) says so and offers the
 * password reset with the recovery key, instead of "wrong password".
 */
import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEVICE_SECRET_MISSING } from '../../src-shared/ipc/auth';
import type { CallError } from '../../src-shared/ipc/contract';
import { formatWait } from '../app/errors';
import { showResetPassword } from '../app/session-actions';
import { ErrorAlert } from './ErrorAlert';

/** `wait`: seconds left of a lockout (0 when over). */
export function SignInError({ error, wait }: { error: CallError | null; wait: number }) {
  const { t } = useTranslation();
  if (error?.details?.['reason'] === DEVICE_SECRET_MISSING) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Text size="sm">{t('signIn.deviceSecretMissing')}</Text>
        <Anchor component="button" type="button" size="sm" fw={600} onClick={showResetPassword}>
          {t('signIn.resetWithRecoveryKey')}
        </Anchor>
      </Alert>
    );
  }
  if (error?.code !== 'locked_out') return <ErrorAlert error={error} />;
  return (
    <Alert color={wait > 0 ? 'red' : 'gray'} variant="light" role="alert">
      <Text size="sm">{t('signIn.lockedOut')}</Text>
      <Text size="sm" fw={600} aria-live="off" data-testid="retry-wait">
        {wait > 0 ? t('signIn.tryAgainIn', { wait: formatWait(t, wait) }) : t('signIn.tryAgainNow')}
      </Text>
    </Alert>
  );
}
