/**
 * `window.zamokFiles`: five frozen functions, each invoking only its own channel with the page's
 * input; a failed invoke comes back as a typed error that carries none of the failure's text.
 */
import { describe, expect, it } from 'vitest';
import type { PreloadElectron } from './bridge';
import { DOCUMENT_FILE_CHANNELS, exposeDocumentFiles } from './document-files';

function fakeElectron(answer: (channel: string) => Promise<unknown>) {
  const exposed: Record<string, unknown> = {};
  const invoked: { channel: string; input: unknown }[] = [];
  const electron: PreloadElectron = {
    contextBridge: { exposeInMainWorld: (key, api) => void (exposed[key] = api) },
    ipcRenderer: {
      invoke: (channel, ...args) => {
        invoked.push({ channel, input: args[0] });
        return answer(channel);
      },
    },
  };
  return { electron, exposed, invoked };
}

describe('preload document files', () => {
  it('exposes window.zamokFiles with the five calls, each on its own channel', async () => {
    const { electron, exposed, invoked } = fakeElectron(async channel => ({
      ok: true,
      value: channel,
    }));
    exposeDocumentFiles(electron);
    expect(Object.keys(exposed)).toEqual(['zamokFiles']);
    const api = exposed.zamokFiles as Record<string, (input?: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(DOCUMENT_FILE_CHANNELS).sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(await api.pick?.()).toEqual({ ok: true, value: 'zamok-files:pick' });
    await api.save?.({ saveId: 's', ticket: 't' });
    await api.read?.({ ticket: 't' });
    expect(invoked).toEqual([
      { channel: 'zamok-files:pick', input: undefined },
      { channel: 'zamok-files:save', input: { saveId: 's', ticket: 't' } },
      { channel: 'zamok-files:read', input: { ticket: 't' } },
    ]);
  });

  it('turns a failed invoke into a typed internal error, without its message', async () => {
    const { electron, exposed } = fakeElectron(() =>
      Promise.reject(new Error('/home/olena/x.pdf')),
    );
    exposeDocumentFiles(electron);
    const api = exposed.zamokFiles as { upload(input: unknown): Promise<unknown> };
    const result = await api.upload({ pickId: 'p', ticket: 't' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('olena');
  });
});
