/**
 * Issue 15 point 9 (scale): importing a generated CSV of `--contacts` rows (100 000 for the stated
 * target; UTF-8, `;`, surname / given name / phone / e-mail / tag) through `commitImport` — reader,
 * mapping, the form's schema, the duplicate planner, the bulk path (src-main/import/bulk.ts) in
 * 1,000-row transactions — vs the same rows, parsed beforehand (not timed), inserted through the
 * same bulk path in the same transactions without reading a file or planning. Every run gets a
 * fresh vault (its creation not timed). The sides run interleaved, {@link ROUNDS} rounds (bulk
 * then import, then import then bulk: `runInterleaved`), so a neighbour's load on a shared machine
 * hits both alike; goal: the median of the rounds' ratios ≤ 1.5×. Memory: the process's resident
 * size sampled at every batch of each import (growth from its start to its peak), and the
 * process's peak.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { contactInputSchema } from '../../src-shared/contacts';
import { suggestMapping } from '../../src-shared/import';
import { createUser } from '../../src-main/auth/accounts';
import { BulkCreator } from '../../src-main/import/bulk';
import { commitImport } from '../../src-main/import/commit';
import { openImportFile } from '../../src-main/import/read';
import { createTestVault, makeTempDir } from '../../src-main/vault/temp-vault.test-support';
import { quantile, runInterleaved, summarize } from '../stats';

const BATCH = 1000;
/** Runs per side: A B, then B A. */
const ROUNDS = 2;

/** A surname for row `i` (names may not hold digits). */
function surname(i: number): string {
  return `Бондар${[...String(i)].map(d => 'абвгдежзик'[Number(d)]).join('')}`;
}

function cells(i: number) {
  return { surname: surname(i), phone: `067${1_000_000 + i}`, email: `client${i}@example.com` };
}

async function freshVault(root: string | undefined) {
  const { vault, dir } = await createTestVault(
    root ? { dir: join(mkdtempSync(join(root, 'zamok-bench-import-')), 'vault') } : {},
  );
  const user = await createUser(vault.db, { login: 'importer', displayName: 'I', role: 'owner' });
  return {
    vault,
    userId: user.id,
    dispose() {
      vault.close();
      rmSync(dirname(dir), { recursive: true, force: true });
    },
  };
}

/** The bulk path alone: inputs parsed and the vault made before timing. */
async function bulkRun(rows: number, root: string | undefined): Promise<number> {
  const bare = await freshVault(root);
  const inputs = Array.from({ length: rows }, (_, i) => {
    const c = cells(i);
    return contactInputSchema.parse({
      surname: c.surname,
      givenName: 'Олена',
      phones: [{ number: c.phone }],
      emails: [c.email],
      tags: ['опт'],
    });
  });
  bare.vault.sqlite
    .prepare(
      `INSERT INTO import_batches (id, record_type, created_by, owner_id, format, status, started_at)
       VALUES ('bench', 'contact', ?, ?, 'csv', 'running', ?)`,
    )
    .run(bare.userId, bare.userId, new Date().toISOString());
  const bulk = await BulkCreator.start(bare.vault, {
    batchId: 'bench',
    actorId: bare.userId,
    ownerId: bare.userId,
  });
  const started = performance.now();
  for (let from = 0; from < rows; from += BATCH) {
    bare.vault.sqlite.exec('BEGIN');
    for (let i = from; i < Math.min(rows, from + BATCH); i++) {
      await bulk.contact(inputs[i] as (typeof inputs)[number], new Date());
    }
    bare.vault.sqlite.exec('COMMIT');
  }
  const ms = performance.now() - started;
  bare.dispose();
  return ms;
}

