/**
 * The document file channels answer only our own window's main frame: a sub-frame, another origin
 * or a destroyed frame gets `forbidden_sender` and no dialog opens. The channel names are shared
 * with the preload through src-shared/ipc/document-files.ts.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FILE_CHANNELS as SHARED_CHANNELS } from '../../src-shared/ipc/document-files';
import type { DocumentFiles } from './document-files';
import {
  DOCUMENT_FILE_CHANNELS,
  registerDocumentFiles,
  type InvokeEventLike,
  type IpcMainLike,
} from './document-files-ipc';

function standIns() {
  const handlers = new Map<string, (event: InvokeEventLike, input: unknown) => unknown>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: channel => void handlers.delete(channel),
  };
  const dialogsShown: string[] = [];
  const answer = async (call: string, input?: unknown) => {
    dialogsShown.push(call);
    return { ok: true as const, value: { call, input } as never };
  };
  const files: DocumentFiles = {
    pick: () => answer('pick'),
    upload: input => answer('upload', input),
    chooseSave: input => answer('chooseSave', input),
    save: input => answer('save', input),
    read: input => answer('read', input),
  };
  return { handlers, ipc, files, dialogsShown };
}

const mainFrame = { url: 'app://zamok/index.html' };
const fromOurWindow: InvokeEventLike = { senderFrame: mainFrame, sender: { mainFrame } };

describe('document file channels', () => {
  it('serve our main frame and pass the input on as is', async () => {
    const { handlers, ipc, files } = standIns();
    registerDocumentFiles(ipc, files);
    expect([...handlers.keys()].sort()).toEqual(Object.values(DOCUMENT_FILE_CHANNELS).sort());
    const save = handlers.get('zamok-files:save');
    expect(await save?.(fromOurWindow, { saveId: 'a', ticket: 'b' })).toEqual({
      ok: true,
      value: { call: 'save', input: { saveId: 'a', ticket: 'b' } },
    });
  });

  it('refuse a sub-frame, another origin and a destroyed frame before any dialog opens', async () => {
    const { handlers, ipc, files, dialogsShown } = standIns();
    registerDocumentFiles(ipc, files);
    const foreign = { url: 'https://example.com/' };
    const strangers: InvokeEventLike[] = [
      // A sub-frame on our own origin, the main frame navigated away, a destroyed frame.
      { senderFrame: { url: 'app://zamok/index.html' }, sender: { mainFrame } },
      { senderFrame: foreign, sender: { mainFrame: foreign } },
      { senderFrame: null, sender: { mainFrame } },
    ];
    for (const event of strangers) {
      for (const channel of Object.values(DOCUMENT_FILE_CHANNELS)) {
        expect(await handlers.get(channel)?.(event, {})).toMatchObject({
          ok: false,
          error: { code: 'forbidden_sender' },
        });
      }
    }
    expect(dialogsShown).toEqual([]);
  });

  it('handles exactly the shared channel names (the preload invokes the same ones), and can be removed', () => {
    const { handlers, ipc, files } = standIns();
    const remove = registerDocumentFiles(ipc, files);
    expect([...handlers.keys()].sort()).toEqual(Object.values(SHARED_CHANNELS).sort());
    expect(DOCUMENT_FILE_CHANNELS).toBe(SHARED_CHANNELS);
    remove();
    expect(handlers.size).toBe(0);
  });
});
