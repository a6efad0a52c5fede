/** One sign-in attempt (sign-in and lock screens): busy state, the error, and a lockout countdown. */
import { useState } from 'react';
import type { authContract } from '../../../src-shared/ipc/auth';
import type { CallError, InputOf } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { retryAfterSeconds } from '../../app/errors';
import { enterApp } from '../../app/session-actions';
import { useCountdown } from '../../components/useCountdown';

/** What `auth.signIn` takes. */
export type SignInInput = InputOf<typeof authContract.signIn>;

/** State and action of a sign-in form. `attempt` resolves true when the app opened. */
export function useSignInAttempt() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const wait = useCountdown(retryUntil);

  const attempt = async (input: SignInInput): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await api.auth.signIn(input);
    if (result.ok) {
      await enterApp(api, result.value);
      return true;
    }
    setBusy(false);
    setError(result.error);
    const retry = retryAfterSeconds(result.error);
    setRetryUntil(retry === null ? null : Date.now() + retry * 1000);
    return false;
  };

  return { busy, error, wait, attempt };
}
