/**
 * Import files in the Electron app: main shows the open dialog (CSV, TSV, TXT, XLSX, vCard) and
 * keeps the path; the page gets an opaque pick id (one use, two minutes), the file's name and size.
 * It then asks `imports.startUpload` (the type's import permission is checked there) and hands the
 * ticket back here: main streams the chosen file into the upload staging
 * (src-main/import/uploads.ts), which enforces the announced size and the 20 MB cap again. The
 * page never names a path. No Electron import: dialogs and `ipcMain` are passed in (main.ts).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { Result } from '../../src-shared/ipc/contract';
import { IMPORT_FILE_CHANNELS } from '../../src-shared/ipc/import-files';
import { MAX_IMPORT_FILE_SIZE } from '../../src-shared/ipc/imports';
import type { TransferRegistry } from '../crm/documents';
import { uploadFromPath } from '../crm/documents/path-transfer';
import { RecordError } from '../crm/record/errors';
import { checkSender } from '../ipc/guard';
import { createChoiceBook, guarded, parse, type FileDialogs } from './document-files';
import { callerOf, type IpcMainLike } from './document-files-ipc';

/** The two calls behind the preload's `window.zamokImportFiles`; inputs are parsed here. */
export interface ImportFiles {
  /** Open dialog; null when cancelled. */
  pick(): Promise<Result<{ pickId: string; name: string; size: number } | null>>;
  /** Streams the picked file into an import upload ticket: `{ pickId, ticket }`. */
  upload(input: unknown): Promise<Result<{ size: number }>>;
}

/** Extensions offered by the open dialog (the importer reads the format from the bytes). */
export const IMPORT_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'vcf'] as const;

const TEXTS = {
  uk: { title: 'Файл для імпорту', filter: 'CSV, TSV, Excel (XLSX), vCard' },
  en: { title: 'File to import', filter: 'CSV, TSV, Excel (XLSX), vCard' },
} as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{43}$/u);
const uploadInput = z.object({ pickId: id, ticket: id }).strict();

/** The import dialog and its path transfer. */
export function createImportFiles(deps: {
  dialogs: Pick<FileDialogs, 'showOpenDialog'>;
  transfers: TransferRegistry;
  locale(): string;
  now?: () => number;
}): ImportFiles {
  const choices = createChoiceBook(deps.now ?? Date.now);
  const texts = () => (deps.locale().toLowerCase().startsWith('uk') ? TEXTS.uk : TEXTS.en);
  return {
    pick: () =>
      guarded(async () => {
        const chosen = await deps.dialogs.showOpenDialog({
          title: texts().title,
          properties: ['openFile'],
          filters: [{ name: texts().filter, extensions: [...IMPORT_EXTENSIONS] }],
        });
        const path = chosen.filePaths[0];
        if (chosen.canceled || !path) return null;
        const info = await stat(path);
        if (!info.isFile() || info.size === 0)
          throw new RecordError('invalid_input', 'The file is empty.', { reason: 'file_empty' });
        if (info.size > MAX_IMPORT_FILE_SIZE)
          throw new RecordError('invalid_input', 'The file is larger than imports allow (20 MB).', {
            reason: 'too_large',
          });
        // The name is shown back to the person who chose it; main keeps the path.
        return { pickId: choices.add('pick', path), name: basename(path), size: info.size };
      }),
    upload: input =>
      guarded(async () => {
        const { pickId, ticket } = parse(uploadInput, input);
        const path = choices.take('pick', pickId);
        if (!path)
          throw new RecordError('not_found', 'Choose the file again.', {
            reason: 'upload_unknown',
          });
        return uploadFromPath(deps.transfers, ticket, path);
      }),
  };
}

/** Registers the two channels (own main frame only, like router calls); returns the remover. */
export function registerImportFiles(ipc: IpcMainLike, files: ImportFiles): () => void {
  ipc.handle(IMPORT_FILE_CHANNELS.pick, async event => {
    const refused = checkSender(callerOf(event));
    return refused ? { ok: false, error: refused } : files.pick();
  });
  ipc.handle(IMPORT_FILE_CHANNELS.upload, async (event, input) => {
    const refused = checkSender(callerOf(event));
    return refused ? { ok: false, error: refused } : files.upload(input);
  });
  return () => {
    ipc.removeHandler(IMPORT_FILE_CHANNELS.pick);
    ipc.removeHandler(IMPORT_FILE_CHANNELS.upload);
  };
}
