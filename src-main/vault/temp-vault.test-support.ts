/**
 * Helpers for tests that need a real vault (real SQLCipher files in a temp folder). Test-only.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault, type CreatedVault, type CreateVaultOptions } from './create';
import { createNoKeychainStore } from './device';
import type { KdfParams } from './kdf';

/** Argon2id parameters low enough for tests (never used by the app or CLI). */
export const TEST_KDF: KdfParams = Object.freeze({
  memoryKiB: 1024,
  iterations: 1,
  parallelism: 1,
});

/** The owner login and password `createTestVault` uses unless overridden. */
export const TEST_OWNER = Object.freeze({
  login: 'owner',
  password: 'correct horse battery staple',
});

/** A fresh empty folder under the OS temp dir. */
export function makeTempDir(prefix = 'zamok-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Creates a vault in a new temp folder (`<temp>/vault`) with `TEST_KDF`, no keychain and the
 * `TEST_OWNER` credentials; any option can be overridden. Close `result.vault` when done.
 */
export async function createTestVault(
  overrides?: Partial<CreateVaultOptions>,
): Promise<CreatedVault & { dir: string; ownerLogin: string; ownerPassword: string }> {
  const options: CreateVaultOptions = {
    dir: join(makeTempDir(), 'vault'),
    ownerLogin: TEST_OWNER.login,
    ownerPassword: TEST_OWNER.password,
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    deviceBinding: false,
    ...overrides,
  };
  const created = await createVault(options);
  return {
    ...created,
    dir: options.dir,
    ownerLogin: options.ownerLogin,
    ownerPassword: options.ownerPassword,
  };
}

/**
 * Every file and folder under `root` with a SHA-256 of its content ('dir' for folders, 'missing' when
 * `root` does not exist): compare two snapshots to prove an operation changed nothing on disk.
 */
export function snapshotDir(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  let rootStat;
  try {
    rootStat = statSync(root);
  } catch {
    return { '.': 'missing' };
  }
  if (!rootStat.isDirectory())
    return { '.': createHash('sha256').update(readFileSync(root)).digest('hex') };
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(root, path)).isDirectory()) {
        out[path] = 'dir';
        walk(path);
      } else {
        out[path] = createHash('sha256')
          .update(readFileSync(join(root, path)))
          .digest('hex');
      }
    }
  };
  walk('');
  return out;
}
