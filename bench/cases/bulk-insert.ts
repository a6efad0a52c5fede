/**
 * Issue 7 (scale): encrypted bulk insert vs plain SQLite. The same generated activities (with their
 * search-index triggers), the same prepared statements and the same transactions of 10 000 rows,
 * into the SQLCipher vault and into its unencrypted copy set to the same journal mode, sync level
 * and page cache. Both checkpoint their WAL on a worker thread, as the desktop app does
 * (src-main/vault/checkpointer.ts); the time a run leaves for that worker is shown, not judged. Runs
 * alternate A B / B A with the OS write cache flushed in between; each run inserts into a larger
 * table than the last, so the judged figure is the median of the per-run ratios. Goal: ≤ 1.3×.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { startCheckpointer } from '../../src-main/vault/checkpointer';
import { seededRandom } from '../names';
import { quantile, summarize } from '../stats';
import { BATCH_ROWS, inBatches, volumeRows, volumeStatements } from './volumes';

/** Runs per side; even, so each side goes first equally often. */
const RUNS = 4;

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
    const plainPath = office.plainCopy();
    const plain = new Database(plainPath, { fileMustExist: true });
    // The plain copy gets what the vault has: the same journal mode, sync level and page cache, and
    // the same background checkpoints (a worker; the vault's runs as in the desktop app).
    const checkpointer = startCheckpointer(plain, { path: plainPath, dataKey: null });
    try {
      for (const pragma of ['journal_mode', 'synchronous', 'cache_size', 'wal_autocheckpoint']) {
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
        const ms = performance.now() - started;
        // Not judged, shown: what the checkpoint worker still had to fold in when the inserts ended
        // (the writer waits for it here, so the next run starts with an empty WAL on both sides).
        const drainStarted = performance.now();
        db.pragma('wal_checkpoint(TRUNCATE)');
        (db === plain ? plainDrain : vaultDrain).push(performance.now() - drainStarted);
        // The OS write cache is flushed before the other side runs, so neither side's fsyncs pay for
        // the other's writeback (without it, one full run gave 1.19× and 1.15× with the vault first
        // and 1.44× with it second).
        execFileSync('sync');
        return ms;
      };
      const vaultDrain: number[] = [];
      const plainDrain: number[] = [];
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
      // Each run inserts into a larger table than the one before, so runs are compared in pairs.
      const ratios = encrypted.map((ms, i) => ms / (unencrypted[i] ?? Number.NaN));
      const total = (list: number[]) => list.reduce((sum, ms) => sum + ms, 0);
      return {
        series: [
          { label: `${rows} rows into the SQLCipher vault`, role: 'subject', stats: enc },
          { label: `${rows} rows into the plain copy`, role: 'baseline', stats: pl },
        ],
        metrics: {
          'time ratio encrypted/plain': quantile(ratios, 0.5),
          // Context, no goal: all runs together, and as if the writer had waited for the WAL too.
          'time ratio of the totals': total(encrypted) / total(unencrypted),
          'time ratio with the WAL checkpointed':
            (total(encrypted) + total(vaultDrain)) / (total(unencrypted) + total(plainDrain)),
        },
        notes: [
          `run ratios (encrypted/plain, in order): ${ratios.map(r => r.toFixed(2)).join(', ')}`,
          `${Math.round((rows / enc.p50Ms) * 1000)} rows/s encrypted, ` +
            `${Math.round((rows / pl.p50Ms) * 1000)} rows/s plain (median of ${RUNS} runs each)`,
          `WAL left to checkpoint after a run (median): ` +
            `${Math.round(summarize(vaultDrain).p50Ms)} ms encrypted, ` +
            `${Math.round(summarize(plainDrain).p50Ms)} ms plain`,
        ],
      };
    } finally {
      checkpointer.stop();
      plain.close();
    }
  },
};
