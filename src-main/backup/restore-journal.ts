/**
 * Making the restore's folder swap survive a kill. Before the current vault is moved aside, a
 * journal `.zamok-restore-<vault folder name>.json` is written beside the vault folder (atomically,
 * fsynced) naming the prepared copy and the safety copy. At the next start (`createZamokApp`, so the
 * app, the test host and the CLI alike) `recoverInterruptedRestore` finishes the swap the journal
 * describes — the prepared copy was complete and checked before the journal was written — and then
 * removes the temp folders (`.zamok-backup-<pid>-….tmp`) that interrupted restores left beside the
 * vault: full vault copies with old password slots, never kept. So a kill at any step leaves either
 * the old vault or the restored one at the path, never nothing. The safety copy
 * (`<dir>.before-restore-<time>`) is not a temp: it is named for the owner to keep or delete.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../vault/atomic-write';
import { fsyncPath, otherProcessAlive, removeStaleTemps, TEMP_PREFIX } from './files';
import { bestEffort } from './storage-errors';

const journalSchema = z
  .object({
    pid: z.number().int().positive(),
    work: z.string(),
    safetyCopy: z.string().nullable(),
  })
  .strict();

/** What a restore in progress records before it moves anything. */
export type RestoreJournal = z.infer<typeof journalSchema>;

/** Where the journal of a restore into `targetDir` is kept (beside it, same disk). */
export function journalPath(targetDir: string): string {
  return join(dirname(targetDir), `.zamok-restore-${basename(targetDir)}.json`);
}

/** Writes the journal (atomic, fsynced) before the swap starts. */
export function writeJournal(targetDir: string, journal: RestoreJournal): void {
  writeFileAtomic(journalPath(targetDir), JSON.stringify(journal));
}

/** Removes the journal once the swap is done (or undone). */
export function removeJournal(targetDir: string): void {
  rmSync(journalPath(targetDir), { force: true });
  fsyncPath(dirname(targetDir));
}

/** Only folders a restore of `targetDir` makes: a temp beside it, and `<dir>.before-restore-…`. */
function isOurs(targetDir: string, j: RestoreJournal): boolean {
  const parent = dirname(targetDir);
  const workOk = dirname(j.work) === parent && basename(j.work).startsWith(TEMP_PREFIX);
  const safetyOk =
    j.safetyCopy === null ||
    (dirname(j.safetyCopy) === parent &&
      basename(j.safetyCopy).startsWith(`${basename(targetDir)}.before-restore-`));
  return workOk && safetyOk;
}

function isEmptyFolder(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch {
    return false;
  }
}

/** What `recoverInterruptedRestore` did. */
export type RestoreRecovery =
  | { outcome: 'none' }
  | { outcome: 'finished'; safetyCopy: string | null }
  | { outcome: 'rolled_back' }
  | { outcome: 'in_progress' };

/** Carries out the swap a journal describes; idempotent, so a kill during it is recovered too. */
function finishSwap(targetDir: string, j: RestoreJournal): RestoreRecovery {
  if (existsSync(j.work)) {
    if (existsSync(targetDir)) {
      if (j.safetyCopy !== null && !existsSync(j.safetyCopy)) {
        renameSync(targetDir, j.safetyCopy);
      } else if (isEmptyFolder(targetDir)) {
        rmSync(targetDir, { recursive: true });
      } else {
        // The vault at the path cannot be moved aside (its safety copy name is taken): keep it.
        rmSync(j.work, { recursive: true, force: true });
        return { outcome: 'rolled_back' };
      }
    }
    renameSync(j.work, targetDir);
    return { outcome: 'finished', safetyCopy: j.safetyCopy };
  }
  if (!existsSync(targetDir) && j.safetyCopy !== null && existsSync(j.safetyCopy)) {
    // The prepared copy is gone and nothing is in place: put the previous vault back.
    renameSync(j.safetyCopy, targetDir);
    return { outcome: 'rolled_back' };
  }
  return { outcome: 'finished', safetyCopy: j.safetyCopy };
}

/**
 * Finishes (or, when it cannot, undoes) a restore into `targetDir` that was killed mid-swap, then
 * removes the temp folders of interrupted restores beside it. A restore still running in another
 * process is left alone. Never throws: a failure leaves the journal for the next start.
 */
export function recoverInterruptedRestore(targetDir: string): RestoreRecovery {
  const parent = dirname(targetDir);
  let result: RestoreRecovery = { outcome: 'none' };
  try {
    const path = journalPath(targetDir);
    if (existsSync(path)) {
      const parsed = journalSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      // A pid alive a day later is another program that reused it after a reboot.
      const recent = Date.now() - statSync(path).mtimeMs < 24 * 3600_000;
      if (parsed.success && recent && otherProcessAlive(parsed.data.pid)) {
        return { outcome: 'in_progress' };
      }
      result =
        parsed.success && isOurs(targetDir, parsed.data)
          ? finishSwap(targetDir, parsed.data)
          : { outcome: 'rolled_back' };
      fsyncPath(parent);
      removeJournal(targetDir);
    }
  } catch {
    return result; // the journal stays; the next start tries again
  }
  bestEffort(() => removeStaleTemps(parent));
  return result;
}