/** The import of the file into a fresh vault: its time and the RSS at every batch. */
async function importRun(
  path: string,
  rows: number,
  root: string | undefined,
): Promise<{ ms: number; rss: number[] }> {
  const full = await freshVault(root);
  const viewer = { userId: full.userId, teamId: null, scope: 'all' as const };
  const rss: number[] = [process.memoryUsage().rss];
  const started = performance.now();
  const table = await openImportFile(path);
  const result = await commitImport(
    full.vault,
    table,
    suggestMapping('contacts', table.headers),
    { read: viewer, update: viewer },
    { actorId: full.userId, onProgress: () => rss.push(process.memoryUsage().rss) },
  );
  const ms = performance.now() - started;
  full.dispose();
  if (result.counts.create !== rows) {
    throw new Error(`import: ${result.counts.create} of ${rows} rows created`);
  }
  return { ms, rss };
}

const mib = (bytes: number) => bytes / 1024 / 1024;

/** The import case. */
export const importCase: BenchCase<BenchContext> = {
  id: 'import',
  title: 'CSV import (reader, schema, planner, bulk path) vs the bulk path alone, interleaved',
  goals: [{ kind: 'metric', metric: 'time ratio import/bulk path', max: 1.5, unit: '×' }],
  ownLoop: true,
  async run(ctx) {
    const { contacts: rows, root } = ctx.options;
    const dir = makeTempDir('zamok-bench-import-');
    const path = join(dir, 'clients.csv');
    const lines = ['Прізвище;Ім’я;Телефон;Email;Теги'];
    for (let i = 0; i < rows; i++) {
      const c = cells(i);
      lines.push(`${c.surname};Олена;${c.phone};${c.email};опт`);
    }
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    lines.length = 0;

    // Both sides answer a run: its time and, for the import, the RSS at every batch.
    const [bulkRuns = [], runs = []] = await runInterleaved<{ ms: number; rss: number[] }>(
      [
        async () => {
          const ms = await bulkRun(rows, root);
          ctx.log(`import: bulk path alone, ${rows} rows in ${Math.round(ms)} ms`);
          return { ms, rss: [] };
        },
        async () => {
          const run = await importRun(path, rows, root);
          ctx.log(`import: file import, ${rows} rows in ${Math.round(run.ms)} ms`);
          return run;
        },
      ],
      ROUNDS,
    );
    rmSync(dir, { recursive: true, force: true });
    const bare = bulkRuns.map(r => r.ms);
    const importMs = runs.map(r => r.ms);
    const ratios = importMs.map((ms, i) => ms / (bare[i] ?? Number.NaN));
    const growth = runs.map(r => mib(Math.max(...r.rss) - (r.rss[0] ?? 0)));
    const range = runs.map(r => mib(Math.max(...r.rss) - Math.min(...r.rss)));
    return {
      series: [
        { label: `${rows} rows imported from CSV`, role: 'subject', stats: summarize(importMs) },
        { label: `${rows} rows through the bulk path`, role: 'baseline', stats: summarize(bare) },
      ],
      metrics: {
        'time ratio import/bulk path': quantile(ratios, 0.5),
        'ratio of the summed times':
          importMs.reduce((a, b) => a + b, 0) / bare.reduce((a, b) => a + b, 0),
        'RSS growth during an import, largest (MiB)': Math.max(...growth),
        // From its lowest point during the import (after a GC of the other side's inputs).
        'RSS range during an import, largest (MiB)': Math.max(...range),
        'peak RSS of the process (MiB)': process.resourceUsage().maxRSS / 1024,
      },
      notes: [
        `rounds (bulk, import, ratio): ${ratios
          .map(
            (r, i) =>
              `${Math.round(bare[i] ?? 0)} ms, ${Math.round(importMs[i] ?? 0)} ms, ${r.toFixed(2)}×`,
          )
          .join('; ')}`,
        ...runs.map(
          (r, i) =>
            `import ${i + 1}: RSS at the batches (MiB): start ${Math.round(mib(r.rss[0] ?? 0))}, ` +
            `lowest ${Math.round(mib(Math.min(...r.rss)))}, ` +
            `peak ${Math.round(mib(Math.max(...r.rss)))}, end ${Math.round(mib(r.rss.at(-1) ?? 0))}`,
        ),
      ],
    };
  },
};
