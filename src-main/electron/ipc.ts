/**
 * Connects Electron IPC to the router: one `ipcMain.handle` per declared channel (no generic channel),
 * each passing the sender's frame so the router can refuse anything but our own main frame.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { contract } from '../../src-shared/ipc';
import { listChannels } from '../../src-shared/ipc/contract';
import type { CallerContext, Router } from '../ipc';

/** The caller context of an IPC event. A destroyed or missing frame has no sender: refused. */
export function callerOf(event: IpcMainInvokeEvent): CallerContext {
  const frame = event.senderFrame;
  if (!frame) return { host: 'electron' };
  return {
    host: 'electron',
    sender: { frameUrl: frame.url, isMainFrame: frame === event.sender.mainFrame },
  };
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpc(router: Router): () => void {
  const names = listChannels(contract).map(c => c.name);
  for (const name of names) {
    ipcMain.handle(name, (event, input: unknown) => router.call(name, input, callerOf(event)));
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(name);
  };
}
