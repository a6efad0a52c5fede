/**
 * Finding a vault on disk: which of its files exist, and the errors for a folder that is not a vault.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VaultError } from './errors';
import { readKeyring, VAULT_FILES, type Keyring } from './keyring';

/** Absolute paths of a vault's files. */
export function vaultPaths(dir: string): {
  database: string;
  keyring: string;
  attachments: string;
} {
  return {
    database: join(dir, VAULT_FILES.database),
    keyring: join(dir, VAULT_FILES.keyring),
    attachments: join(dir, VAULT_FILES.attachments),
  };
}

function isDirectory(path: string): boolean | undefined {
  try {
    return statSync(path).isDirectory();
  } catch {
    return undefined; // does not exist (or cannot be seen)
  }
}

/** True when `dir` is a folder holding a vault (keyring.json or zamok.db, even if the other is missing). */
export function vaultExists(dir: string): boolean {
  if (isDirectory(dir) !== true) return false;
  const paths = vaultPaths(dir);
  return existsSync(paths.keyring) || existsSync(paths.database);
}

/**
 * Reads the keyring of an existing vault after checking that both files are there. Errors:
 * `vault_missing` (no folder, a file instead of a folder, or neither file), `vault_corrupt` (one file
 * missing, or a damaged keyring), `vault_newer` (a keyring format from a newer Zamok).
 */
export function loadVaultKeyring(dir: string): Keyring {
  const kind = isDirectory(dir);
  if (kind === undefined)
    throw new VaultError('vault_missing', 'There is no vault folder at this path.');
  if (!kind) {
    throw new VaultError(
      'vault_missing',
      'The vault path is a file, not a folder; choose the folder that holds zamok.db.',
    );
  }
  const paths = vaultPaths(dir);
  const hasKeyring = existsSync(paths.keyring);
  const hasDatabase = existsSync(paths.database);
  if (!hasKeyring && !hasDatabase) {
    throw new VaultError(
      'vault_missing',
      'This folder holds no vault (no zamok.db, no keyring.json).',
    );
  }
  if (!hasKeyring) {
    throw new VaultError(
      'vault_corrupt',
      'keyring.json is missing from the vault folder; restore it from a backup.',
    );
  }
  if (!hasDatabase) {
    throw new VaultError(
      'vault_corrupt',
      'zamok.db is missing from the vault folder; restore it from a backup.',
    );
  }
  return readKeyring(dir);
}
