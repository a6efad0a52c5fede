/**
 * A change and its audit entry are one transaction: the wrapper opens it around the whole call, the
 * handler's own kysely transactions nest inside as savepoints, and a failing call leaves no change —
 * only its 'failed' entry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel } from '../../src-shared/ipc/contract';
import { listAudit, verifyAuditChain } from '../audit';
import { createRouter, requirePermission, type Handlers } from '../ipc';
import { createTestVault } from '../vault/temp-vault.test-support';
import type { OpenVault } from '../vault';
import { createAuditWrapper } from './audit-wrapper';
import { createVaultState } from './vault-state';

const demo = {
  demo: {
    write: channel<{ done: true }>()({
      input: z.object({ value: z.string(), fail: z.boolean() }).strict(),
      permission: 'session',
    }),
  },
} as const;

const vaults: OpenVault[] = [];
afterEach(() => {
  for (const vault of vaults.splice(0)) vault.close();
});

async function setup() {
  const { vault, dir } = await createTestVault();
  vaults.push(vault);
  const state = createVaultState(dir);
  state.signIn(vault, { userId: 'u-1', login: 'owner', role: 'owner', grants: {}, teamId: null });
  const handlers: Handlers<typeof demo> = {
    demo: {
      write: async (ctx, input) => {
        // A handler's own transaction, as repositories do: it must nest inside the wrapper's.
        await vault.db.transaction().execute(async trx => {
          await trx.insertInto('settings').values({ key: 'demo', value: input.value }).execute();
        });
        ctx.audit.entityType = 'setting';
        ctx.audit.entityId = 'demo';
        if (input.fail) throw new Error('failed after writing');
        return { done: true } as const;
      },
    },
  };
  const router = createRouter({
    contract: demo,
    handlers,
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [createAuditWrapper({ state, deviceId: 'dev-test' }), requirePermission],
    logInternalError: () => undefined,
  });
  const setting = () =>
    vault.db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  return { vault, router, setting };
}

describe('audited calls are atomic', () => {
  it('commits the change together with its entry', async () => {
    const { vault, router, setting } = await setup();
    const result = await router.call(
      'zamok:demo.write',
      { value: 'a', fail: false },
      { host: 'cli' },
    );
    expect(result.ok).toBe(true);
    expect(vault.sqlite.inTransaction).toBe(false);
    expect(await setting()).toEqual({ value: 'a' });
    const { entries } = await listAudit(vault.db, { limit: 10 });
    expect(entries[0]).toMatchObject({ action: 'demo.write', outcome: 'ok', entityId: 'demo' });
    expect(verifyAuditChain(vault.sqlite).ok).toBe(true);
  });

  it('rolls the change back when the call fails, keeping only the failed entry', async () => {
    const { vault, router, setting } = await setup();
    const result = await router.call(
      'zamok:demo.write',
      { value: 'b', fail: true },
      { host: 'cli' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(vault.sqlite.inTransaction).toBe(false);
    expect(await setting()).toBeUndefined();
    const { entries } = await listAudit(vault.db, { limit: 10 });
    expect(entries[0]).toMatchObject({ action: 'demo.write', outcome: 'failed' });
    expect(verifyAuditChain(vault.sqlite).ok).toBe(true);
  });

  it('runs concurrent audited calls one after another', async () => {
    const { router, setting } = await setup();
    const results = await Promise.all([
      router.call('zamok:demo.write', { value: 'x', fail: true }, { host: 'cli' }),
      router.call('zamok:demo.write', { value: 'y', fail: false }, { host: 'cli' }),
    ]);
    expect(results.map(r => r.ok)).toEqual([false, true]);
    expect(await setting()).toEqual({ value: 'y' });
  });
});
