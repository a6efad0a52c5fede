/**
 * Paged audit entries, newest first: the first page on `load()`, the next ones appended with
 * `load(cursor)`; an answer to an older request (filters changed meanwhile) is dropped. Shared by
 * the audit screen's own log and its office view.
 */
import { useCallback, useRef, useState } from 'react';
import type { CallError, Result } from '../../../src-shared/ipc/contract';

/** What a page answer holds: its entries and the next page's cursor (null: last page). */
export type PageReader<P, E, C> = (page: P) => { entries: readonly E[]; next: C | null };

/** The pages loaded so far, the last page answer, and `load`. */
export interface PagedEntries<P, E, C> {
  entries: E[];
  next: C | null;
  page: P | null;
  loading: boolean;
  error: CallError | null;
  load: (cursor?: C) => Promise<void>;
}

/** See the file comment; `read` must be stable (a module-level function). */
export function usePagedEntries<P, E, C>(
  fetchPage: (cursor: C | undefined) => Promise<Result<P>>,
  read: PageReader<P, E, C>,
): PagedEntries<P, E, C> {
  const [entries, setEntries] = useState<E[]>([]);
  const [next, setNext] = useState<C | null>(null);
  const [page, setPage] = useState<P | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<CallError | null>(null);
  const request = useRef(0);
  const load = useCallback(
    async (cursor?: C) => {
      const id = ++request.current;
      setLoading(true);
      setError(null);
      const result = await fetchPage(cursor);
      if (id !== request.current) return;
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const { entries: more, next: after } = read(result.value);
      setEntries(previous => (cursor === undefined ? [...more] : [...previous, ...more]));
      setNext(after);
      setPage(result.value);
    },
    [fetchPage, read],
  );
  return { entries, next, page, loading, error, load };
}
