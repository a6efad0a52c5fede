/**
 * Fast bulk generation for the bench volumes: the search triggers (migrations 0013/0015) are
 * dropped while rows go in, then the migrations' own backfill statements index them in one pass and
 * the triggers are put back (in `finally`: a failed fill still restores them). The index ends up with the same rows as if
 * every insert had fired its triggers (bench/cases/volumes.test.ts checks it), many times sooner.
 * The bulk-insert case still inserts with the triggers on: that is what it times.
 */
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

const MIGRATIONS = new URL('../migrations/', import.meta.url);

/** The top-level INSERT statements of a migration (those inside triggers are indented). */
function topLevelInserts(file: string): string[] {
  return readFileSync(new URL(file, MIGRATIONS), 'utf8')
    .split(/;\n/)
    .map(part => part.replace(/^(--[^\n]*\n|\n)*/, ''))
    .filter(part => part.startsWith('INSERT INTO '));
}

/**
 * The statements that index every row of `table` (keys and digits from 0013, text from 0015 —
 * 0013's own text statements target the table 0015 dropped).
 */
export function searchBackfill(table: string): string[] {
  const from = new RegExp(`\\bFROM ${table}\\b`);
  return [
    ...topLevelInserts('0013_search.sql').filter(s => !s.startsWith('INSERT INTO search_index ')),
    ...topLevelInserts('0015_search_per_entity.sql'),
  ].filter(s => from.test(s));
}

/**
 * Runs `fill` with the search triggers of `tables` dropped, then indexes those tables with the
 * backfill and restores the triggers. Not one transaction: `fill` commits in batches, so the WAL
 * stays small. The tables must be empty before (the backfill numbers keys from each range's start).
 */
export function withBulkSearchIndexing(
  sqlite: Database.Database,
  tables: readonly string[],
  fill: () => void,
): void {
  for (const table of tables) {
    const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number };
    if (n !== 0) throw new Error(`bulk search indexing: ${table} is not empty`);
  }
  const marks = tables.map(() => '?').join(', ');
  const triggers = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'trigger' AND name LIKE 'search_%' AND tbl_name IN (${marks})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  try {
    fill();
    for (const table of tables) {
      for (const statement of searchBackfill(table)) sqlite.exec(statement);
    }
  } finally {
    for (const t of triggers) sqlite.exec(t.sql);
  }
}
