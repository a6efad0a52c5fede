/**
 * Builds `window.zamok` from the contract. Kept apart from index.ts (which touches Electron) so the
 * shape of what the preload exposes can be tested without Electron.
 */
import type { Result } from '../src-shared/ipc/contract';
import { buildBridge } from '../src-shared/ipc/contract';
import { contract, type ZamokApi } from '../src-shared/ipc';

/** The few Electron pieces the preload uses, as plain shapes. */
export interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> };
}

/** The API object: one function per declared channel, each invoking exactly that channel. */
export function createPreloadApi(ipcRenderer: PreloadElectron['ipcRenderer']): ZamokApi {
  return buildBridge(contract, async (channel, input) => {
    try {
      // The router answers every call with a Result and never throws.
      return (await ipcRenderer.invoke(channel, input)) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The Zamok core did not answer.' } };
    }
  });
}

/** Exposes `window.zamok` and nothing else: no ipcRenderer, no generic send. */
export function exposeZamok(electron: PreloadElectron): void {
  electron.contextBridge.exposeInMainWorld('zamok', createPreloadApi(electron.ipcRenderer));
}
