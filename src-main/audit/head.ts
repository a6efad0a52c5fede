/**
 * The chain head anchor: the newest (seq, hash), kept in vault_meta['audit_head'] and written in the
 * same transaction as each append. It does not depend on the triggers, so deleting the newest rows
 * (which leaves a perfectly valid shorter chain) is still detected.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH } from './canonical';
import type { AuditHead } from './types';

/** A better-sqlite3 connection to an open vault (`vault.sqlite`). */
export type SqliteHandle = Database.Database;

/** Anything holding that connection: the handle itself or the open vault. */
export type SqliteSource = SqliteHandle | { readonly sqlite: SqliteHandle };

/** The vault_meta key of the head anchor. */
export const AUDIT_HEAD_KEY = 'audit_head';

/** The head of an empty log. */
export const EMPTY_HEAD: AuditHead = Object.freeze({ seq: 0, hash: GENESIS_HASH });

/** The connection of a SqliteSource. */
export function sqliteOf(source: SqliteSource): SqliteHandle {
  return 'sqlite' in source ? source.sqlite : source;
}

interface HeadStatements {
  read: Database.Statement<[string], string>;
  write: Database.Statement<[string, string]>;
}

// Prepared once per connection (appendAudit runs on every audited call).
const prepared = new WeakMap<SqliteHandle, HeadStatements>();

function headStatements(sqlite: SqliteHandle): HeadStatements {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = {
      read: sqlite.prepare<[string], string>('SELECT value FROM vault_meta WHERE key = ?').pluck(),
      write: sqlite.prepare<[string, string]>(
        'INSERT INTO vault_meta (key, value) VALUES (?, ?) ' +
          'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
    prepared.set(sqlite, statements);
  }
  return statements;
}

/**
 * The stored head: `null` when absent, 'invalid' when present but not `{ seq, hash }` (both are
 * signs of tampering once the log has entries).
 */
export function readAuditHead(sqlite: SqliteHandle): AuditHead | null | 'invalid' {
  const value = headStatements(sqlite).read.get(AUDIT_HEAD_KEY);
  if (value === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (
      parsed !== null &&
      typeof parsed === 'object' &&
      'seq' in parsed &&
      'hash' in parsed &&
      Number.isSafeInteger(parsed.seq) &&
      typeof parsed.seq === 'number' &&
      parsed.seq >= 0 &&
      typeof parsed.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(parsed.hash)
    ) {
      return { seq: parsed.seq, hash: parsed.hash };
    }
  } catch {
    // fall through: unreadable JSON is reported like any other malformed head
  }
  return 'invalid';
}

/** Writes the head (inside the caller's transaction). */
export function writeAuditHead(sqlite: SqliteHandle, head: AuditHead): void {
  headStatements(sqlite).write.run(
    AUDIT_HEAD_KEY,
    JSON.stringify({ seq: head.seq, hash: head.hash }),
  );
}
