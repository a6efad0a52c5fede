/**
 * `window.zamokFiles`: the document file dialogs of the Electron app (attach a file, save a copy)
 * and the bytes of a preview. Main shows the dialogs and keeps the paths; the page gets opaque ids.
 * Five fixed channels, nothing generic. The names are repeated in
 * src-main/electron/document-files-ipc.ts (the preload may import only src-shared; a test there
 * checks both lists match) and the shape in src-renderer/screens/documents/native-files.ts.
 */
import type { Result } from '../src-shared/ipc/contract';
import type { PreloadElectron } from './bridge';

/** Channel per call (same as main's DOCUMENT_FILE_CHANNELS). */
export const DOCUMENT_FILE_CHANNELS = {
  pick: 'zamok-files:pick',
  upload: 'zamok-files:upload',
  chooseSave: 'zamok-files:choose-save',
  save: 'zamok-files:save',
  read: 'zamok-files:read',
} as const;

/** What the page may call. */
export interface DocumentFilesApi {
  pick(): Promise<Result<{ pickId: string; name: string; size: number } | null>>;
  upload(input: { pickId: string; ticket: string }): Promise<Result<{ size: number }>>;
  chooseSave(input: { fileName: string }): Promise<Result<{ saveId: string } | null>>;
  save(input: { saveId: string; ticket: string }): Promise<Result<{ size: number }>>;
  read(input: { ticket: string }): Promise<Result<Uint8Array<ArrayBuffer>>>;
}

/** The API object: each function invokes exactly its channel; failures come back typed. */
export function createDocumentFilesApi(
  ipcRenderer: PreloadElectron['ipcRenderer'],
): DocumentFilesApi {
  const call =
    (channel: string) =>
    async (input?: unknown): Promise<Result<never>> => {
      try {
        // Main answers every call with a Result and never throws.
        return (await ipcRenderer.invoke(channel, input)) as Result<never>;
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'The Zamok core did not answer.' },
        };
      }
    };
  return Object.freeze({
    pick: () => call(DOCUMENT_FILE_CHANNELS.pick)(),
    upload: call(DOCUMENT_FILE_CHANNELS.upload),
    chooseSave: call(DOCUMENT_FILE_CHANNELS.chooseSave),
    save: call(DOCUMENT_FILE_CHANNELS.save),
    read: call(DOCUMENT_FILE_CHANNELS.read),
  });
}

/** Exposes `window.zamokFiles`. */
export function exposeDocumentFiles(electron: PreloadElectron): void {
  electron.contextBridge.exposeInMainWorld(
    'zamokFiles',
    createDocumentFilesApi(electron.ipcRenderer),
  );
}
