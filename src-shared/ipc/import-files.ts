/**
 * The Electron app's import file calls (`window.zamokImportFiles`): choose a file in main's open
 * dialog (the page gets an opaque pick id, the name and the size, never the path), then stream it
 * into the upload ticket `imports.startUpload` handed out. Two fixed channels outside the router's
 * names: the permission check happened in `imports.startUpload`. Shared by main, the preload and
 * the renderer.
 */
import type { Result } from './contract';

/** Channel per call. */
export const IMPORT_FILE_CHANNELS = {
  pick: 'zamok-import:pick',
  upload: 'zamok-import:upload',
} as const;

/** What the page may call. */
export interface ImportFilesApi {
  pick(): Promise<Result<{ pickId: string; name: string; size: number } | null>>;
  upload(input: { pickId: string; ticket: string }): Promise<Result<{ size: number }>>;
}
