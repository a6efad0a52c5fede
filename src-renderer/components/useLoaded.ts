/**
 * One call's result with loading and error state, reloadable.
 * The data lives in component state under the app shell, so a lock (which unmounts the shell) drops it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, Result } from '../../src-shared/ipc/contract';

/** State of one loaded value. */
export interface Loaded<T> {
  value: T | null;
  error: CallError | null;
  loading: boolean;
  /** Fetches again (after a change, or "Try again"). */
  reload: () => void;
}

/**
 * Calls `fetch` on mount and on `reload()`; `enabled: false` skips the call (the role lacks the
 * permission). A late answer from an earlier call never overwrites a newer one.
 */
export function useLoaded<T>(fetch: () => Promise<Result<T>>, enabled = true): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  useEffect(() => {
    if (!enabled) return;
    const id = ++latest.current;
    setLoading(true);
    void fetchRef.current().then(result => {
      if (id !== latest.current) return;
      setLoading(false);
      if (result.ok) {
        setValue(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }, [enabled, round]);

  const reload = useCallback(() => setRound(r => r + 1), []);
  return { value, error, loading, reload };
}
