/**
 * `window.zamokImportFiles`: the import wizard's file dialog in the Electron app (pick a file in
 * main's open dialog, stream it into an `imports.startUpload` ticket). Two fixed channels; names
 * and shape in src-shared/ipc/import-files.ts, served by src-main/electron/import-files.ts.
 */
import type { Result } from '../src-shared/ipc/contract';
import { IMPORT_FILE_CHANNELS, type ImportFilesApi } from '../src-shared/ipc/import-files';
import type { PreloadElectron } from './bridge';

/** The API object: each function invokes exactly its channel; failures come back typed. */
export function createImportFilesApi(ipcRenderer: PreloadElectron['ipcRenderer']): ImportFilesApi {
  const call =
    (channel: string) =>
    async (input?: unknown): Promise<Result<never>> => {
      try {
        return (await ipcRenderer.invoke(channel, input)) as Result<never>;
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'The Zamok core did not answer.' },
        };
      }
    };
  return Object.freeze({
    pick: () => call(IMPORT_FILE_CHANNELS.pick)(),
    upload: call(IMPORT_FILE_CHANNELS.upload),
  });
}

/** Exposes `window.zamokImportFiles`. */
export function exposeImportFiles(electron: PreloadElectron): void {
  electron.contextBridge.exposeInMainWorld(
    'zamokImportFiles',
    createImportFilesApi(electron.ipcRenderer),
  );
}
