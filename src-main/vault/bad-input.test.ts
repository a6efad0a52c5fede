import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createNoKeychainStore,
  createVault,
  hasPasswordSlot,
  readKeyringInfo,
  setPasswordSlot,
  unlockWithPassword,
  unlockWithRecoveryKey,
  vaultExists,
} from './index';
import { KEYRING_VERSION } from './keyring';
import {
  createTestVault,
  makeTempDir,
  snapshotDir,
  TEST_KDF,
  TEST_OWNER,
} from './temp-vault.test-support';

const noKeychain = { deviceStore: createNoKeychainStore() };

/** A closed test vault. */
async function closedVault() {
  const created = await createTestVault();
  created.vault.close();
  return created;
}

/** Expects unlocking `dir` with the owner password and with the recovery key to fail with `code`, changing nothing. */
async function expectUnlockFails(dir: string, recoveryKey: string, code: string, message: RegExp) {
  const before = snapshotDir(dir);
  const byPassword = await unlockWithPassword(
    dir,
    TEST_OWNER.login,
    TEST_OWNER.password,
    noKeychain,
  ).catch((e: unknown) => e);
  expect(byPassword).toMatchObject({ name: 'VaultError', code });
  expect((byPassword as Error).message).toMatch(message);
  const byRecovery = await unlockWithRecoveryKey(dir, recoveryKey).catch((e: unknown) => e);
  expect(byRecovery).toMatchObject({ name: 'VaultError', code });
  expect(snapshotDir(dir)).toEqual(before);
}

describe('bad vault folders', () => {
  it('a folder that does not exist: vault_missing', async () => {
    const dir = join(makeTempDir(), 'nothing-here');
    await expectUnlockFails(dir, 'x', 'vault_missing', /no vault folder/);
    expect(vaultExists(dir)).toBe(false);
  });

  it('a vault path that is a file: vault_missing to open, vault_not_writable to create', async () => {
    const file = join(makeTempDir(), 'zamok.db');
    writeFileSync(file, 'not a folder');
    await expectUnlockFails(file, 'x', 'vault_missing', /is a file/);
    const before = snapshotDir(file);
    await expect(
      createVault({
        dir: file,
        ownerLogin: 'o1',
        ownerPassword: 'p',
        kdf: TEST_KDF,
        ...noKeychain,
        deviceBinding: false,
      }),
    ).rejects.toMatchObject({
      code: 'vault_not_writable',
      message: expect.stringMatching(/is a file/),
    });
    expect(snapshotDir(file)).toEqual(before);
  });

  it('impossible KDF parameters or an empty login: RangeError before anything is created', async () => {
    const parent = makeTempDir();
    const dir = join(parent, 'vault');
    const base = { dir, ownerLogin: 'o1', ownerPassword: 'p', ...noKeychain, deviceBinding: false };
    const huge = { memoryKiB: 2 ** 30, iterations: 3, parallelism: 1 };
    await expect(createVault({ ...base, kdf: huge })).rejects.toThrow(RangeError);
    await expect(createVault({ ...base, kdf: TEST_KDF, ownerLogin: '   ' })).rejects.toThrow(
      RangeError,
    );
    await expect(createVault({ ...base, kdf: TEST_KDF, ownerPassword: '' })).rejects.toThrow(
      RangeError,
    );
    expect(snapshotDir(parent)).toEqual({});
  });

  it('an empty folder: vault_missing', async () => {
    await expectUnlockFails(makeTempDir(), 'x', 'vault_missing', /holds no vault/);
  });

  it('no write permission (a folder under a regular file, ENOTDIR): vault_not_writable, nothing created', async () => {
    const parent = makeTempDir();
    writeFileSync(join(parent, 'blocker'), '');
    const before = snapshotDir(parent);
    await expect(createTestVault({ dir: join(parent, 'blocker', 'vault') })).rejects.toMatchObject({
      code: 'vault_not_writable',
      message: expect.stringMatching(/ENOTDIR/),
    });
    expect(snapshotDir(parent)).toEqual(before);
  });

  it('a read-only vault folder: setPasswordSlot and createVault fail with vault_not_writable, keeping everything', async () => {
    const { dir, vault } = await createTestVault();
    const keyringBefore = snapshotDir(dir)['keyring.json'];
    await withReadOnlyFolder(dir, () =>
      expect(
        setPasswordSlot(vault, 'newuser', 'pw', {
          kdf: TEST_KDF,
          ...noKeychain,
          deviceBinding: false,
        }),
      ).rejects.toMatchObject({ code: 'vault_not_writable' }),
    );
    vault.close();
    expect(snapshotDir(dir)['keyring.json']).toBe(keyringBefore);
    expect(Object.keys(snapshotDir(dir)).sort()).toEqual([
      'attachments',
      'keyring.json',
      'zamok.commit',
      'zamok.db',
    ]);
    expect(hasPasswordSlot(dir, 'newuser')).toBe(false);

    const empty = makeTempDir();
    await withReadOnlyFolder(empty, () =>
      expect(createTestVault({ dir: empty })).rejects.toMatchObject({ code: 'vault_not_writable' }),
    );
    expect(snapshotDir(empty)).toEqual({});
  });
});

/**
 * Runs `fn` while `dir` cannot be written. Tests run as root, so chmod does not stop writes: use
 * `chattr +i` (immutable; works on ext4 as root). Where the file system refuses chattr, simulate by
 * moving the folder aside and putting a regular file at its path (writes then fail with ENOTDIR).
 */
