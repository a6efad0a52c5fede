import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../src-shared/ipc';
import { fail, inputsOf, ok, scriptedApi, type Script } from './scripted-api';

describe('scriptedApi', () => {
  it('answers scripted calls and records every call with its input', async () => {
    const { api, calls } = scriptedApi({ users: { list: async () => ok([]) } });
    expect(await api.users.list({})).toEqual({ ok: true, value: [] });
    expect(await api.alerts.list({})).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: 'zamok:alerts.list' },
    });
    expect(calls.map(c => c.name)).toEqual(['users.list', 'alerts.list']);
    expect(inputsOf(calls, 'users.list')).toEqual([{}]);
  });

  it('passes scripted failures through', async () => {
    const { api } = scriptedApi({ users: { list: async () => fail('forbidden') } });
    expect(await api.users.list({})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'forbidden' },
    });
  });

  it('fails loudly when a call sends an input the channel schema refuses', async () => {
    const { api, calls } = scriptedApi({ alerts: { acknowledge: async () => fail('not_found') } });
    const wrong = { id: 'not-a-uuid' } as Parameters<ZamokApi['alerts']['acknowledge']>[0];
    await expect(api.alerts.acknowledge(wrong)).rejects.toThrow(
      /alerts\.acknowledge called with an input its schema refuses/,
    );
    const extra = { extra: true } as unknown as Parameters<ZamokApi['users']['list']>[0];
    await expect(api.users.list(extra)).rejects.toThrow(/users\.list/);
    expect(calls).toEqual([]);
  });

  it('refuses to script a call the contract does not have', () => {
    const script = { users: { lisst: async () => ok([]) } } as unknown as Script;
    expect(() => scriptedApi(script)).toThrow('scriptedApi: users.lisst is not in the contract');
  });
});
