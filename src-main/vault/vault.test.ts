import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNoKeychainStore,
  createVault,
  readKeyringInfo,
  unlockWithPassword,
  unlockWithRecoveryKey,
  vaultExists,
  type OpenVault,
} from './index';
import { createTestVault, makeTempDir, snapshotDir, TEST_KDF } from './temp-vault.test-support';

const noKeychain = { deviceStore: createNoKeychainStore() };
const opened: OpenVault[] = [];
function track<T extends { vault: OpenVault } | OpenVault>(v: T): T {
  opened.push('vault' in v ? v.vault : v);
  return v;
}
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

function firstBytes(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(n);
  readSync(fd, buf, 0, n, 0);
  closeSync(fd);
  return buf;
}

describe('creating a vault', () => {
  it('writes zamok.db, keyring.json and attachments/ and nothing readable as plain SQLite', async () => {
    const { dir, vault } = track(await createTestVault());
    expect(existsSync(join(dir, 'zamok.db'))).toBe(true);
    expect(existsSync(join(dir, 'keyring.json'))).toBe(true);
    expect(statSync(join(dir, 'attachments')).isDirectory()).toBe(true);
    expect(vaultExists(dir)).toBe(true);
    expect(statSync(join(dir, 'zamok.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keyring.json')).mode & 0o777).toBe(0o600);
    vault.close();
    const header = firstBytes(join(dir, 'zamok.db'), 16);
    expect(header.toString('latin1')).not.toBe('SQLite format 3\0');
    expect(readFileSync(join(dir, 'zamok.db')).includes(Buffer.from('vault_meta'))).toBe(false);
  });

  it('uses WAL, synchronous=FULL and the SQLCipher 4 settings', async () => {
    const { vault } = track(await createTestVault());
    expect(vault.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(vault.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(vault.sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher');
  });

  it('opens in the standard sqlcipher 4 CLI with the raw data key', async () => {
    const { dir, vault, vaultId } = track(await createTestVault());
    const hex = vault.dataKey().toString('hex');
    vault.close();
    const out = execFileSync('sqlcipher', [join(dir, 'zamok.db')], {
      input: `PRAGMA key="x'${hex}'";\nSELECT value FROM vault_meta WHERE key='vault_id';\n`,
      encoding: 'utf8',
    });
    expect(out).toContain(vaultId);
    const wrong = spawnSync('sqlcipher', [join(dir, 'zamok.db')], {
      input: `PRAGMA key="x'${'00'.repeat(32)}'";\nSELECT value FROM vault_meta;\n`,
      encoding: 'utf8',
    });
    expect(wrong.stdout).not.toContain(vaultId);
    expect(wrong.stderr).toContain('file is not a database');
  });

  it('keeps no plaintext login, password or data key in keyring.json', async () => {
    const { dir, vault } = track(
      await createTestVault({ ownerLogin: 'olena.k', ownerPassword: 'Pa55word-for-olena' }),
    );
    const text = readFileSync(join(dir, 'keyring.json'), 'utf8');
    expect(text).not.toContain('olena');
    expect(text).not.toContain('Pa55word');
    const key = vault.dataKey();
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    const info = readKeyringInfo(dir);
    expect(info.slots.map(s => s.kind).sort()).toEqual(['password', 'recovery']);
    expect(info.slots.every(s => s.kdf.memoryKiB === TEST_KDF.memoryKiB)).toBe(true);
  });

  it('refuses a folder that already holds a vault and leaves it as it was', async () => {
    const { dir, vault } = track(await createTestVault());
    vault.close();
    const before = snapshotDir(dir);
    await expect(
      createVault({
        dir,
        ownerLogin: 'x1',
        ownerPassword: 'y',
        kdf: TEST_KDF,
        deviceStore: createNoKeychainStore(),
        deviceBinding: false,
      }),
    ).rejects.toMatchObject({ code: 'vault_exists' });
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('removes everything it created when initialize throws', async () => {
    const parent = makeTempDir();
    const dir = join(parent, 'new', 'vault');
    let seen: OpenVault | undefined;
    await expect(
      createTestVault({
        dir,
        initialize: v => {
          seen = v;
          v.sqlite.exec("INSERT INTO settings (key, value) VALUES ('a', 'b')");
          throw new Error('owner account failed');
        },
      }),
    ).rejects.toThrow('owner account failed');
    expect(seen?.closed).toBe(true);
    expect(snapshotDir(parent)).toEqual({});
  });

  it('runs initialize after migrations, inside the creation', async () => {
    const { vault } = track(
      await createTestVault({
        initialize: async v => {
          await v.db.insertInto('settings').values({ key: 'locale', value: 'uk' }).execute();
        },
      }),
    );
    const row = await vault.db.selectFrom('settings').selectAll().executeTakeFirst();
    expect(row).toEqual({ key: 'locale', value: 'uk' });
  });
});

describe('unlocking with a password', () => {
  it('opens with the owner password, however the login is typed', async () => {
    const { dir, vault, vaultId } = track(await createTestVault({ ownerLogin: 'Olena' }));
    vault.close();
    const again = track(
      await unlockWithPassword(dir, '  OLENA ', 'correct horse battery staple', noKeychain),
    );
    expect(again.vaultId).toBe(vaultId);
    const meta = await again.db.selectFrom('vault_meta').selectAll().execute();
    expect(meta.find(r => r.key === 'vault_id')?.value).toBe(vaultId);
  });

  it('answers an unknown login and a wrong password with the same error', async () => {
    const { dir, vault } = track(await createTestVault());
    vault.close();
    const wrongPassword = await unlockWithPassword(dir, 'owner', 'wrong', noKeychain).catch(e => e);
    const unknownLogin = await unlockWithPassword(dir, 'nobody', 'wrong', noKeychain).catch(e => e);
    expect(wrongPassword).toMatchObject({ code: 'auth_failed' });
    expect(unknownLogin).toMatchObject({ code: 'auth_failed' });
    expect(unknownLogin.message).toBe(wrongPassword.message);
  });

  it('spends a key derivation on an unknown login too (similar timing)', async () => {
    const slow = { memoryKiB: 32768, iterations: 2, parallelism: 1 };
    const { dir, vault } = track(await createTestVault({ kdf: slow }));
    vault.close();
    const time = async (login: string) => {
      const start = performance.now();
      await unlockWithPassword(dir, login, 'wrong', noKeychain).catch(() => undefined);
      return performance.now() - start;
    };
    await time('owner'); // warm-up
    const known = Math.min(await time('owner'), await time('owner'));
    const unknown = Math.min(await time('nobody'), await time('nobody'));
    // The property under test is one-sided: an unknown login must not be answered faster than a
    // real slot (which would reveal who has an account). An upper bound would only measure load.
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it('zeroes the data key and closes the connection on close()', async () => {
    const { vault } = track(await createTestVault());
    const copy = vault.dataKey();
    expect(copy.equals(Buffer.alloc(32))).toBe(false);
    vault.close();
    vault.close();
    expect(vault.closed).toBe(true);
    expect(() => vault.dataKey()).toThrow('closed');
    expect(vault.sqlite.open).toBe(false);
  });
});

describe('unlocking with the recovery key', () => {
  it('opens with the printed recovery key, typed in lower case with spaces', async () => {
    const { dir, vault, recoveryKey, vaultId } = track(await createTestVault());
    vault.close();
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ');
    const opened = track(await unlockWithRecoveryKey(dir, typed));
    expect(opened.vaultId).toBe(vaultId);
  });

  it('rejects a typo before any derivation and another vault’s key after it, changing nothing', async () => {
    const a = track(await createTestVault());
    const b = track(await createTestVault());
    a.vault.close();
    b.vault.close();
    const before = snapshotDir(a.dir);
    const flat = a.recoveryKey.replaceAll('-', '');
    const typo = flat.slice(0, 3) + (flat[3] === 'A' ? 'B' : 'A') + flat.slice(4);
    const t = await unlockWithRecoveryKey(a.dir, typo).catch(e => e);
    expect(t).toMatchObject({ code: 'auth_failed' });
    expect(t.message).toMatch(/typo|not a valid recovery key/);
    const other = await unlockWithRecoveryKey(a.dir, b.recoveryKey).catch(e => e);
    expect(other).toMatchObject({ code: 'auth_failed' });
    expect(snapshotDir(a.dir)).toEqual(before);
  });
});
