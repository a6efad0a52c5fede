/**
 * The lockout file's high-water mark outside the vault folder, for device-bound vaults: the highest
 * `seq` ever written to lockout.json, kept in the OS keychain (`lockout-seq:<vaultId>`). Whoever can
 * write the folder but not the keychain (a copied or shared folder, another OS user, a disk taken
 * out) cannot put back an older lockout.json, or delete it, without the next read noticing.
 *
 * The entry also names the zamok.db it belongs to (its inode): a vault folder replaced whole — a
 * restore from backup, a folder moved back — starts a new count instead of locking everyone out.
 * Replacing zamok.db to dodge the counter rolls back the data too, which the vault's own checks
 * and the people using it see.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { VAULT_FILES, type DeviceSecretStore } from '../vault';

/** The keychain-kept high-water mark of one vault's lockout file. */
export interface LockoutCounter {
  /** The highest seq written for this zamok.db (0: none recorded, or another zamok.db). */
  read(): Promise<number>;
  /** Records `seq` as written (never lowers the mark). Throws when an available keychain refuses it. */
  raise(seq: number): Promise<void>;
}

/** The keychain store's values are 32 bytes: seq (8, big-endian) ‖ zamok.db inode (8) ‖ zeros. */
const VALUE_BYTES = 32;

function databaseInode(dir: string): bigint {
  try {
    return statSync(join(dir, VAULT_FILES.database), { bigint: true }).ino;
  } catch {
    return 0n;
  }
}

/** The counter of the vault in `dir`, kept in `store` (the OS keychain of a device-bound vault). */
export function keychainLockoutCounter(
  dir: string,
  vaultId: string,
  store: DeviceSecretStore,
): LockoutCounter {
  const id = `lockout-seq:${vaultId}`;
  async function read(): Promise<number> {
    const value = await store.get(id);
    if (value === null || value.length !== VALUE_BYTES) return 0;
    if (value.readBigUInt64BE(8) !== BigInt.asUintN(64, databaseInode(dir))) return 0;
    const seq = value.readBigUInt64BE(0);
    return seq > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(seq);
  }
  return {
    read,
    async raise(seq) {
      // No keychain in this session (a headless CLI run): nothing to keep the mark in, and a bound
      // slot cannot be opened here anyway. A keychain that refuses the write throws (fail closed).
      if (!(await store.isAvailable())) return;
      if (seq <= (await read())) return;
      const value = Buffer.alloc(VALUE_BYTES);
      value.writeBigUInt64BE(BigInt(seq), 0);
      value.writeBigUInt64BE(BigInt.asUintN(64, databaseInode(dir)), 8);
      await store.set(id, value);
    },
  };
}
