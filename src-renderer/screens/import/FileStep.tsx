/** Step 1: choose the file (the page's file input in the test host, main's dialog in Electron). */
import { Button, FileInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../../src-shared/import';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { nativeImportFiles, uploadChosen, uploadFile, type UploadedFile } from './upload';

/** The file picker; `onUploaded` gets the uploaded file. */
export function FileStep(props: {
  type: ImportKind;
  onUploaded: (file: UploadedFile) => Promise<void>;
  onError: (error: CallError) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const native = nativeImportFiles();

  async function finish(result: Result<UploadedFile | null>) {
    if (!result.ok) props.onError(result.error);
    else if (result.value !== null) await props.onUploaded(result.value);
  }
  async function run(work: () => Promise<Result<UploadedFile | null>>) {
    setBusy(true);
    try {
      await finish(await work());
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Text>{t('importer.file.intro')}</Text>
      {native ? (
        <Button
          onClick={() => void run(() => uploadChosen(api, props.type, native))}
          loading={busy}
          w="fit-content"
        >
          {t('importer.file.chooseNative')}
        </Button>
      ) : (
        <FileInput
          label={t('importer.file.choose')}
          accept=".csv,.tsv,.txt,.xlsx,.vcf,text/csv,text/vcard"
          disabled={busy}
          onChange={file => {
            if (file) void run(() => uploadFile(api, props.type, file));
          }}
          w={400}
        />
      )}
      {busy ? (
        <Text size="sm" c="dimmed" role="status">
          {t('importer.file.reading')}
        </Text>
      ) : null}
    </Stack>
  );
}
