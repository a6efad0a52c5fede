/**
 * The error of a sign-in attempt. A lockout gets one message with a live countdown; the sentence is
 * announced once (role="alert") and the ticking time is not re-announced every second.
 */
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../src-shared/ipc/contract';
import { formatWait } from '../app/errors';
import { ErrorAlert } from './ErrorAlert';

/** `wait`: seconds left of a lockout (0 when over). */
export function SignInError({ error, wait }: { error: CallError | null; wait: number }) {
  const { t } = useTranslation();
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
