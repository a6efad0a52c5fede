/**
 * Electron cannot run here: these tests drive the hardening and IPC glue with stand-ins for the few
 * Electron objects they touch, and check what an attacker would get (blocked navigation, no new
 * window, no permission, refused sub-frame calls).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { contract } from '../../src-shared/ipc';
import { listChannels } from '../../src-shared/ipc/contract';
import { createRouter, noSessions } from '../ipc';
import { recordingHandlers } from '../ipc/router.test-support';
import { hardenSession, hardenWebContents, isAppUrl } from './security';

type InvokeHandler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;
const ipcHandlers = vi.hoisted(() => new Map<string, InvokeHandler>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (name: string, fn: InvokeHandler) => ipcHandlers.set(name, fn),
    removeHandler: (name: string) => ipcHandlers.delete(name),
  },
}));
const { registerIpc } = await import('./ipc');

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.openHandler = fn;
  }
}

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('electron hardening', () => {
  it('recognises only our own origin as the app', () => {
    expect(isAppUrl('app://zamok/index.html')).toBe(true);
    for (const url of [
      'app://zamok.evil/',
      'app://zamokx/',
      'https://zamok/',
      'file:///etc/passwd',
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('blocks navigation and redirects off the app, new windows and webviews', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as unknown as WebContents);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///home/olena/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://zamok/index.html')).toBe(false);
    expect(navigate(contents, 'will-attach-webview', 'app://zamok/index.html')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://zamok/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission request and check', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (fn: (...args: never[]) => unknown) => (handlers.request = fn),
      setPermissionCheckHandler: (fn: (...args: never[]) => unknown) => (handlers.check = fn),
      setDevicePermissionHandler: (fn: (...args: never[]) => unknown) => (handlers.device = fn),
    };
    hardenSession(session as unknown as Session);
    let granted: boolean | undefined;
    const request = handlers.request as unknown as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
    ) => void;
    request({}, 'media', ok => (granted = ok));
    expect(granted).toBe(false);
    expect((handlers.check as unknown as () => boolean)()).toBe(false);
    expect((handlers.device as unknown as () => boolean)()).toBe(false);
  });
});

describe('electron IPC glue', () => {
  it('registers exactly the contract channels and passes the sender frame to the router', async () => {
    const { handlers, calls } = recordingHandlers(contract);
    const unregister = registerIpc(createRouter({ contract, handlers, sessions: noSessions }));
    expect([...ipcHandlers.keys()].sort()).toEqual(
      listChannels(contract)
        .map(c => c.name)
        .sort(),
    );

    const mainFrame = { url: 'app://zamok/index.html' };
    const subFrame = { url: 'app://zamok/index.html' };
    const event = (senderFrame: unknown) =>
      ({ senderFrame, sender: { mainFrame } }) as unknown as IpcMainInvokeEvent;
    const status = ipcHandlers.get('zamok:auth.status');
    expect(await status?.(event(mainFrame), {})).toMatchObject({ ok: true });
    for (const frame of [subFrame, null, { url: 'https://evil.example/' }]) {
      expect(await status?.(event(frame), {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden_sender' },
      });
    }
    expect(calls).toHaveLength(1);
    unregister();
    expect(ipcHandlers.size).toBe(0);
  });
});
