/**
 * The erasure log kept OUTSIDE the vault folder: `<vault folder>.erasures`, beside it. Why there:
 * a restore replaces the whole vault folder (src-main/backup/restore.ts moves the old one aside),
 * so the log inside zamok.db and anything in the folder goes back in time with the backup; this
 * file does not, and the next sign-in replays what it lists (./replay.ts).
 *
 * Ids, reasons and times only — no personal data. Integrity: HMAC-SHA256 over the entries with a
 * key derived from the data key (HKDF, salt = vault id), so a copy cannot be edited unnoticed
 * without the key. Limits (docs/THREAT_MODEL.md): someone who deletes or rolls back this file
 * together with restoring an old backup brings the person back; Zamok cannot tell a never-written
 * file from a deleted one.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../../vault/atomic-write';

/** One erasure as the log keeps it. */
export interface ErasureLogEntry {
  id: string;
  entityType: 'contact' | 'company';
  entityId: string;
  reason: 'request' | 'retention';
  erasedAt: string;
}

const entrySchema = z.strictObject({
  id: z.string().min(1).max(64),
  entityType: z.enum(['contact', 'company']),
  entityId: z.string().min(1).max(64),
  reason: z.enum(['request', 'retention']),
  erasedAt: z.string().min(1).max(40),
});
const fileSchema = z.strictObject({
  version: z.literal(1),
  vaultId: z.string(),
  entries: z.array(entrySchema).max(1_000_000),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

/** What reading the file found. */
export type ErasureLogRead =
  { status: 'ok'; entries: ErasureLogEntry[] } | { status: 'missing' } | { status: 'invalid' };

/** `<vault folder>.erasures`: beside the folder, not in it (see the file comment). */
export function erasureLogPath(vaultDir: string): string {
  return `${vaultDir.replace(/[\\/]+$/, '')}.erasures`;
}

function macKey(dataKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, vaultId, 'zamok erasure log v1', 32));
}

function macOf(key: Buffer, vaultId: string, entries: readonly ErasureLogEntry[]): string {
  return createHmac('sha256', key)
    .update(JSON.stringify({ version: 1, vaultId, entries }))
    .digest('hex');
}

/** Reads and checks the log; `invalid` for a file that does not parse or whose MAC is wrong. */
export function readErasureLog(vaultDir: string, dataKey: Buffer, vaultId: string): ErasureLogRead {
  let text: string;
  try {
    text = readFileSync(erasureLogPath(vaultDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'invalid' };
  }
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch {
    return { status: 'invalid' };
  }
  if (parsed.vaultId !== vaultId) return { status: 'invalid' };
  const key = macKey(dataKey, vaultId);
  const expected = Buffer.from(macOf(key, vaultId, parsed.entries), 'hex');
  key.fill(0);
  if (!timingSafeEqual(expected, Buffer.from(parsed.mac, 'hex'))) return { status: 'invalid' };
  return { status: 'ok', entries: parsed.entries };
}

/** Writes the log (temp file, fsync, rename) with `entries` sorted by time then id. */
export function writeErasureLog(
  vaultDir: string,
  dataKey: Buffer,
  vaultId: string,
  entries: readonly ErasureLogEntry[],
): void {
  const sorted = [...entries].sort(
    (a, b) => a.erasedAt.localeCompare(b.erasedAt) || a.id.localeCompare(b.id),
  );
  const key = macKey(dataKey, vaultId);
  const mac = macOf(key, vaultId, sorted);
  key.fill(0);
  writeFileAtomic(
    erasureLogPath(vaultDir),
    `${JSON.stringify({ version: 1, vaultId, entries: sorted, mac }, null, 1)}\n`,
  );
}

/** The union of two entry lists by id (the first list wins on a clash). */
export function unionEntries(
  a: readonly ErasureLogEntry[],
  b: readonly ErasureLogEntry[],
): ErasureLogEntry[] {
  const byId = new Map<string, ErasureLogEntry>();
  for (const entry of [...b, ...a]) byId.set(entry.id, entry);
  return [...byId.values()];
}
