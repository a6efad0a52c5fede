/**
 * One call a person starts (save, delete, dismiss…): `busy` while it runs, the error it returned,
 * and `run` that clears the old error, calls main and hands a success on.
 */
import { useState } from 'react';
import type { CallError, Result } from '../../src-shared/ipc/contract';

/** State and runner of one user action. */
export interface Action {
  busy: boolean;
  error: CallError | null;
  setError: (error: CallError | null) => void;
  /**
   * Calls `call` unless one is already running; on success passes the value to `onDone`, otherwise
   * keeps the error. Resolves true when the call succeeded.
   */
  run: <T>(call: () => Promise<Result<T>>, onDone?: (value: T) => unknown) => Promise<boolean>;
}

/** `busy`/`error` state plus `run` for one action of a dialog or screen. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  async function run<T>(
    call: () => Promise<Result<T>>,
    onDone?: (value: T) => unknown,
  ): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    await onDone?.(result.value);
    return true;
  }
  return { busy, error, setError, run };
}
