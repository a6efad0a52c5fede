/**
 * Calls a person starts (save, delete, dismiss…): which one is running, the error the last one
 * returned, and `run` that clears the old error, calls main and hands a success on. One at a time:
 * `run` does nothing while another call of the same hook is running.
 */
import { useState } from 'react';
import type { CallError, Result } from '../../src-shared/ipc/contract';

/** Calls `call`; on success passes the value to `onDone`. Resolves true when the call succeeded. */
type Run<Args extends unknown[]> = <T>(
  ...args: [...Args, call: () => Promise<Result<T>>, onDone?: (value: T) => unknown]
) => Promise<boolean>;

/** State and runner of several actions of one dialog or panel, told apart by `kind`. */
export interface Actions<K extends string> {
  /** The kind running now, or null. */
  busy: K | null;
  error: CallError | null;
  setError: (error: CallError | null) => void;
  run: Run<[kind: K]>;
}

/** State and runner of one action. */
export interface Action {
  busy: boolean;
  error: CallError | null;
  setError: (error: CallError | null) => void;
  run: Run<[]>;
}

/** `busy`/`error` state plus `run(kind, call, onDone)` for actions that exclude each other. */
export function useActions<K extends string>(): Actions<K> {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  async function run<T>(
    kind: K,
    call: () => Promise<Result<T>>,
    onDone?: (value: T) => unknown,
  ): Promise<boolean> {
    if (busy !== null) return false;
    setBusy(kind);
    setError(null);
    const result = await call();
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    await onDone?.(result.value);
    return true;
  }
  return { busy, error, setError, run };
}

/** `busy`/`error` state plus `run(call, onDone)` for one action of a dialog or screen. */
export function useAction(): Action {
  const { busy, error, setError, run } = useActions<'run'>();
  return {
    busy: busy !== null,
    error,
    setError,
    run: (call, onDone) => run('run', call, onDone),
  };
}
