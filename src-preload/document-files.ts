/**
 * `window.zamokFiles`: the document file dialogs of the Electron app (attach a file, save a copy)
 * and the bytes of a preview. Main shows the dialogs and keeps the paths; the page gets opaque ids.
 * Five fixed channels, nothing generic; names and shape in src-shared/ipc/document-files.ts.
 */
import type { Result } from '../src-shared/ipc/contract';
import { DOCUMENT_FILE_CHANNELS, type DocumentFilesApi } from '../src-shared/ipc/document-files';
import type { PreloadElectron } from './bridge';

export { DOCUMENT_FILE_CHANNELS, type DocumentFilesApi };

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
