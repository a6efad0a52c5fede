/**
 * Handing an import file to main, in either window. The page never names a path: it asks
 * `imports.startUpload` (the type's import permission) for an upload id and a one-time ticket,
 * then the bytes follow the ticket — the test host's token-checked transfer route (the page's File)
 * or, in Electron, main's own open dialog (`window.zamokImportFiles`, which keeps the path).
 */
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import type { ImportFilesApi } from '../../../src-shared/ipc/import-files';
import type { ImportKind } from '../../../src-shared/import';
import { sendFile } from '../documents/transfer';

declare global {
  interface Window {
    /** Set by the Electron preload; undefined in the browser test host. */
    readonly zamokImportFiles?: ImportFilesApi;
  }
}

/** The Electron import dialog, or null in the browser test host. */
export function nativeImportFiles(): ImportFilesApi | null {
  return typeof window !== 'undefined' && window.zamokImportFiles ? window.zamokImportFiles : null;
}

/** An uploaded file: the id `preview` / `run` name, and the name shown. */
export interface UploadedFile {
  upload: string;
  name: string;
}

/** Uploads a File the page holds (test host). */
export async function uploadFile(
  api: ZamokApi,
  type: ImportKind,
  file: File,
): Promise<Result<UploadedFile>> {
  const start = await api.imports.startUpload({ type, file: { size: file.size } });
  if (!start.ok) return start;
  const sent = await sendFile(start.value.ticket, file);
  if (!sent.ok) return sent;
  return { ok: true, value: { upload: start.value.upload, name: file.name } };
}

/** Picks and uploads a file with main's dialog (Electron); null when cancelled. */
export async function uploadChosen(
  api: ZamokApi,
  type: ImportKind,
  native: ImportFilesApi,
): Promise<Result<UploadedFile | null>> {
  const picked = await native.pick();
  if (!picked.ok) return picked;
  if (picked.value === null) return { ok: true, value: null };
  const { pickId, name, size } = picked.value;
  const start = await api.imports.startUpload({ type, file: { size } });
  if (!start.ok) return start;
  const sent = await native.upload({ pickId, ticket: start.value.ticket });
  if (!sent.ok) return sent;
  return { ok: true, value: { upload: start.value.upload, name } };
}
