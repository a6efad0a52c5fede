import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNoKeychainStore,
  hasPasswordSlot,
  readKeyringInfo,
  removePasswordSlot,
  setPasswordSlot,
  unlockWithPassword,
  unlockWithRecoveryKey,
  type OpenVault,
} from './index';
import { loginHash, parseKeyring } from './keyring';
import { slotCheck } from './slot-check';
import { createTestVault, TEST_KDF, TEST_OWNER } from './temp-vault.test-support';

const noKeychain = { deviceStore: createNoKeychainStore() };
const slotOptions = { kdf: TEST_KDF, deviceStore: createNoKeychainStore(), deviceBinding: false };
const opened: OpenVault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});
async function fresh() {
  const created = await createTestVault();
  opened.push(created.vault);
  return created;
}
/** How many 4 KiB pages of zamok.db differ between two copies of its bytes. */
function pagesChanged(before: Buffer, after: Buffer): number {
  let changed = 0;
  for (let at = 0; at < Math.max(before.length, after.length); at += 4096) {
    if (!before.subarray(at, at + 4096).equals(after.subarray(at, at + 4096))) changed += 1;
  }
  return changed;
}
function keyringSlots(dir: string): Record<string, unknown>[] {
  return JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).slots;
}

describe('password slots', () => {
  it('a password change rewraps only that slot and does not re-encrypt zamok.db', async () => {
    const { dir, vault } = await fresh();
    await setPasswordSlot(vault, 'maria', 'maria-first-password', slotOptions);
    vault.close();
    const dbBefore = readFileSync(join(dir, 'zamok.db'));
    const slotsBefore = keyringSlots(dir);

    const v = await unlockWithPassword(dir, 'maria', 'maria-first-password', noKeychain);
    opened.push(v);
    await setPasswordSlot(v, 'maria', 'maria-second-password', slotOptions);
    v.close();

    const slotsAfter = keyringSlots(dir);
    // Only the change's commit row (keyring_changes) is written: a few pages, not the whole file.
    const dbAfter = readFileSync(join(dir, 'zamok.db'));
    expect(pagesChanged(dbBefore, dbAfter)).toBeLessThanOrEqual(3);
    expect(dbBefore.length / 4096).toBeGreaterThan(20);
    expect(slotsAfter).toHaveLength(slotsBefore.length);
    const changed = slotsAfter.filter(
      (s, i) => JSON.stringify(s) !== JSON.stringify(slotsBefore[i]),
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]?.id).toBe(slotsBefore[2]?.id);
    await expect(
      unlockWithPassword(dir, 'maria', 'maria-first-password', noKeychain),
    ).rejects.toMatchObject({ code: 'auth_failed' });
    opened.push(await unlockWithPassword(dir, 'maria', 'maria-second-password', noKeychain));
    opened.push(await unlockWithPassword(dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain));
  });

  it('a removed slot no longer opens the vault; others still do', async () => {
    const { dir, vault, recoveryKey } = await fresh();
    await setPasswordSlot(vault, 'ivan', 'ivan-password-1', slotOptions);
    expect(hasPasswordSlot(dir, 'IVAN')).toBe(true);
    expect(await removePasswordSlot(vault, 'ivan')).toBe(true);
    expect(await removePasswordSlot(vault, 'ivan')).toBe(false);
    expect(hasPasswordSlot(dir, 'ivan')).toBe(false);
    await expect(
      unlockWithPassword(dir, 'ivan', 'ivan-password-1', noKeychain),
    ).rejects.toMatchObject({
      code: 'auth_failed',
    });
    opened.push(await unlockWithPassword(dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain));
    opened.push(await unlockWithRecoveryKey(dir, recoveryKey));
    expect(readKeyringInfo(dir).slots).toHaveLength(2);
  });

  it('a slot relabelled with another login’s hash does not open as that login', async () => {
    const { dir, vault } = await fresh();
    await setPasswordSlot(vault, 'manager', 'manager-password', slotOptions);
    vault.close();
    const keyring = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    const [owner, , manager] = keyring.slots;
    // The attacker knows only the manager's password and swaps the login hashes.
    [owner.loginHash, manager.loginHash] = [manager.loginHash, owner.loginHash];
    // …and recomputes the checksums (not a secret), so the slots do not read as damaged.
    owner.check = slotCheck(owner);
    manager.check = slotCheck(manager);
    writeFileSync(join(dir, 'keyring.json'), JSON.stringify(keyring));
    await expect(
      unlockWithPassword(dir, 'owner', 'manager-password', noKeychain),
    ).rejects.toMatchObject({
      code: 'auth_failed',
    });
  });

  it('a slot copied from another vault does not open this one', async () => {
    const a = await fresh();
    const b = await fresh();
    a.vault.close();
    b.vault.close();
    const ka = JSON.parse(readFileSync(join(a.dir, 'keyring.json'), 'utf8'));
    const kb = JSON.parse(readFileSync(join(b.dir, 'keyring.json'), 'utf8'));
    ka.slots[0] = { ...kb.slots[0], loginHash: ka.slots[0].loginHash };
    ka.slots[0].check = slotCheck(ka.slots[0]);
    writeFileSync(join(a.dir, 'keyring.json'), JSON.stringify(ka));
    await expect(
      unlockWithPassword(a.dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain),
    ).rejects.toMatchObject({ code: 'auth_failed' });
  });

  it('readKeyringInfo shows kinds, KDF parameters and binding but no salts, hashes or keys', async () => {
    const { dir, vault } = await fresh();
    await setPasswordSlot(vault, 'lena', 'lena-password', {
      ...slotOptions,
      kdf: { memoryKiB: 2048, iterations: 2, parallelism: 1 },
    });
    const info = readKeyringInfo(dir);
    expect(info.vaultId).toBe(vault.vaultId);
    expect(info.slots[2]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      kind: 'password',
      kdf: { memoryKiB: 2048, iterations: 2, parallelism: 1 },
      deviceBound: false,
    });
    expect(JSON.stringify(info)).not.toMatch(/salt|loginHash|wrappedKey|tag|iv/);
  });

  it('refuses to change slots of a closed vault', async () => {
    const { vault } = await fresh();
    vault.close();
    await expect(setPasswordSlot(vault, 'x1', 'pw', slotOptions)).rejects.toThrow('closed');
  });
});

