/**
 * A value a screen loads with an argument it chooses (a period, a language) and loads again on
 * "Refresh": `loading` from the start (the screen asks on mount), the last error, and `load(arg)`.
 */
import { useCallback, useRef, useState } from 'react';
import type { CallError, Result } from '../../src-shared/ipc/contract';

/** State of a value loaded by `load(arg)`. */
export interface Loader<A, T> {
  value: T | null;
  error: CallError | null;
  setError: (error: CallError | null) => void;
  loading: boolean;
  /** Asks main again (stable across renders, so it can sit in an effect's dependencies). */
  load: (arg: A) => Promise<void>;
}

/** Keeps the last value when a later load fails; clears the error when a load starts. */
export function useLoader<A, T>(fetch: (arg: A) => Promise<Result<T>>): Loader<A, T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(true);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const load = useCallback(async (arg: A) => {
    setLoading(true);
    setError(null);
    const result = await fetchRef.current(arg);
    setLoading(false);
    if (result.ok) setValue(result.value);
    else setError(result.error);
  }, []);
  return { value, error, setError, loading, load };
}
