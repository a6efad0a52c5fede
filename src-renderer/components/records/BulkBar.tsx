/**
 * The bulk bar above a record list (issue 18, point 6): "select all on this page", how many are
 * chosen, and — for what the role may do — give to a colleague, add/remove a tag (contacts),
 * export the chosen ones (`records.export` with ids) and delete. Which rows are chosen lives in
 * ./selection.ts; the main process checks every record (see src-shared/ipc/bulk.ts). A change of
 * the list's query clears the choice (the chosen rows may no longer be shown).
 */
import { Alert, Button, Checkbox, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkRecordType, BulkResult } from '../../../src-shared/ipc/bulk';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { offerDownload } from '../download';
import { BulkDeleteDialog, BulkReassignDialog, BulkTagDialog, bulkErrorText } from './BulkDialogs';
import type { PagedList, RecordRow } from './paged-list';
import { selectionOf } from './selection';

/** The bulk actions a role may take on the list's records (main decides again). */
export interface BulkAbilities {
  reassign: boolean;
  delete: boolean;
  /** contacts.update: add/remove a tag (contacts only). */
  tag: boolean;
  export: boolean;
}

type Dialog = 'reassign' | 'tag' | 'delete' | null;

/** The bar; render it only when some bulk action is allowed. */
export function BulkBar<S extends RecordRow, Q, R extends RecordRow, E>(props: {
  list: PagedList<S, Q, R, E>;
  type: BulkRecordType;
  abilities: BulkAbilities;
}) {
  const { list, type, abilities } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const selection = selectionOf(list);
  const chosen = selection(state => state.ids);
  const items = list.useStore(state => state.items);
  const query = list.useStore(state => state.query);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => selection.getState().set([]), [selection, query]);

  const ids = [...chosen];
  const count = ids.length;
  const loaded = items.map(item => item.id);
  const all = loaded.length > 0 && loaded.every(id => chosen.has(id));

  function done(result: BulkResult) {
    setDialog(null);
    setError(null);
    setMessage(t('bulk.done', { count: result.changed }));
    selection.getState().set([]);
    void list.loadFirstPage(api);
  }

  async function exportChosen() {
    setMessage(null);
    const locale = i18n.language === 'en' ? 'en' : 'uk';
    const result = await api.records.export({ type, format: 'csv', locale, ids });
    if (!result.ok) return setError(result.error);
    setError(null);
    const file = result.value;
    // Over the owner's limit: a request was stored; the same export runs once approved.
    if ('status' in file) return setMessage(t('recordExport.waiting', { count: file.count }));
    const bytes =
      file.encoding === 'base64'
        ? Uint8Array.from(atob(file.content), c => c.charCodeAt(0))
        : file.content;
    offerDownload(file.fileName, new Blob([bytes], { type: file.mimeType }));
    setMessage(t('bulk.exported', { count: file.count }));
  }

  const dialogProps = { count, onClose: () => setDialog(null), onDone: done };
  return (
    <div role="group" aria-label={t('bulk.label')}>
      <Group gap="sm" wrap="wrap" align="center">
        <Checkbox
          label={t('bulk.selectPage')}
          checked={all}
          indeterminate={!all && count > 0}
          disabled={loaded.length === 0}
          onChange={() => selection.getState().set(all ? [] : loaded)}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {count > 0 ? t('bulk.chosen', { count }) : t('bulk.hint')}
        </Text>
        {count > 0 ? (
          <Group gap="xs" ml="auto">
            {abilities.reassign ? (
              <Button size="xs" variant="light" onClick={() => setDialog('reassign')}>
                {t('bulk.reassign')}
              </Button>
            ) : null}
            {abilities.tag && type === 'contacts' ? (
              <Button size="xs" variant="light" onClick={() => setDialog('tag')}>
                {t('bulk.tag')}
              </Button>
            ) : null}
            {abilities.export ? (
              <Button size="xs" variant="light" onClick={() => void exportChosen()}>
                {t('bulk.export')}
              </Button>
            ) : null}
            {abilities.delete ? (
              <Button size="xs" variant="light" color="red" onClick={() => setDialog('delete')}>
                {t('bulk.delete')}
              </Button>
            ) : null}
            <Button size="xs" variant="subtle" onClick={() => selection.getState().set([])}>
              {t('bulk.clear')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {message ? (
        <Text size="sm" role="status" mt={4}>
          {message}
        </Text>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" role="alert" mt={4}>
          {bulkErrorText(t, error)}
        </Alert>
      ) : null}
      {dialog === 'reassign' ? (
        <BulkReassignDialog
          {...dialogProps}
          run={ownerId => api.bulk.reassign({ type, ids, ownerId })}
        />
      ) : null}
      {dialog === 'tag' ? (
        <BulkTagDialog {...dialogProps} run={(tag, action) => api.bulk.tag({ ids, tag, action })} />
      ) : null}
      {dialog === 'delete' ? (
        <BulkDeleteDialog {...dialogProps} run={() => api.bulk.delete({ type, ids })} />
      ) : null}
    </div>
  );
}
