/**
 * The state of a record's page: the record (loaded unless the store already holds it), which dialog
 * is open, the running action and its error, and the count of attached documents the delete dialog
 * warns about (they are destroyed with the record).
 */
import { useEffect, useState } from 'react';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import type { DocumentRecordType } from '../../../src-shared/ipc/documents';
import { grantOf } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { useSessionStore } from '../../stores/session';
import type { RecordRow } from './paged-list';

/**
 * Where a record page finds its record: a store whose `current` is the open record. A paged list
 * (contacts, companies) is one; the deals section keeps its own (the board is not a paged list).
 */
export interface RecordSource<R> {
  useStore: {
    <U>(selector: (state: { current: R | null }) => U): U;
    getState: () => { current: R | null };
  };
}

/**
 * A record page's state: record `id` of `list`, whose documents are of `type`; `load` fetches it
 * into the store (unless the store holds it already), again when one of `deps` changes.
 */
export function useRecordDetail<R extends RecordRow>(
  list: RecordSource<R>,
  type: DocumentRecordType,
  id: string,
  load: (api: ZamokApi) => Promise<Result<R>>,
  deps: readonly unknown[],
) {
  const api = useApi();
  const record = list.useStore(state => (state.current?.id === id ? state.current : null));
  const me = useSessionStore(state => state.user);
  const [loadError, setLoadError] = useState<CallError | null>(null);
  // Which dialog is open: `delete`, or one of the page's own (e.g. `reassign`, `share`).
  const [dialog, setDialog] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [documentCount, setDocumentCount] = useState<number | null>(null);
  const [actionError, setActionError] = useState<CallError | null>(null);

  useEffect(() => {
    if (list.useStore.getState().current?.id === id) return;
    setLoadError(null);
    void load(api).then(r => setLoadError(r.ok ? null : r.error));
    // The caller names what its load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list, api, id, ...deps]);

  const open = (next: string) => {
    setActionError(null);
    setDialog(next);
    if (next === 'delete') {
      setDocumentCount(null);
      if (me && grantOf(me.grants, 'documents.read') !== undefined) {
        void api.documents
          .list({ record: { type, id } })
          .then(r => setDocumentCount(r.ok ? r.value.length : null));
      }
    }
  };
  /** Destroys the record's documents (when it has any), then runs `remove`. */
  const deleteWithDocuments = async (
    remove: () => Promise<Result<unknown>>,
  ): Promise<Result<unknown>> => {
    if (documentCount) {
      const shredded = await api.documents.deleteForRecord({ record: { type, id } });
      if (!shredded.ok) return shredded;
    }
    return remove();
  };
  /** Runs an action, then `after` on success; an error stays in the dialog, success closes it. */
  const run = async (call: () => Promise<Result<unknown>>, after?: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    const result = await call();
    if (result.ok && after) await after();
    setBusy(false);
    if (!result.ok) {
      setActionError(result.error);
      return false;
    }
    setDialog(null);
    return true;
  };

  /** Runs a call that answers with the changed record, and keeps it (`remember`). */
  const keep = <T>(call: () => Promise<Result<T>>, remember: (value: T) => void) =>
    void run(async () => {
      const result = await call();
      if (result.ok) remember(result.value);
      return result;
    });

  return {
    api,
    me,
    record,
    loadError,
    dialog,
    busy,
    documentCount,
    actionError,
    open,
    close: () => setDialog(null),
    run,
    keep,
    deleteWithDocuments,
  };
}
