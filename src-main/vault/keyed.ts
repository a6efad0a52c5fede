/**
 * Keying a SQLCipher 4 connection, and what every keyed connection needs before its first query.
 * Shared by the app's vault connection (database.ts) and the backup's snapshot/restore readers.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Page cache of the app's vault connection: 64 MiB (SQLite's default in this build is 16 MB).
 * Every page read from disk is decrypted and HMAC-checked, so a cache miss costs far more than in
 * plain SQLite; lists, search and bulk writes over a large vault touch fewer pages twice.
 */
export const VAULT_CACHE_KIB = 65_536;

/**
 * How long a statement waits for another process's write (the app and the CLI on one vault) before
 * SQLITE_BUSY, answered as `vault_in_use`. Both may write: calls take the write lock at their start
 * (BEGIN IMMEDIATE, audit-wrapper.ts), so they queue here instead of failing at once.
 */
export const BUSY_TIMEOUT_MS = 5_000;

/** The cipher settings of every keyed connection, set before the key: SQLCipher 4 defaults. */
export const CIPHER_PRAGMAS: readonly string[] = ["cipher='sqlcipher'", 'legacy=4'];

/**
 * Keys `sqlite` with the raw 256-bit `dataKey` (SQLCipher 4 format) and keeps its temporary storage
 * in memory. Why temp_store: SQLite3 Multiple Ciphers does not encrypt temporary files, and this
 * build defaults to files (SQLITE_TEMP_STORE=1) — a sort larger than the page cache, a statement
 * journal or an index build would write client data in plain text to the temp folder (tested in
 * keyed.test.ts). Why key(): the x'…' text goes through a Buffer we wipe, not a lingering JS string.
 */
export function keyConnection(sqlite: Database.Database, dataKey: Buffer): void {
  for (const pragma of CIPHER_PRAGMAS) sqlite.pragma(pragma);
  const keyText = Buffer.from(`x'${dataKey.toString('hex')}'`, 'latin1');
  try {
    sqlite.key(keyText);
  } finally {
    keyText.fill(0);
  }
  sqlite.pragma('temp_store = MEMORY');
}
