/**
 * The keychain high-water mark of device-bound vaults (./lockout-counter.ts): an older or deleted
 * lockout.json is refused at once, a replaced zamok.db (a restore) starts a new count. The file's
 * own policy and tamper checks are in ./lockout.test.ts.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryDeviceStore, createNoKeychainStore } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { LOCKOUT_FILES } from './lockout-file';
import { keychainLockoutCounter } from './lockout-counter';
import { openLockoutStore, type LockoutStore } from './lockout';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const VAULT_ID = 'vault-lockout-counter-test';

async function fail(store: LockoutStore, login: string, times: number, now = T0): Promise<void> {
  for (let i = 0; i < times; i++) await store.recordFailure(store.loginId(login), now);
}

describe('the keychain high-water mark (device-bound vaults)', () => {
  /** A vault folder with a zamok.db to pin the mark to, and a store counting through the keychain. */
  async function boundStore(dir: string, keychain: ReturnType<typeof createMemoryDeviceStore>) {
    return openLockoutStore({
      dir,
      vaultId: VAULT_ID,
      deviceStore: keychain,
      clock: () => T0,
      counter: keychainLockoutCounter(dir, VAULT_ID, keychain),
    });
  }
  function vaultFolder(): string {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'zamok.db'), 'stand-in');
    return dir;
  }

  it('refuses every guess after an older copy of the file is put back, and reports it once', async () => {
    const dir = vaultFolder();
    const keychain = createMemoryDeviceStore();
    const path = join(dir, LOCKOUT_FILES.state);
    await fail(await boundStore(dir, keychain), 'olena', 1);
    const oldCopy = readFileSync(path);
    // An attacker guesses four times in fresh processes, then puts the copy back, again and again.
    for (let round = 0; round < 4; round++) {
      const store = await boundStore(dir, keychain);
      const decision = await store.check(store.loginId('olena'), T0);
      if (round === 0) expect(decision.allowed).toBe(true);
      else expect(decision).toMatchObject({ allowed: false, tampered: true });
      if (decision.allowed) await fail(store, 'olena', 3);
      writeFileSync(path, oldCopy);
    }
    const later = T0 + 16 * 60_000;
    const store = await boundStore(dir, keychain);
    const report = await store.recordSuccess(store.loginId('olena'), later);
    expect(report.tamperedAt).toBeNull();
    expect(report.rolledBackAt).not.toBeNull();
    expect((await store.recordSuccess(store.loginId('olena'), later)).rolledBackAt).toBeNull();
  });

  it('still counts where no keychain is reachable (a headless CLI run)', async () => {
    const dir = vaultFolder();
    const none = createNoKeychainStore();
    const store = await openLockoutStore({
      dir,
      vaultId: VAULT_ID,
      deviceStore: none,
      clock: () => T0,
      counter: keychainLockoutCounter(dir, VAULT_ID, none),
    });
    await fail(store, 'olena', 5);
    expect((await store.check(store.loginId('olena'), T0)).retryAfterSeconds).toBe(30);
  });

  it('refuses every guess after the file is deleted', async () => {
    const dir = vaultFolder();
    const keychain = createMemoryDeviceStore();
    await fail(await boundStore(dir, keychain), 'olena', 3);
    rmSync(join(dir, LOCKOUT_FILES.state));
    const store = await boundStore(dir, keychain);
    expect(await store.check(store.loginId('petro'), T0)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 900,
      tampered: true,
    });
  });

  it('starts a new count when zamok.db itself was replaced (a restore), without locking anyone', async () => {
    const dir = vaultFolder();
    const keychain = createMemoryDeviceStore();
    await fail(await boundStore(dir, keychain), 'olena', 3);
    rmSync(join(dir, LOCKOUT_FILES.state));
    // A restore renames a new file into place (a new inode; the old one lives on in the safety copy).
    writeFileSync(join(dir, 'restored.db'), 'restored stand-in');
    renameSync(join(dir, 'restored.db'), join(dir, 'zamok.db'));
    const store = await boundStore(dir, keychain);
    expect(await store.check(store.loginId('olena'), T0)).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      tampered: false,
    });
  });
});
