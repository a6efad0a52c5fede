/**
 * The documents of one record (contact, company, deal): attach (streamed to main, encrypted there
 * with a key of its own), preview images and PDFs, save a copy (an audited export), delete (the file
 * is shredded). Controls follow the role's grants; main decides anyway.
 */
import { Button, Card, FileButton, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import {
  isPreviewable,
  type DocumentInfo,
  type DocumentRecordType,
} from '../../../src-shared/ipc/documents';
import { grantOf } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { useSessionStore } from '../../stores/session';
import { DIALOG_ATTRIBUTE } from './dialog';
import { ErrorText } from './ErrorText';
import { attachChosen, attachFile, saveCopy } from './actions';
import { formatSize } from './format';
import { nativeFiles } from './native-files';
import { PreviewModal } from './PreviewModal';
import { canTransfer } from './transfer';
import { useShortcuts } from '../../app/shortcuts';

/** The documents panel of a record; renders nothing for roles without `documents.read`. */
export function DocumentsPanel({ type, id }: { type: DocumentRecordType; id: string }) {
  const grants = useSessionStore(state => state.user?.grants) ?? {};
  if (grantOf(grants, 'documents.read') === undefined) return null;
  return (
    <DocumentsCard
      type={type}
      id={id}
      canCreate={grantOf(grants, 'documents.create') !== undefined}
      canExport={grantOf(grants, 'documents.export') !== undefined}
      canDelete={grantOf(grants, 'documents.delete') !== undefined}
    />
  );
}

function DocumentsCard(props: {
  type: DocumentRecordType;
  id: string;
  canCreate: boolean;
  canExport: boolean;
  canDelete: boolean;
}) {
  const { type, id } = props;
  const record = useMemo(() => ({ type, id }), [type, id]);
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [preview, setPreview] = useState<DocumentInfo | null>(null);
  const [deleting, setDeleting] = useState<DocumentInfo | null>(null);
  const [busy, setBusy] = useState(false);
  /** The file name of the copy just saved (the sentence follows the language). */
  const [notice, setNotice] = useState<string | null>(null);
  const resetFile = useRef<() => void>(null);
  const openPicker = useRef<() => void>(null);
  const transfers = canTransfer();
  // Electron: main's open dialog; the browser test host: the page's file input.
  const native = nativeFiles() !== null;

  const reload = useCallback(async () => {
    const result = await api.documents.list({ record });
    if (result.ok) setDocs(result.value);
    else setError(result.error);
  }, [api, record]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useShortcuts([
    [
      'documentAttach',
      () => props.canCreate && transfers && (native ? void attachNative() : openPicker.current?.()),
    ],
  ]);
  useDialogKeysContained();

  async function attach(file: File | null) {
    resetFile.current?.();
    if (!file) return;
    setError(null);
    setNotice(null);
    setUploading(file.name);
    try {
      const done = await attachFile(api, record, file);
      if (!done.ok) return setError(done.error);
      await reload();
    } finally {
      setUploading(null);
    }
  }

  async function attachNative() {
    if (uploading !== null) return;
    setError(null);
    setNotice(null);
    try {
      const done = await attachChosen(api, record, setUploading);
      if (!done.ok) return setError(done.error);
      if (done.value) await reload();
    } finally {
      setUploading(null);
    }
  }

  async function save(doc: DocumentInfo) {
    setError(null);
    setNotice(null);
    const saved = await saveCopy(api, doc);
    if (!saved.ok) return setError(saved.error);
    if (saved.value) setNotice(doc.fileName);
  }

  async function remove(doc: DocumentInfo) {
    setBusy(true);
    const result = await api.documents.delete({ id: doc.id });
    setBusy(false);
    setDeleting(null);
    if (!result.ok) return setError(result.error);
    await reload();
  }

  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="documents-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={3} id="documents-title">
            {t('documents.title')}
          </Title>
          {props.canCreate && transfers ? (
            <Stack gap={4} align="flex-end">
              {native ? (
                <Button onClick={() => void attachNative()} loading={uploading !== null}>
                  {t('documents.attach')}
                </Button>
              ) : (
                <FileButton
                  onChange={file => void attach(file)}
                  resetRef={resetFile}
                  accept="application/pdf,image/png,image/jpeg,image/webp,image/gif,.doc,.docx,.xls,.xlsx,.odt,.ods,.txt,.csv"
                >
                  {buttonProps => {
                    openPicker.current = buttonProps.onClick;
                    return (
                      <Button {...buttonProps} loading={uploading !== null}>
                        {t('documents.attach')}
                      </Button>
                    );
                  }}
                </FileButton>
              )}
              <Text size="xs" c="dimmed" maw={320} ta="right">
                {t('documents.attachHint')}
              </Text>
            </Stack>
          ) : null}
        </Group>
        {!transfers ? <Text c="dimmed">{t('documents.notAvailable')}</Text> : null}
        {uploading ? (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('documents.uploading', { name: uploading })}</Text>
          </Group>
        ) : null}
        <ErrorText error={error} />
        {notice ? (
          <Text size="sm" role="status">
            {t('documents.saved', { name: notice })}
          </Text>
        ) : null}
        {docs === null && !error ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text c="dimmed">{t('documents.loading')}</Text>
          </Group>
        ) : null}
        {docs?.length === 0 ? (
          <Stack gap={2}>
            <Text fw={500}>{t('documents.emptyTitle')}</Text>
            <Text c="dimmed" size="sm">
              {t('documents.emptyText')}
            </Text>
          </Stack>
        ) : null}
        {docs && docs.length > 0 ? (
          <Stack gap="xs" component="ul" aria-label={t('documents.listLabel')} p={0} m={0}>
            {docs.map(doc => (
              <Group
                key={doc.id}
                component="li"
                justify="space-between"
                wrap="nowrap"
                style={{ listStyle: 'none' }}
                data-testid="document-row"
              >
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={500} truncate>
                    {doc.fileName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('documents.added', {
                      size: formatSize(t, doc.size, i18n.language),
                      owner: doc.ownerName,
                      date: date(doc.createdAt),
                    })}
                  </Text>
                  {doc.atOffice ? (
                    <Text size="xs" c="blue.7" data-testid="document-at-office">
                      {t('documents.atOffice')}
                    </Text>
                  ) : null}
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  {isPreviewable(doc.mimeType) && transfers ? (
                    <Button size="xs" variant="light" onClick={() => setPreview(doc)}>
                      {t('documents.preview')}
                    </Button>
                  ) : null}
                  {props.canExport && transfers ? (
                    <Button size="xs" variant="default" onClick={() => void save(doc)}>
                      {t('documents.saveCopy')}
                    </Button>
                  ) : null}
                  {props.canDelete ? (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(doc)}>
                      {t('documents.delete')}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
      <PreviewModal doc={preview} onClose={() => setPreview(null)} />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('documents.deleteTitle')}
        {...{ [DIALOG_ATTRIBUTE]: true }}
        closeButtonProps={{ 'aria-label': t('documents.close') }}
      >
        <Stack>
          <Text>{t('documents.deleteText', { name: deleting?.fileName ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('documents.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => deleting && void remove(deleting)}>
              {t('documents.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/**
 * Keys pressed inside the panel's dialogs stop at the document (Mantine's own Escape handler on the
 * window has already closed the dialog): the page's shortcuts — Escape "back to the list", E "edit"
 * — must not fire behind it. Decided by where the key was pressed, not by state (the dialog's state
 * is already "closed" by then). Tab goes on to the focus trap; default actions still happen.
 */
function useDialogKeysContained(): void {
  useEffect(() => {
    const contain = (event: KeyboardEvent) => {
      if (event.key === 'Tab') return;
      if (event.target instanceof Element && event.target.closest(`[${DIALOG_ATTRIBUTE}]`))
        event.stopPropagation();
    };
    document.addEventListener('keydown', contain, { capture: true });
    return () => document.removeEventListener('keydown', contain, { capture: true });
  }, []);
}
