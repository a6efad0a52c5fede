/**
 * A damaged key slot is not a wrong password: keyring.json with one slot entry changed by a flipped
 * byte, or cut so it no longer parses, answers `key_slot_damaged` for that login only; every other
 * slot still opens the vault, and a new password (a recovery-key reset) replaces the damaged entry.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNoKeychainStore,
  setPasswordSlot,
  unlockWithPassword,
  unlockWithRecoveryKey,
  type OpenVault,
} from './index';
import { loginHash, parseKeyring } from './keyring';
import { createTestVault, TEST_KDF, TEST_OWNER } from './temp-vault.test-support';

const noKeychain = { deviceStore: createNoKeychainStore() };
const slotOptions = { kdf: TEST_KDF, deviceStore: createNoKeychainStore(), deviceBinding: false };
const opened: OpenVault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

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
