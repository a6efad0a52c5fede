import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryDeviceStore, createNoKeychainStore, isVaultError } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import {
  canonicalJson,
  emptyLockoutState,
  LOCKOUT_FILES,
  writeLockoutFile,
  type LockoutState,
} from './lockout-file';
import {
  compareLockoutSeq,
  openLockoutStore,
  waitAfterFailures,
  type LockoutStore,
} from './lockout';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const VAULT_ID = 'vault-lockout-test';

async function open(dir: string, deviceStore = createNoKeychainStore()): Promise<LockoutStore> {
  return openLockoutStore({ dir, vaultId: VAULT_ID, deviceStore, clock: () => T0 });
}

async function fail(store: LockoutStore, login: string, times: number, now = T0): Promise<void> {
  for (let i = 0; i < times; i++) await store.recordFailure(store.loginId(login), now);
}

describe('lockout policy', () => {
  it('is free for 4 failures, then 30 s doubling, then 15 minutes from the 8th', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(waitAfterFailures)).toEqual([
      0, 0, 0, 0, 30, 60, 120, 900, 900, 900,
    ]);
  });

  it('makes a guessing attacker wait exactly as the policy says', async () => {
    const store = await open(makeTempDir());
    const id = store.loginId('olena');
    let now = T0;
    for (let i = 1; i <= 4; i++) {
      expect(await store.recordFailure(id, now)).toMatchObject({
        allowed: true,
        retryAfterSeconds: 0,
      });
    }
    expect(await store.recordFailure(id, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
      tampered: false,
    });
    expect((await store.check(id, now + 29_000)).allowed).toBe(false);
    now += 30_000;
    expect(await store.check(id, now)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      tampered: false,
    });
    expect((await store.recordFailure(id, now)).retryAfterSeconds).toBe(60);
    now += 60_000;
    expect((await store.recordFailure(id, now)).retryAfterSeconds).toBe(120);
    now += 120_000;
    expect(await store.recordFailure(id, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 900,
      tampered: false,
    });
    expect(await store.check(id, now + 14 * 60_000)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 60,
    });
    now += 15 * 60_000;
    expect((await store.check(id, now)).allowed).toBe(true);
    // The 9th failure locks again for 15 minutes: one guess per quarter hour at best.
    expect((await store.recordFailure(id, now)).retryAfterSeconds).toBe(900);
  });

  it('locks only the attacked login, whatever case or spaces the login is typed with', async () => {
    const store = await open(makeTempDir());
    await fail(store, 'Olena', 8);
    expect((await store.check(store.loginId(' olena '), T0)).allowed).toBe(false);
    expect((await store.check(store.loginId('OLENA'), T0)).allowed).toBe(false);
    expect((await store.check(store.loginId('petro'), T0)).allowed).toBe(true);
  });

  it('survives a restart: a new process sees the same counters', async () => {
    const dir = makeTempDir();
    await fail(await open(dir), 'olena', 8);
    const again = await open(dir);
    expect(await again.check(again.loginId('olena'), T0 + 60_000)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 840,
    });
  });

  it('forgets a counter after a quiet day', async () => {
    const store = await open(makeTempDir());
    await fail(store, 'olena', 7);
    const nextDay = T0 + 25 * 3600_000;
    expect((await store.check(store.loginId('olena'), nextDay)).allowed).toBe(true);
    expect((await store.recordFailure(store.loginId('olena'), nextDay)).retryAfterSeconds).toBe(0);
  });

  it('does not let a clock turned back stretch a lock beyond 15 minutes', async () => {
    const store = await open(makeTempDir());
    await fail(store, 'olena', 8);
    const decision = await store.check(store.loginId('olena'), T0 - 3 * 86400_000);
    expect(decision).toMatchObject({ allowed: false, retryAfterSeconds: 900 });
  });
});

