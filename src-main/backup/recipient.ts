/**
 * The backup recipient: the public half of the age identity derived from the recovery key. It is
 * computed once, at vault creation (the only moment the recovery key is in memory), and stored twice:
 * - vault_meta['backup_recipient'] — authoritative (inside the encrypted database);
 * - `backup.json` in the vault folder — plain, so scheduled backups run while the app is locked.
 * A public key needs no protection, but a swapped one would send backups to someone else: when the
 * vault is unlocked the two are compared and a mismatch is refused (`recipient_mismatch`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../vault/atomic-write';
import type { OpenVault } from '../vault';
import { backupIdentity, isAgeRecipient, recipientOf } from './age-identity';
import { BackupError } from './errors';

/** File name of the plain backup config in the vault folder. */
export const BACKUP_CONFIG_FILE = 'backup.json';
const META_KEY = 'backup_recipient';
/**
 * The identity itself is also kept in vault_meta (inside the encrypted database): an unlocked app
 * can then verify recovery-key backups right after writing them. Anyone who can read vault_meta can
 * read every record already, and each backup's own copy needs the identity to be opened first.
 */
const IDENTITY_KEY = 'backup_identity';

const configSchema = z
  .object({
    format: z.literal('zamok-backup-config'),
    version: z.literal(1),
    vaultId: z.string().regex(/^[0-9a-f]{32}$/),
    recipient: z.string().refine(isAgeRecipient, 'age recipient'),
  })
  .strict();

/** The recipient for a vault's recovery key (no secret is kept). */
export async function recipientForRecoveryKey(
  recoveryKey: string,
  vaultId: string,
): Promise<string> {
  return recipientOf(backupIdentity(recoveryKey, vaultId));
}

function writeConfig(vaultDir: string, vaultId: string, recipient: string): void {
  const config = { format: 'zamok-backup-config', version: 1, vaultId, recipient };
  writeFileAtomic(join(vaultDir, BACKUP_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

/** Stores the recipient of a new vault in vault_meta and backup.json. */
export async function storeBackupRecipient(vault: OpenVault, recoveryKey: string): Promise<string> {
  const identity = backupIdentity(recoveryKey, vault.vaultId);
  const recipient = await recipientOf(identity);
  const upsert = vault.sqlite.prepare(
    'INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  vault.sqlite.transaction(() => {
    upsert.run(META_KEY, recipient);
    upsert.run(IDENTITY_KEY, identity);
  })();
  writeConfig(vault.dir, vault.vaultId, recipient);
  return recipient;
}

/** The recipient from backup.json (readable while locked); null when absent or unreadable. */
export function readPlainRecipient(vaultDir: string, vaultId: string): string | null {
  try {
    const parsed = configSchema.safeParse(
      JSON.parse(readFileSync(join(vaultDir, BACKUP_CONFIG_FILE), 'utf8')),
    );
    return parsed.success && parsed.data.vaultId === vaultId ? parsed.data.recipient : null;
  } catch {
    return null;
  }
}

/**
 * The authoritative recipient of an unlocked vault, after comparing it with backup.json: a missing
 * backup.json is rewritten from the database; a different one is `recipient_mismatch`. Null when
 * the vault has none (made before this feature).
 */
export function checkedRecipient(vault: OpenVault): string | null {
  const stored = vault.sqlite
    .prepare('SELECT value FROM vault_meta WHERE key = ?')
    .pluck()
    .get(META_KEY) as string | undefined;
  if (stored === undefined) return null;
  const plain = readPlainRecipient(vault.dir, vault.vaultId);
  if (plain === null) {
    writeConfig(vault.dir, vault.vaultId, stored);
  } else if (plain !== stored) {
    throw new BackupError(
      'recipient_mismatch',
      'backup.json names a different backup key than the vault; it was changed outside Zamok. Backups with the recovery key are stopped until this is checked.',
    );
  }
  return stored;
}

/** The backup identity kept in an unlocked vault (null for vaults made before this feature). */
export function storedIdentity(vault: OpenVault): string | null {
  const value = vault.sqlite
    .prepare('SELECT value FROM vault_meta WHERE key = ?')
    .pluck()
    .get(IDENTITY_KEY) as string | undefined;
  return value ?? null;
}
