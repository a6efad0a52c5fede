/**
 * Keeps an open vault's commit record (commit-record.ts) in step with its database: "open" with the
 * new audit head after each acknowledged audited call that moved it (no fsync; see
 * the record's cost note), "closed" with zamok.db's size and mtime once a close has folded the WAL
 * in (fsynced), "damaged" when a page fails its check while the vault is in use.
 *
 * The clean-close stamp replaces hashing zamok.db at lock: what a lock costs no longer grows with
 * the vault (bench `lock`).
 */
import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { keepEvidence } from './commit-check';
import {
  commitKey,
  openCommitWriter,
  type CommitMark,
  type CommitWriter,
  type ReadRecord,
} from './commit-record';

/** The tracker of one open vault. */
export interface CommitTracker {
  /** After a COMMIT: records the new audit head when it moved. Cheap; never throws. */
  noteCommit(): void;
  /** Marks the vault damaged and copies its files aside; returns the evidence folder (or null). */
  markDamaged(): string | null;
  /** Call right before the connection closes: reads the head the close will leave. */
  beforeClose(): void;
  /** Call right after the connection closed: the clean-close stamp. Never throws. */
  afterClose(): void;
}

const EMPTY_HASH = '0'.repeat(64);

/** Starts tracking; a folder where the record cannot be written gets no tracking (never fails the open). */
export function startCommitTracking(
  dir: string,
  vaultId: string,
  sqlite: Database.Database,
  dataKey: Buffer,
  start: ReadRecord | null,
): CommitTracker {
  const key = commitKey(dataKey, vaultId);
  let writer: CommitWriter | null = null;
  let readHead: () => { seq: number; hash: string } = () => ({ seq: 0, hash: EMPTY_HASH });
  try {
    const statement = sqlite
      .prepare("SELECT value FROM vault_meta WHERE key = 'audit_head'")
      .pluck();
    readHead = () => {
      const value = statement.get() as string | undefined;
      const head = value ? (JSON.parse(value) as { seq?: unknown; hash?: unknown }) : {};
      return {
        seq: typeof head.seq === 'number' ? head.seq : 0,
        hash: typeof head.hash === 'string' ? head.hash : EMPTY_HASH,
      };
    };
    writer = openCommitWriter(dir, key, start);
    // A vault without a record yet (older Zamok, just restored) starts one; otherwise nothing is
    // written until something changes, so opening and closing without a change leaves the files
    // byte for byte as they were.
    if (!start) writer.write({ ...readHead(), state: 'open', dbSize: 0, dbMtimeMs: 0 }, true);
  } catch {
    writer?.close();
    writer = null;
  } finally {
    key.fill(0);
  }
  let closing: CommitMark | null = null;

  function safely(work: (w: CommitWriter) => void): void {
    if (!writer) return;
    try {
      work(writer);
    } catch {
      // The record is a safety net; a failing write must not fail the call that was committed.
    }
  }

  return {
    noteCommit() {
      safely(w => {
        if (!sqlite.open || sqlite.inTransaction || w.last?.state === 'damaged') return;
        const head = readHead();
        if (w.last?.state === 'open' && w.last.seq === head.seq && w.last.hash === head.hash)
          return;
        w.write({ ...head, state: 'open', dbSize: 0, dbMtimeMs: 0 });
      });
    },
    markDamaged() {
      safely(w => w.write({ ...(w.last ?? openMark()), state: 'damaged' }, true));
      return keepEvidence(dir);
    },
    beforeClose() {
      safely(w => {
        if (w.last?.state !== 'damaged' && sqlite.open) {
          closing = { ...readHead(), state: 'closed', dbSize: 0, dbMtimeMs: 0 };
        }
      });
    },
    afterClose() {
      safely(w => {
        const database = sqlite.name;
        // Another process still holding the vault keeps the WAL: not a clean close then.
        if (closing && !existsSync(`${database}-wal`)) {
          const s = statSync(database);
          const mark: CommitMark = { ...closing, dbSize: s.size, dbMtimeMs: Math.trunc(s.mtimeMs) };
          if (!sameMark(w.last, mark)) w.write(mark, true);
        }
      });
      writer?.close();
      writer = null;
    },
  };
}

function sameMark(a: CommitMark | null, b: CommitMark): boolean {
  return (
    a !== null &&
    a.state === b.state &&
    a.seq === b.seq &&
    a.hash === b.hash &&
    a.dbSize === b.dbSize &&
    a.dbMtimeMs === b.dbMtimeMs
  );
}

function openMark(): CommitMark {
  return { state: 'open', seq: 0, hash: EMPTY_HASH, dbSize: 0, dbMtimeMs: 0 };
}
