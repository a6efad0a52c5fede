/**
 * Creating a vault: zamok.db (migrated, stamped with the vault id), keyring.json with the owner's
 * password slot and the recovery slot, and attachments/. On any failure everything created is removed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { makeOpenVault, openDatabase, type OpenVault } from './database';
import type { DeviceSecretStore } from './device';
import { DEVICE_SECRET_BYTES } from './device';
import { notWritable, VaultError } from './errors';
import { vaultPaths } from './files';
import { KEYRING_VERSION, loginHash, normalizeLogin, writeKeyring, type Keyring } from './keyring';
import { assertKdfParams, type KdfParams } from './kdf';
import { generateRecoveryKey } from './recovery-key';
import { DATA_KEY_BYTES, deriveSlotKey, newSalt, wrapDataKey } from './slot-crypto';
import { assertLocalFilesystem } from './network-share';

/** What `createVault` needs. */
export interface CreateVaultOptions {
  dir: string;
  ownerLogin: string;
  ownerPassword: string;
  kdf: KdfParams;
  deviceStore: DeviceSecretStore;
  deviceBinding: boolean;
  /** Runs inside the creation, after migrations; if it throws, everything created is removed. */
  initialize?: (vault: OpenVault) => void | Promise<void>;
}

/** What `createVault` returns. `recoveryKey` exists only here: show it once, never store it. */
export interface CreatedVault {
  vault: OpenVault;
  vaultId: string;
  recoveryKey: string;
  deviceBinding: 'bound' | 'unavailable' | 'off';
}

/** Creates the folder when missing; returns the top-most folder it created (to remove on failure). */
function prepareFolder(dir: string): string | undefined {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    try {
      return mkdirSync(dir, { recursive: true, mode: 0o700 }) ?? undefined;
    } catch (err) {
      throw notWritable('the vault folder', err);
    }
  }
  if (!stat.isDirectory()) {
    throw new VaultError('vault_not_writable', 'The vault path is a file, not a folder.');
  }
  const paths = vaultPaths(dir);
  if ([paths.database, `${paths.database}-wal`, paths.keyring].some(p => existsSync(p))) {
    throw new VaultError(
      'vault_exists',
      'This folder already holds a vault; open it or choose another folder.',
    );
  }
  return undefined;
}

async function bindDevice(
  o: CreateVaultOptions,
  vaultId: string,
): Promise<{ secret: Buffer | null; state: CreatedVault['deviceBinding'] }> {
  if (!o.deviceBinding) return { secret: null, state: 'off' };
  if (!(await o.deviceStore.isAvailable())) return { secret: null, state: 'unavailable' };
  const secret = randomBytes(DEVICE_SECRET_BYTES);
  try {
    await o.deviceStore.set(vaultId, secret);
  } catch {
    return { secret: null, state: 'unavailable' };
  }
  return { secret, state: 'bound' };
}

/**
 * Creates a vault in `o.dir` (created when missing; an existing folder must not hold a vault).
 * Errors: `vault_exists`, `vault_not_writable` (path is a file, or the folder cannot be written).
 * Device binding: 'bound' when the keychain took the secret, 'unavailable' when there is none
 * (the vault is created unbound), 'off' when not asked for.
 */
export async function createVault(o: CreateVaultOptions): Promise<CreatedVault> {
  const login = normalizeLogin(o.ownerLogin);
  if (login.length === 0) throw new RangeError('ownerLogin is empty.');
  if (o.ownerPassword.length === 0) throw new RangeError('ownerPassword is empty.');
  assertKdfParams(o.kdf);
  // Before the folder is made: a vault on SMB/NFS/FUSE is refused (./network-share.ts).
  assertLocalFilesystem(o.dir);

  const createdDir = prepareFolder(o.dir);
  const paths = vaultPaths(o.dir);
  const vaultId = randomBytes(16).toString('hex');
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const recovery = generateRecoveryKey();
  let device: Awaited<ReturnType<typeof bindDevice>> = { secret: null, state: 'off' };
  let vault: OpenVault | undefined;
  let ownsAttachments = false;
  try {
    device = await bindDevice(o, vaultId);
    const keyring: Keyring = {
      format: 'zamok-keyring',
      version: KEYRING_VERSION,
      vaultId,
      loginSalt: randomBytes(32).toString('base64'),
      slots: [],
    };
    const ownerHash = loginHash(keyring, login);
    const owner = {
      id: randomBytes(16).toString('hex'),
      kind: 'password' as const,
      deviceBound: device.secret !== null,
    };
    const rescue = {
      id: randomBytes(16).toString('hex'),
      kind: 'recovery' as const,
      deviceBound: false as const,
    };
    const ownerKdf = { algorithm: 'argon2id' as const, ...pickKdf(o.kdf), salt: newSalt() };
    const rescueKdf = { algorithm: 'argon2id' as const, ...pickKdf(o.kdf), salt: newSalt() };
    const [ownerKey, rescueKey] = await Promise.all([
      deriveSlotKey(o.ownerPassword, ownerKdf, owner, device.secret),
      deriveSlotKey(recovery.bytes, rescueKdf, rescue, null),
    ]);
    keyring.slots.push(
      {
        ...owner,
        loginHash: ownerHash,
        kdf: ownerKdf,
        ...wrapDataKey(ownerKey, dataKey, { ...owner, vaultId, loginHash: ownerHash }),
      },
      { ...rescue, kdf: rescueKdf, ...wrapDataKey(rescueKey, dataKey, { ...rescue, vaultId }) },
    );
    ownerKey.fill(0);
    rescueKey.fill(0);
    recovery.bytes.fill(0);

    const sqlite = openDatabase(paths.database, dataKey, { create: true, vaultId });
    vault = makeOpenVault(o.dir, vaultId, sqlite, dataKey);
    writeKeyring(o.dir, keyring);
    if (!existsSync(paths.attachments)) {
      try {
        mkdirSync(paths.attachments, { mode: 0o700 });
      } catch (err) {
        throw notWritable('attachments/', err);
      }
      ownsAttachments = true;
    }
    await o.initialize?.(vault);
    return { vault, vaultId, recoveryKey: recovery.text, deviceBinding: device.state };
  } catch (err) {
    vault?.close();
    dataKey.fill(0);
    removeQuietly([
      paths.keyring,
      paths.database,
      `${paths.database}-wal`,
      `${paths.database}-shm`,
    ]);
    if (ownsAttachments) removeQuietly([paths.attachments]);
    if (createdDir !== undefined) removeQuietly([createdDir]);
    if (device.secret) await o.deviceStore.remove(vaultId);
    throw err;
  } finally {
    device.secret?.fill(0);
  }
}

function pickKdf(p: KdfParams): KdfParams {
  return { memoryKiB: p.memoryKiB, iterations: p.iterations, parallelism: p.parallelism };
}

function removeQuietly(paths: string[]): void {
  for (const path of paths) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Cleanup after a failure: the original error is what the caller needs.
    }
  }
}