// A damaged key slot is not a wrong password (./slot-check.ts): keyring.json with one slot entry
// changed by a flipped byte, or cut so it no longer parses, answers `key_slot_damaged` for that
// login only; every other slot still opens the vault, and a new password replaces the entry.
/** A vault with the owner and maria, closed; returns its folder and recovery key. */
async function vaultWithMaria() {
  const { dir, vault, recoveryKey } = await createTestVault();
  await setPasswordSlot(vault, 'maria', 'maria-password', slotOptions);
  vault.close();
  return { dir, recoveryKey };
}

/** Rewrites maria's slot entry in keyring.json with `damage`. */
function damageMaria(dir: string, damage: (slot: Record<string, unknown>) => void): void {
  const path = join(dir, 'keyring.json');
  const file = JSON.parse(readFileSync(path, 'utf8')) as { slots: Record<string, unknown>[] };
  const hash = loginHash(parseKeyring(readFileSync(path, 'utf8')), 'maria');
  const slot = file.slots.find(s => s.loginHash === hash);
  if (!slot) throw new Error('no slot for maria');
  damage(slot);
  writeFileSync(path, JSON.stringify(file, null, 2));
}

/** One base64 character changed: same length, still valid base64, different bytes. */
function flipFirst(text: unknown): string {
  const s = String(text);
  return (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
}

describe('a damaged key slot', () => {
  it('a flipped byte in the wrapped key reads as damaged, not as a wrong password', async () => {
    const { dir } = await vaultWithMaria();
    damageMaria(dir, slot => (slot.wrappedKey = flipFirst(slot.wrappedKey)));
    await expect(
      unlockWithPassword(dir, 'maria', 'maria-password', noKeychain),
    ).rejects.toMatchObject({ code: 'key_slot_damaged' });
    // A wrong login or password elsewhere is still the one generic answer.
    await expect(
      unlockWithPassword(dir, TEST_OWNER.login, 'not it', noKeychain),
    ).rejects.toMatchObject({ code: 'auth_failed' });
    opened.push(await unlockWithPassword(dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain));
  });

  it('an entry that no longer parses costs only that login, not the whole vault', async () => {
    const { dir, recoveryKey } = await vaultWithMaria();
    damageMaria(dir, slot => (slot.tag = 'cut shor'));
    await expect(
      unlockWithPassword(dir, 'maria', 'maria-password', noKeychain),
    ).rejects.toMatchObject({ code: 'key_slot_damaged' });
    const owner = await unlockWithPassword(dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain);
    opened.push(owner);
    // A change of another slot keeps the damaged entry as found.
    await setPasswordSlot(owner, 'petro', 'petro-password', slotOptions);
    expect(readFileSync(join(dir, 'keyring.json'), 'utf8')).toContain('"cut shor"');
    // A new password for maria (as a recovery-key reset sets it) replaces the damaged entry.
    const rescue = await unlockWithRecoveryKey(dir, recoveryKey);
    opened.push(rescue);
    await setPasswordSlot(rescue, 'maria', 'maria-new-password', slotOptions);
    expect(readFileSync(join(dir, 'keyring.json'), 'utf8')).not.toContain('"cut shor"');
    opened.push(await unlockWithPassword(dir, 'maria', 'maria-new-password', noKeychain));
  });

  it('a damaged recovery slot says so; the passwords still open the vault', async () => {
    const { dir, recoveryKey } = await vaultWithMaria();
    const path = join(dir, 'keyring.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { slots: Record<string, unknown>[] };
    const rescue = file.slots.find(s => s.kind === 'recovery');
    if (rescue) rescue.iv = flipFirst(rescue.iv);
    writeFileSync(path, JSON.stringify(file));
    await expect(unlockWithRecoveryKey(dir, recoveryKey)).rejects.toMatchObject({
      code: 'key_slot_damaged',
    });
    opened.push(await unlockWithPassword(dir, 'maria', 'maria-password', noKeychain));
  });
});
