/**
 * Issue 7 (scale): encrypted bulk insert vs plain SQLite. The same generated activities (with their
 * search-index triggers), the same prepared statements and the same transactions of 10 000 rows,
 * into the SQLCipher vault and into its unencrypted copy set to the same journal mode, sync level
 * and page cache. Runs alternate A B / B A. Goal: total time ratio (median run) ≤ 1.3×.
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { seededRandom } from '../names';
import { summarize } from '../stats';
import { BATCH_ROWS, inBatches, volumeRows, volumeStatements } from './volumes';

const RUNS = 3;

/** The bulk insert case. */
export const bulkInsertCase: BenchCase<BenchContext> = {
  id: 'bulk-insert',
  title: 'bulk insert of activities (10k per transaction): SQLCipher vault vs plain SQLite',
  goals: [{ kind: 'metric', metric: 'time ratio encrypted/plain', max: 1.3, unit: '×' }],
  ownLoop: true,
  async run(ctx) {
    const office = await ctx.office();
    office.volumes();
    const vault = office.app.state.vault;
    if (!vault) throw new Error('bulk-insert: the vault is closed');
    const plain = new Database(office.plainCopy(), { fileMustExist: true });
    try {
      for (const pragma of ['journal_mode', 'synchronous', 'cache_size']) {
        plain.pragma(`${pragma} = ${String(vault.sqlite.pragma(pragma, { simple: true }))}`);
      }
      const rows = Math.max(BATCH_ROWS, Math.round(office.contacts / 2));
      const contact = vault.sqlite
        .prepare('SELECT id, owner_id FROM contacts WHERE owner_id = ? LIMIT 1')
        .get(office.manager.id) as { id: string; owner_id: string };
      const insertInto = (db: Database.Database, seed: number) => {
        const st = volumeStatements(db);
        const gen = volumeRows(seededRandom(seed));
        // Rows are made before timing starts: only the database work is measured.
        const batch = Array.from({ length: rows }, () =>
          gen.activity(contact.owner_id, contact.id),
        );
        const started = performance.now();
        inBatches(db, rows, i => st.activity.run(batch[i]));
        return performance.now() - started;
      };
      const encrypted: number[] = [];
      const unencrypted: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const seed = 100 + run;
        if (run % 2 === 0) {
          encrypted.push(insertInto(vault.sqlite, seed));
          unencrypted.push(insertInto(plain, seed));
        } else {
          unencrypted.push(insertInto(plain, seed));
          encrypted.push(insertInto(vault.sqlite, seed));
        }
        ctx.log(`bulk-insert: run ${run + 1}/${RUNS} of ${rows} rows`);
      }
      const enc = summarize(encrypted);
      const pl = summarize(unencrypted);
      return {
        series: [
          { label: `${rows} rows into the SQLCipher vault`, role: 'subject', stats: enc },
          { label: `${rows} rows into the plain copy`, role: 'baseline', stats: pl },
        ],
        metrics: { 'time ratio encrypted/plain': enc.p50Ms / pl.p50Ms },
        notes: [
          `${Math.round((rows / enc.p50Ms) * 1000)} rows/s encrypted, ` +
            `${Math.round((rows / pl.p50Ms) * 1000)} rows/s plain (median of ${RUNS} runs each)`,
        ],
      };
    } finally {
      plain.close();
    }
  },
};