async function withReadOnlyFolder(dir: string, fn: () => Promise<unknown>): Promise<void> {
  const locked = spawnSync('chattr', ['+i', dir]).status === 0;
  const aside = `${dir}.aside`;
  if (!locked) {
    renameSync(dir, aside);
    writeFileSync(dir, '');
  }
  try {
    await fn();
  } finally {
    if (locked) spawnSync('chattr', ['-i', dir]);
    else {
      rmSync(dir);
      renameSync(aside, dir);
    }
  }
}

/** keyring.json as a test edits it. */
interface RawKeyring {
  [field: string]: unknown;
  slots: { kind: string; wrappedKey: string; kdf: { memoryKiB: number } }[];
}

describe('bad keyring.json', () => {
  it('missing: vault_corrupt naming keyring.json', async () => {
    const { dir, recoveryKey } = await closedVault();
    rmSync(join(dir, 'keyring.json'));
    await expectUnlockFails(dir, recoveryKey, 'vault_corrupt', /keyring\.json is missing/);
  });

  it('truncated: vault_corrupt', async () => {
    const { dir, recoveryKey } = await closedVault();
    truncateSync(
      join(dir, 'keyring.json'),
      Math.floor(statSync(join(dir, 'keyring.json')).size / 2),
    );
    await expectUnlockFails(dir, recoveryKey, 'vault_corrupt', /keyring\.json is damaged/);
  });

  it('empty or not JSON: vault_corrupt', async () => {
    const { dir, recoveryKey } = await closedVault();
    writeFileSync(join(dir, 'keyring.json'), '');
    await expectUnlockFails(dir, recoveryKey, 'vault_corrupt', /not valid JSON/);
    writeFileSync(join(dir, 'keyring.json'), '\u0000\u0001garbage');
    await expectUnlockFails(dir, recoveryKey, 'vault_corrupt', /not valid JSON/);
  });

  it.each([
    ['a missing field', (k: RawKeyring) => delete k.loginSalt],
    ['a wrong type', (k: RawKeyring) => (k.vaultId = 42)],
    ['an unknown field', (k: RawKeyring) => (k.extra = true)],
    ['no recovery slot', (k: RawKeyring) => (k.slots = k.slots.filter(s => s.kind !== 'recovery'))],
  ])('valid JSON with %s: vault_corrupt', async (_name, edit) => {
    const { dir, recoveryKey } = await closedVault();
    const keyring = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    edit(keyring);
    writeFileSync(join(dir, 'keyring.json'), JSON.stringify(keyring));
    await expectUnlockFails(dir, recoveryKey, 'vault_corrupt', /keyring\.json is damaged/);
    expect(() => readKeyringInfo(dir)).toThrow(/keyring\.json is damaged/);
  });

  it.each([
    [
      'a KDF that would take 1 TiB',
      (k: RawKeyring) => k.slots.forEach(s => (s.kdf.memoryKiB = 2 ** 30)),
    ],
    ['a short wrapped key', (k: RawKeyring) => k.slots.forEach(s => (s.wrappedKey = 'AAAA'))],
  ])('valid JSON with %s in every slot: key_slot_damaged, nothing derived', async (_name, edit) => {
    const { dir, recoveryKey } = await closedVault();
    const keyring = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    edit(keyring);
    writeFileSync(join(dir, 'keyring.json'), JSON.stringify(keyring));
    // Each slot entry is checked on its own: a bad one is set aside as damaged, never derived from.
    await expectUnlockFails(dir, recoveryKey, 'key_slot_damaged', /keyring\.json is damaged/);
    expect(readKeyringInfo(dir).slots).toEqual([]);
  });

  it('a newer keyring format: vault_newer', async () => {
    const { dir, recoveryKey } = await closedVault();
    const keyring = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    writeFileSync(
      join(dir, 'keyring.json'),
      JSON.stringify({ ...keyring, version: KEYRING_VERSION + 1 }),
    );
    await expectUnlockFails(dir, recoveryKey, 'vault_newer', /newer|Update Zamok/);
  });
});

describe('bad zamok.db', () => {
  it('missing: vault_corrupt naming zamok.db', async () => {
    const { dir, recoveryKey } = await closedVault();
    rmSync(join(dir, 'zamok.db'));
    await expectUnlockFails(dir, recoveryKey, 'vault_corrupt', /zamok\.db is missing/);
  });

  it.each([
    ['truncated mid-page', (size: number) => size - 100],
    ['cut to one page', () => 4096],
    ['emptied', () => 0],
  ])('%s: vault_corrupt', async (_name, newSize) => {
    const { dir, recoveryKey } = await closedVault();
    const path = join(dir, 'zamok.db');
    truncateSync(path, newSize(statSync(path).size));
    await expectUnlockFails(dir, recoveryKey, 'vault_corrupt', /zamok\.db is damaged/);
  });

  it('a flipped byte in the first page (SQLCipher HMAC fails): vault_corrupt', async () => {
    const { dir, recoveryKey } = await closedVault();
    const path = join(dir, 'zamok.db');
    const bytes = readFileSync(path);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    await expectUnlockFails(
      dir,
      recoveryKey,
      'vault_corrupt',
      /damaged or belongs to another vault/,
    );
  });

  it('a zamok.db from another vault beside this keyring: vault_corrupt', async () => {
    const a = await closedVault();
    const b = await closedVault();
    writeFileSync(join(a.dir, 'zamok.db'), readFileSync(join(b.dir, 'zamok.db')));
    await expectUnlockFails(a.dir, a.recoveryKey, 'vault_corrupt', /another vault/);
  });

  it('a folder named zamok.db: vault_corrupt, nothing created', async () => {
    const { dir, recoveryKey } = await closedVault();
    rmSync(join(dir, 'zamok.db'));
    mkdirSync(join(dir, 'zamok.db'));
    await expectUnlockFails(dir, recoveryKey, 'vault_corrupt', /zamok\.db/);
  });
});
