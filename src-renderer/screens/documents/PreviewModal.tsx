/**
 * Shows an image or a PDF inside the app. The bytes were decrypted and checked by main and arrive
 * through the preview ticket (transfer.ts: the test host's route, or main's IPC in Electron); nothing
 * is written to disk. Images are shown from a blob: URL (revoked on close); PDFs are drawn by pdf.js
 * on a canvas (PdfViewer), never by a browser PDF plugin (Electron's sandboxed window has none).
 */
import { Center, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { DocumentInfo } from '../../../src-shared/ipc/documents';
import { useApi } from '../../app/api';
import { DIALOG_ATTRIBUTE } from './dialog';
import { ErrorText } from './ErrorText';
import { PdfViewer } from './PdfViewer';
import { fetchBytes } from './transfer';

type Shown = { kind: 'image'; url: string } | { kind: 'pdf'; bytes: Uint8Array<ArrayBuffer> };

/** The preview of `doc` (null: closed). */
export function PreviewModal({ doc, onClose }: { doc: DocumentInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    // Closed: let go of the bytes.
    if (!doc) return setShown(null);
    let cancelled = false;
    let created: string | null = null;
    setShown(null);
    setError(null);
    void (async () => {
      const ticket = await api.documents.preview({ id: doc.id });
      if (cancelled) return;
      if (!ticket.ok) return setError(ticket.error);
      const bytes = await fetchBytes(ticket.value.ticket);
      if (cancelled) return;
      if (!bytes.ok) return setError(bytes.error);
      if (ticket.value.mimeType === 'application/pdf') {
        return setShown({ kind: 'pdf', bytes: bytes.value });
      }
      created = URL.createObjectURL(new Blob([bytes.value], { type: ticket.value.mimeType }));
      setShown({ kind: 'image', url: created });
    })();
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [api, doc]);

  return (
    <Modal
      opened={doc !== null}
      onClose={onClose}
      title={doc ? t('documents.previewTitle', { name: doc.fileName }) : ''}
      size="xl"
      {...{ [DIALOG_ATTRIBUTE]: true }}
      closeButtonProps={{ 'aria-label': t('documents.close') }}
    >
      <Stack>
        <ErrorText error={error} />
        {!shown && !error ? (
          <Center py="xl">
            <Stack align="center" gap="xs">
              <Loader size="sm" />
              <Text c="dimmed">{t('documents.previewLoading')}</Text>
            </Stack>
          </Center>
        ) : null}
        {shown?.kind === 'image' && doc ? (
          <Image
            src={shown.url}
            alt={doc.fileName}
            fit="contain"
            mah="70vh"
            data-testid="document-preview-image"
          />
        ) : null}
        {shown?.kind === 'pdf' && doc ? (
          <PdfViewer bytes={shown.bytes} fileName={doc.fileName} />
        ) : null}
      </Stack>
    </Modal>
  );
}
