/**
 * `window.zamok`: the typed API the preload exposes through contextBridge (absent in the browser
 * test host, where src-renderer/bridge builds the same API over fetch).
 */
import type { ZamokApi } from '../../src-shared/ipc';

declare global {
  interface Window {
    /** Set by the Electron preload; undefined in the browser test host. */
    readonly zamok?: ZamokApi;
  }
}

export {};
