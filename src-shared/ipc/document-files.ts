/**
 * The Electron app's document file calls (`window.zamokFiles`): attach a file chosen in a native
 * dialog, save a copy where the user chooses, read a preview's bytes. Main shows the dialogs and
 * keeps the paths (src-main/electron/document-files.ts); the page holds only opaque one-use ids.
 * Five fixed channels outside the router's `zamok:<feature>.<call>` names: the permission checks
 * and audit entries happened in the documents channels that issued the tickets. Shared by main
 * (ipcMain.handle), the preload (ipcRenderer.invoke) and the renderer (the type of the API).
 */
import type { Result } from './contract';

/** Channel per call. */
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
