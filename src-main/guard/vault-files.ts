/**
 * "Vault files changed while the app was closed". On each clean close (lock, sign-out, quit) the
 * app writes `clean-close.json` next to the vault with the size, mtime and SHA-256 of keyring.json and
 * the size and mtime of zamok.db; at the next sign-in it compares, then deletes the file (the vault
 * is open again). zamok.db is not hashed: that read the whole file on the main thread at every lock
 * (issue 19). Its content is vouched for by the commit record instead (src-main/vault/commit-*.ts:
 * the audit head checked before unlock, every page checked when size or mtime moved).
 *
 * Honest limits: this catches edits by other programs, a restored old copy, or someone fiddling with
 * the files by hand. It does not stop a careful attacker, who can rewrite clean-close.json too (it is
 * not secret and not signed) — or delete it, which reads as "not closed cleanly" (no alert, as after
 * a crash). The audit chain and backups remain the real evidence.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { vaultPaths } from '../vault';
import { writeFileAtomic } from '../vault/atomic-write';

/** The snapshot's file name inside the vault folder. */
export const CLEAN_CLOSE_FILE = 'clean-close.json';

const stampSchema = z
  .object({ size: z.number(), mtimeMs: z.number(), sha256: z.string() })
  .nullable();
const snapshotSchema = z.object({
  version: z.literal(1),
  closedAt: z.string(),
  files: z.object({ keyring: stampSchema, database: stampSchema }),
});
type Stamp = z.infer<typeof stampSchema>;

/** What the comparison found. */
export type VaultFilesVerdict =
  | { state: 'unchanged' }
  | { state: 'changed'; files: ('keyring.json' | 'zamok.db')[] }
  /** No snapshot: first open, or the app did not close cleanly (crash, power loss). */
  | { state: 'unknown' };

function sha256File(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer))
      hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Size, mtime and (for small files only) SHA-256; '' = not hashed, compared by size and mtime. */
function stamp(path: string, hash: boolean): Stamp {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs, sha256: hash ? sha256File(path) : '' };
  } catch {
    return null;
  }
}

function same(before: Stamp, path: string): boolean {
  let s;
  try {
    s = statSync(path);
  } catch {
    return before === null;
  }
  if (before === null) return false;
  if (s.size !== before.size) return false;
  // Same size and mtime: taken as unchanged without reading a large database again.
  if (s.mtimeMs === before.mtimeMs) return true;
  return before.sha256 !== '' && sha256File(path) === before.sha256;
}

/** Writes the snapshot after a clean close (never throws: a missing snapshot only means "unknown"). */
export function recordCleanClose(dir: string, now = new Date()): void {
  try {
    const paths = vaultPaths(dir);
    const snapshot = {
      version: 1,
      closedAt: now.toISOString(),
      files: { keyring: stamp(paths.keyring, true), database: stamp(paths.database, false) },
    };
    writeFileAtomic(join(dir, CLEAN_CLOSE_FILE), JSON.stringify(snapshot));
  } catch {
    // A read-only or vanished folder: the next open reports "unknown", never a false alarm.
  }
}

/** Compares the files with the last clean-close snapshot. Reads only; never throws. */
export function checkVaultFiles(dir: string): VaultFilesVerdict {
  let snapshot: z.infer<typeof snapshotSchema>;
  try {
    const parsed = snapshotSchema.safeParse(
      JSON.parse(readFileSync(join(dir, CLEAN_CLOSE_FILE), 'utf8')),
    );
    if (!parsed.success) return { state: 'unknown' };
    snapshot = parsed.data;
  } catch {
    return { state: 'unknown' };
  }
  const paths = vaultPaths(dir);
  const files: ('keyring.json' | 'zamok.db')[] = [];
  if (!same(snapshot.files.keyring, paths.keyring)) files.push('keyring.json');
  if (!same(snapshot.files.database, paths.database)) files.push('zamok.db');
  return files.length === 0 ? { state: 'unchanged' } : { state: 'changed', files };
}

/** Deletes the snapshot once the vault is open (it will change while open). */
export function forgetCleanClose(dir: string): void {
  rmSync(join(dir, CLEAN_CLOSE_FILE), { force: true });
}