describe('lockout file', () => {
  it('never contains a login, and is written atomically with mode 0600', async () => {
    const dir = makeTempDir();
    const store = await open(dir);
    await fail(store, 'olena.kovalenko', 3);
    const files = readdirSync(dir);
    expect(files.sort()).toEqual([LOCKOUT_FILES.key, LOCKOUT_FILES.state].sort());
    for (const name of files) {
      expect(readFileSync(join(dir, name), 'utf8').toLowerCase()).not.toContain('olena');
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
  });

  it('fails closed for EVERY login when someone edits the counters, and reports it once', async () => {
    const dir = makeTempDir();
    const store = await open(dir);
    await fail(store, 'olena', 8);
    const path = join(dir, LOCKOUT_FILES.state);
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      state: { logins: Record<string, { failures: number }> };
    };
    for (const counter of Object.values(file.state.logins)) counter.failures = 0;
    writeFileSync(path, JSON.stringify(file));

    const now = T0 + 1000;
    expect(await store.check(store.loginId('olena'), now)).toEqual({
      allowed: false,
      retryAfterSeconds: 900,
      tampered: true,
    });
    expect((await store.check(store.loginId('someone-else'), now)).allowed).toBe(false);
    // A restart does not lift it.
    const restarted = await open(dir);
    expect((await restarted.check(restarted.loginId('petro'), now + 60_000)).allowed).toBe(false);
    // After 15 minutes sign-in works again; the first success reports the tampering.
    const later = now + 15 * 60_000;
    expect(await restarted.check(restarted.loginId('petro'), later)).toMatchObject({
      allowed: true,
      tampered: true,
    });
    const report = await restarted.recordSuccess(restarted.loginId('petro'), later);
    expect(report.tamperedAt).toBe(now);
    expect((await restarted.check(restarted.loginId('petro'), later)).tampered).toBe(false);
  });

  it('treats garbage, a truncated file or a file of another vault as tampered', async () => {
    for (const damage of ['garbage', 'truncate', 'other-vault'] as const) {
      const dir = makeTempDir();
      const store = await open(dir);
      await fail(store, 'olena', 1);
      const path = join(dir, LOCKOUT_FILES.state);
      if (damage === 'garbage') writeFileSync(path, 'not json at all');
      if (damage === 'truncate') writeFileSync(path, readFileSync(path).subarray(0, 40));
      if (damage === 'other-vault') {
        const other = makeTempDir();
        const otherStore = await openLockoutStore({
          dir: other,
          vaultId: 'another-vault',
          deviceStore: createNoKeychainStore(),
        });
        await otherStore.recordFailure(otherStore.loginId('x'), T0);
        copyFileSync(join(other, LOCKOUT_FILES.state), path);
        copyFileSync(join(other, LOCKOUT_FILES.key), join(dir, LOCKOUT_FILES.key));
      }
      const reopened = await open(dir);
      expect(await reopened.check(reopened.loginId('olena'), T0), damage).toMatchObject({
        allowed: false,
        tampered: true,
      });
    }
  });

  it('keeps the MAC key in the OS keychain when there is one, and fails closed if it vanishes', async () => {
    const dir = makeTempDir();
    const keychain = createMemoryDeviceStore();
    const store = await open(dir, keychain);
    await fail(store, 'olena', 2);
    expect(readdirSync(dir)).toEqual([LOCKOUT_FILES.state]);
    expect([...keychain.secrets.keys()]).toEqual([`lockout:${VAULT_ID}`]);

    // Losing the keychain entry makes the file unverifiable: fail closed.
    keychain.secrets.clear();
    const reopened = await open(dir, keychain);
    expect(await reopened.check(reopened.loginId('olena'), T0)).toMatchObject({
      allowed: false,
      tampered: true,
    });
  });

  it('does not accept counters re-signed with a key the attacker put beside the file', async () => {
    const dir = makeTempDir();
    const keychain = createMemoryDeviceStore();
    const store = await open(dir, keychain);
    await fail(store, 'olena', 8);
    // The attacker cannot read the keychain, so they switch the file to a key of their own.
    const path = join(dir, LOCKOUT_FILES.state);
    const forged = JSON.parse(readFileSync(path, 'utf8')) as { state: LockoutState; mac: string };
    forged.state.keyStore = 'file';
    forged.state.logins = {};
    const attackerKey = Buffer.alloc(32, 7);
    writeFileSync(join(dir, LOCKOUT_FILES.key), attackerKey.toString('base64'));
    forged.mac = createHmac('sha256', attackerKey)
      .update(canonicalJson(forged.state))
      .digest('hex');
    writeFileSync(path, JSON.stringify(forged));

    const reopened = await open(dir, keychain);
    expect(await reopened.check(reopened.loginId('olena'), T0)).toMatchObject({
      allowed: false,
      tampered: true,
    });
  });

  it('without a keychain, a second process reuses the key instead of making its own', async () => {
    const dir = makeTempDir();
    const app = await open(dir);
    const cli = await open(dir); // opened before any file exists
    await fail(app, 'olena', 2);
    expect(await cli.check(cli.loginId('olena'), T0)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      tampered: false,
    });
    await fail(cli, 'olena', 3);
    expect((await app.check(app.loginId('olena'), T0)).retryAfterSeconds).toBe(30);
  });

  it('lets the sign-in detect a deleted or rolled-back file through the seq kept in the database', async () => {
    const dir = makeTempDir();
    const store = await open(dir);
    await fail(store, 'olena', 3);
    const path = join(dir, LOCKOUT_FILES.state);
    const oldCopy = readFileSync(path);
    await fail(store, 'olena', 5);
    const savedInDatabase = (await store.recordSuccess(store.loginId('olena'), T0)).seq;
    expect(compareLockoutSeq(await store.seq(T0), savedInDatabase)).toBe('ok');

    // Another process (or a restart) sees a restored old copy: valid MAC, lower seq.
    writeFileSync(path, oldCopy);
    const restarted = await open(dir);
    expect(compareLockoutSeq(await restarted.seq(T0), savedInDatabase)).toBe('rolled_back');
    rmSync(path);
    const afterDelete = await open(dir);
    expect(compareLockoutSeq(await afterDelete.seq(T0), savedInDatabase)).toBe('rolled_back');
    expect(compareLockoutSeq(0, null)).toBe('ok');
  });

  it('notices a file swapped for an older copy while the app runs', async () => {
    const dir = makeTempDir();
    const store = await open(dir);
    await fail(store, 'olena', 1);
    const oldCopy = readFileSync(join(dir, LOCKOUT_FILES.state));
    await fail(store, 'olena', 7);
    writeFileSync(join(dir, LOCKOUT_FILES.state), oldCopy);
    expect(await store.check(store.loginId('olena'), T0)).toMatchObject({
      allowed: false,
      tampered: true,
    });
  });

  it('refuses to go on when the state cannot be saved (fail closed, typed error)', async () => {
    const dir = makeTempDir();
    const store = await open(dir);
    mkdirSync(join(dir, LOCKOUT_FILES.state)); // a folder where the file should be
    let error: unknown;
    try {
      await store.recordFailure(store.loginId('olena'), T0);
    } catch (err) {
      error = err;
    }
    expect(isVaultError(error, 'vault_not_writable')).toBe(true);
  });
});

