/**
 * Shows an image or a PDF inside the app. The bytes were decrypted and checked by main, fetched as
 * a Blob and shown from a blob: URL (revoked on close); nothing is written to disk.
 */
import { Center, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { DocumentInfo } from '../../../src-shared/ipc/documents';
import { useApi } from '../../app/api';
import { DIALOG_ATTRIBUTE } from './dialog';
import { ErrorText } from './ErrorText';
import { fetchFile } from './transfer';

/** The preview of `doc` (null: closed). */
export function PreviewModal({ doc, onClose }: { doc: DocumentInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  useEffect(() => {
    if (!doc) return;
    let cancelled = false;
    let created: string | null = null;
    setUrl(null);
    setError(null);
    void (async () => {
      const ticket = await api.documents.preview({ id: doc.id });
      if (cancelled) return;
      if (!ticket.ok) return setError(ticket.error);
      const blob = await fetchFile(ticket.value.ticket, ticket.value.mimeType);
      if (cancelled) return;
      if (!blob.ok) return setError(blob.error);
      created = URL.createObjectURL(blob.value);
      setUrl(created);
    })();
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [api, doc]);

  const isPdf = doc?.mimeType === 'application/pdf';
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
        {!url && !error ? (
          <Center py="xl">
            <Stack align="center" gap="xs">
              <Loader size="sm" />
              <Text c="dimmed">{t('documents.previewLoading')}</Text>
            </Stack>
          </Center>
        ) : null}
        {url && doc && !isPdf ? (
          <Image
            src={url}
            alt={doc.fileName}
            fit="contain"
            mah="70vh"
            data-testid="document-preview-image"
          />
        ) : null}
        {url && doc && isPdf ? (
          <iframe
            src={url}
            title={doc.fileName}
            style={{ width: '100%', height: '70vh', border: 0 }}
            data-testid="document-preview-pdf"
          >
            {t('documents.pdfFallback')}
          </iframe>
        ) : null}
      </Stack>
    </Modal>
  );
}
