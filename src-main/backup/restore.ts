/**
 * Restoring a backup into a vault folder:
 * 1. the target must be empty/absent, or `replace` is set;
 * 2. the backup is unpacked and verified into a temp folder BESIDE the target (same disk, so the
 *    final step is a rename), and with a data key the database is opened there: integrity checks,
 *    pending migrations (an older backup is migrated), a `backup.restore` audit entry;
 * 3. a journal beside the target names the prepared copy and the safety copy (restore-journal.ts);
 * 4. with `replace`, the current vault is renamed to `<dir>.before-restore-<time>` (the safety copy);
 * 5. the temp folder is renamed to the target, and the journal removed.
 * Killed after step 3, the swap is finished at the next start (`recoverInterruptedRestore`);
 * killed before, the old vault is untouched and the temp folder is removed at the next start.
 * Any failure before step 4 removes the temp folder and leaves the target exactly as it was;
 * a backup of a newer schema is refused before anything is moved. A disk that fills up or turns
 * read-only under the vault folder fails with `target_full` / `target_not_writable`.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appendAudit } from '../audit';
import { vaultExists } from '../vault';
import { makeOpenVault, openDatabase } from '../vault/database';
import type { Authenticity } from './authenticity';
import { BackupError } from './errors';
import { fsyncPath, tempPath } from './files';
import { removeJournal, writeJournal } from './restore-journal';
import { bestEffort, writeFailure } from './storage-errors';
import { MEMBERS, type Manifest } from './manifest';
import { checkSnapshot, schemaIsNewer, unpackBackup, type OpenBackupOptions } from './verify';

/** What `restoreBackup` needs. */
export interface RestoreOptions extends OpenBackupOptions {
  /** The vault folder to restore into. */
  targetDir: string;
  /** Move an existing vault aside (the safety copy) instead of refusing. */
  replace?: boolean;
  /** Recorded in the audit entry of the restored vault. */
  actor?: { userId?: string | null; userLogin?: string | null; deviceId?: string | null };
  /** Called as each step is reached (the kill tests stop the process there). */
  onStep?: (step: RestoreStep) => void | Promise<void>;
}

/** The steps of a restore, in order (see the file comment). */
export type RestoreStep = 'started' | 'unpacked' | 'journaled' | 'moved_aside' | 'swapped';

/** What a restore did. */
export interface RestoreResult {
  vaultDir: string;
  manifest: Manifest;
  /** Where the previous vault went, when one was replaced. */
  safetyCopy: string | null;
  /** False when only a passphrase was given: the database opens (and migrates) at the next sign-in. */
  databaseChecked: boolean;
  /** True when the `backup.restore` entry was written into the restored vault's audit log. */
  audited: boolean;
  /** How the backup was found authentic (authenticity.ts). */
  authenticity: Authenticity;
}

function isEmptyFolder(dir: string): boolean | undefined {
  try {
    if (!statSync(dir).isDirectory()) return false;
  } catch {
    return undefined; // absent
  }
  return readdirSync(dir).length === 0;
}

function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Restores a backup (see the file comment). Throws `BackupError` or `VaultError`; the target is untouched on failure. */
export async function restoreBackup(o: RestoreOptions): Promise<RestoreResult> {
  const now = o.now ?? new Date();
  const empty = isEmptyFolder(o.targetDir);
  if (empty === false && !o.replace) {
    throw new BackupError(
      'target_not_empty',
      vaultExists(o.targetDir)
        ? 'This folder already holds a vault; choose replace to keep it as a safety copy and restore.'
        : 'The target folder is not empty; choose an empty folder.',
    );
  }
  const parent = dirname(o.targetDir);
  const work = tempPath(parent, 'tmp');
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(work, { mode: 0o700 });
  } catch (err) {
    throw writeFailure(err, parent, 'vault') ?? err;
  }
  let moved = false;
  let journaled = false;
  const step = async (name: RestoreStep): Promise<void> => {
    await o.onStep?.(name);
  };
  try {
    await step('started');
    const { manifest, dataKey, authenticity } = await unpackBackup(o, work, true, 'vault');
    mkdirSync(join(work, MEMBERS.attachmentsPrefix), { recursive: true, mode: 0o700 });
    if (schemaIsNewer(manifest)) {
      dataKey?.fill(0);
      throw new BackupError(
        'newer_schema',
        'This backup was made by a newer Zamok; update Zamok, then restore it. Nothing was changed.',
      );
    }
    let audited = false;
    if (dataKey) {
      try {
        checkSnapshot(join(work, MEMBERS.database), dataKey, manifest, 'vault');
        // Opening runs the pending migrations: an older backup comes back in this build's schema.
        const sqlite = openDatabase(join(work, MEMBERS.database), Buffer.from(dataKey), {
          create: false,
          vaultId: manifest.vaultId,
        });
        const vault = makeOpenVault(work, manifest.vaultId, sqlite, Buffer.from(dataKey));
        try {
          appendAudit(
            vault,
            {
              userId: o.actor?.userId ?? null,
              userLogin: o.actor?.userLogin ?? null,
              deviceId: o.actor?.deviceId ?? null,
              action: 'backup.restore',
              outcome: 'ok',
              details: {
                file: basename(o.file),
                backupCreatedAt: manifest.createdAt,
                backupAppVersion: manifest.appVersion,
                replaced: empty === false,
                authenticity,
              },
            },
            now,
          );
          audited = true;
        } finally {
          vault.close();
        }
      } finally {
        dataKey.fill(0);
      }
    }
    await step('unpacked');
    // From the journal on, a kill is finished at the next start (restore-journal.ts).
    const safetyCopy = empty === false ? `${o.targetDir}.before-restore-${stamp(now)}` : null;
    writeJournal(o.targetDir, { pid: process.pid, work, safetyCopy });
    journaled = true;
    await step('journaled');
    if (safetyCopy !== null) {
      renameSync(o.targetDir, safetyCopy);
      moved = true;
    } else if (empty === true) {
      rmSync(o.targetDir, { recursive: true });
    }
    await step('moved_aside');
    renameSync(work, o.targetDir);
    fsyncPath(parent);
    await step('swapped');
    removeJournal(o.targetDir);
    return {
      vaultDir: o.targetDir,
      manifest,
      safetyCopy,
      databaseChecked: dataKey !== null,
      audited,
      authenticity,
    };
  } catch (err) {
    if (moved) {
      // The vault was moved aside but the new one is not in place: put the old one back.
      try {
        renameSync(`${o.targetDir}.before-restore-${stamp(now)}`, o.targetDir);
      } catch {
        // The safety copy stays where it is; the error below is what matters.
      }
    }
    bestEffort(() => rmSync(work, { recursive: true, force: true }));
    if (journaled) bestEffort(() => removeJournal(o.targetDir));
    throw writeFailure(err, parent, 'vault') ?? err;
  }
}
