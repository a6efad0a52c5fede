/**
 * `window.zamokFiles`: the Electron app's document file dialogs (src-preload/document-files.ts,
 * served by src-main/electron/document-files.ts). Main shows the open/save dialogs and keeps the
 * paths; the page only holds opaque one-use ids. Absent in the browser test host, which moves bytes
 * over its HTTP route instead (transfer.ts).
 */
import type { DocumentFilesApi } from '../../../src-shared/ipc/document-files';

export type { DocumentFilesApi };

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
