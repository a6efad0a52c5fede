/**
 * The IPC side of the document file dialogs: five `ipcMain.handle` channels, outside the router's
 * `zamok:<feature>.<call>` names (they move bytes and show dialogs; the permission checks and the
 * audit entries happened in the documents channels that issued the tickets). Each call must come
 * from our own main frame, exactly as router calls (src-main/ipc/guard.ts:checkSender).
 * The names live in src-shared/ipc/document-files.ts, shared with the preload.
 */
import type { Result } from '../../src-shared/ipc/contract';
import { DOCUMENT_FILE_CHANNELS as SHARED_CHANNELS } from '../../src-shared/ipc/document-files';
import { checkSender, type CallerContext } from '../ipc/guard';
import type { DocumentFiles } from './document-files';

/** Channel per call (one per DocumentFiles call: checked here at compile time). */
export const DOCUMENT_FILE_CHANNELS = SHARED_CHANNELS satisfies Record<keyof DocumentFiles, string>;

/** The shape of an IPC invoke event used here (Electron's IpcMainInvokeEvent has more). */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
  sender: { mainFrame: unknown };
}

/** The part of `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

/** The caller of an invoke event (host electron, its frame). */
export function callerOf(event: InvokeEventLike): CallerContext {
  const frame = event.senderFrame;
  if (!frame) return { host: 'electron' };
  return {
    host: 'electron',
    sender: { frameUrl: frame.url, isMainFrame: frame === event.sender.mainFrame },
  };
}

/** Registers the five channels; returns a function that removes them again. */
export function registerDocumentFiles(ipc: IpcMainLike, files: DocumentFiles): () => void {
  const entries = Object.entries(DOCUMENT_FILE_CHANNELS) as [keyof DocumentFiles, string][];
  for (const [call, channel] of entries) {
    ipc.handle(channel, async (event, input): Promise<Result<unknown>> => {
      const refused = checkSender(callerOf(event));
      if (refused) return { ok: false, error: refused };
      return call === 'pick' ? files.pick() : files[call](input);
    });
  }
  return () => {
    for (const [, channel] of entries) ipc.removeHandler(channel);
  };
}