describe('failures to audit', () => {
  it('hands every unreported failure of every login to the next successful sign-in, once', async () => {
    const store = await open(makeTempDir());
    await fail(store, 'olena', 2, T0);
    await fail(store, 'petro', 9, T0 + 1000);
    const report = await store.recordSuccess(store.loginId('olena'), T0 + 5000);
    const byLogin = new Map(report.failures.map(f => [f.loginId, f]));
    expect(byLogin.get(store.loginId('olena'))).toEqual({
      loginId: store.loginId('olena'),
      count: 2,
      times: [T0, T0],
    });
    expect(byLogin.get(store.loginId('petro'))?.count).toBe(9);
    expect(report.tamperedAt).toBeNull();
    // Reported once; petro stays locked, olena starts afresh.
    expect((await store.recordSuccess(store.loginId('olena'), T0 + 6000)).failures).toEqual([]);
    expect((await store.check(store.loginId('petro'), T0 + 7000)).allowed).toBe(false);
    expect((await store.check(store.loginId('olena'), T0 + 7000)).allowed).toBe(true);
  });

  it('keeps the file small under a flood of failures but still counts them all', async () => {
    const dir = makeTempDir();
    const store = await open(dir);
    await fail(store, 'seed', 1);
    // Seed the aftermath of a flood (writing 600 fsynced files one by one takes too long here).
    const key = Buffer.from(readFileSync(join(dir, LOCKOUT_FILES.key), 'utf8').trim(), 'base64');
    const state = { ...emptyLockoutState(VAULT_ID, 'file'), seq: 5 };
    const times = Array.from({ length: 100 }, (_, i) => T0 + i);
    state.logins[store.loginId('olena')] = {
      failures: 150,
      lastFailureAt: T0 + 99,
      unaudited: times,
      unauditedCount: 150,
    };
    for (let i = 0; i < 499; i++) {
      state.logins[store.loginId(`bot${i}`)] = {
        failures: 1,
        lastFailureAt: T0 - 1000 + i,
        unaudited: [T0 - 1000 + i],
        unauditedCount: 1,
      };
    }
    writeLockoutFile(dir, key, state);
    await store.recordFailure(store.loginId('olena'), T0 + 200); // 151st; times stay capped at 100
    await store.recordFailure(store.loginId('newcomer'), T0 + 300); // 501st login: the quietest bot goes

    const report = await store.recordSuccess(store.loginId('someone'), T0 + 10_000);
    const olena = report.failures.find(f => f.loginId === store.loginId('olena'));
    expect(olena?.count).toBe(151);
    expect(olena?.times).toHaveLength(100);
    expect(olena?.times.at(-1)).toBe(T0 + 200);
    expect(report.failures).toHaveLength(500);
    expect(report.droppedFailures).toBe(1);
    const total = report.failures.reduce((n, f) => n + f.count, 0) + report.droppedFailures;
    expect(total).toBe(151 + 499 + 1);
    expect((await store.check(store.loginId('olena'), T0 + 10_000)).allowed).toBe(false);
  });
});
