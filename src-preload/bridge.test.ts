import { describe, expect, it } from 'vitest';
import { contract } from '../src-shared/ipc';
import { listChannels } from '../src-shared/ipc/contract';
import { exposeZamok, type PreloadElectron } from './bridge';

function fakeElectron(answer: (channel: string, input: unknown) => Promise<unknown>) {
  const exposed: Record<string, unknown> = {};
  const invoked: { channel: string; input: unknown }[] = [];
  const electron: PreloadElectron = {
    contextBridge: { exposeInMainWorld: (key, api) => void (exposed[key] = api) },
    ipcRenderer: {
      invoke: (channel, ...args) => {
        invoked.push({ channel, input: args[0] });
        return answer(channel, args[0]);
      },
    },
  };
  return { electron, exposed, invoked };
}

describe('preload', () => {
  it('exposes only window.zamok, with exactly the declared features and calls', () => {
    const { electron, exposed } = fakeElectron(async () => ({ ok: true, value: 1 }));
    exposeZamok(electron);
    expect(Object.keys(exposed)).toEqual(['zamok']);
    const api = exposed.zamok as Record<string, Record<string, unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    const calls = Object.entries(api).flatMap(([f, c]) =>
      Object.keys(c).map(k => `zamok:${f}.${k}`),
    );
    expect(calls.sort()).toEqual(
      listChannels(contract)
        .map(c => c.name)
        .sort(),
    );
    for (const feature of Object.values(api)) {
      for (const fn of Object.values(feature)) expect(typeof fn).toBe('function');
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own channel and returns the router result as is', async () => {
    const { electron, exposed, invoked } = fakeElectron(async channel => ({
      ok: true,
      value: channel,
    }));
    exposeZamok(electron);
    const api = exposed.zamok as {
      auth: { signIn(input: unknown): Promise<unknown>; status(input: unknown): Promise<unknown> };
    };
    expect(await api.auth.status({})).toEqual({ ok: true, value: 'zamok:auth.status' });
    await api.auth.signIn({ login: 'olena' });
    expect(invoked).toEqual([
      { channel: 'zamok:auth.status', input: {} },
      { channel: 'zamok:auth.signIn', input: { login: 'olena' } },
    ]);
  });

  it('turns a failed invoke into a typed internal error instead of a rejection', async () => {
    const { electron, exposed } = fakeElectron(() => Promise.reject(new Error('SECRET-123')));
    exposeZamok(electron);
    const api = exposed.zamok as { auth: { status(input: unknown): Promise<unknown> } };
    const result = await api.auth.status({});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('SECRET-123');
  });
});
