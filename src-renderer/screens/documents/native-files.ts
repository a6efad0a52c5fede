/**
 * `window.zamokFiles`: the Electron app's document file dialogs (src-preload/document-files.ts,
 * served by src-main/electron/document-files.ts). Main shows the open/save dialogs and keeps the
 * paths; the page only holds opaque one-use ids. Absent in the browser test host, which moves bytes
 * over its HTTP route instead (transfer.ts).
 */
import type { Result } from '../../../src-shared/ipc/contract';

/** Same shape as the preload's DocumentFilesApi (the renderer may not import the preload). */
export interface DocumentFilesApi {
  pick(): Promise<Result<{ pickId: string; name: string; size: number } | null>>;
  upload(input: { pickId: string; ticket: string }): Promise<Result<{ size: number }>>;
  chooseSave(input: { fileName: string }): Promise<Result<{ saveId: string } | null>>;
  save(input: { saveId: string; ticket: string }): Promise<Result<{ size: number }>>;
  read(input: { ticket: string }): Promise<Result<Uint8Array<ArrayBuffer>>>;
}

declare global {
  interface Window {
    /** Set by the Electron preload; undefined in the browser test host. */
    readonly zamokFiles?: DocumentFilesApi;
  }
}

/** The native file calls, or null outside Electron. */
export function nativeFiles(): DocumentFilesApi | null {
  return typeof window !== 'undefined' && window.zamokFiles ? window.zamokFiles : null;
}
