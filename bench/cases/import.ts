/**
 * Issue 15 point 9 (scale): importing a generated CSV of `--contacts` rows (100 000 for the stated
 * target; UTF-8, `;`, surname / given name / phone / e-mail / tag) through `commitImport` — reader,
 * mapping, the form's schema, the duplicate planner, the bulk path (src-main/import/bulk.ts) in
 * 1,000-row transactions — vs the same rows, parsed beforehand (not timed), inserted through the
 * same bulk path in the same transactions without reading a file or planning. Each side gets a
 * fresh vault. Goal: ≤ 1.5× of the times. Memory: the process's resident size sampled at every
 * batch of the import (growth from its start to its peak), and the process's peak.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { summarize } from '../stats';

const BATCH = 1000;

/** A surname for row `i` (names may not hold digits). */
function surname(i: number): string {
  return `Бондар${[...String(i)].map(d => 'абвгдежзик'[Number(d)]).join('')}`;
}

function cells(i: number) {
  return { surname: surname(i), phone: `067${1_000_000 + i}`, email: `client${i}@example.com` };
}

async function freshVault(root: string | undefined) {
  const { vault } = await createTestVault(
    root ? { dir: join(mkdtempSync(join(root, 'zamok-bench-import-')), 'vault') } : {},
  );
  const user = await createUser(vault.db, { login: 'importer', displayName: 'I', role: 'owner' });
  return { vault, userId: user.id };
}

/** The import case. */
export const importCase: BenchCase<BenchContext> = {
  id: 'import',
  title: 'CSV import (reader, schema, planner, bulk path) vs the bulk path alone',
  goals: [{ kind: 'metric', metric: 'time ratio import/bulk path', max: 1.5, unit: '×' }],
  ownLoop: true,
  async run(ctx) {
    const rows = ctx.options.contacts;
    const dir = makeTempDir('zamok-bench-import-');
    const path = join(dir, 'clients.csv');
    const lines = ['Прізвище;Ім’я;Телефон;Email;Теги'];
    for (let i = 0; i < rows; i++) {
      const c = cells(i);
      lines.push(`${c.surname};Олена;${c.phone};${c.email};опт`);
    }
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);
    lines.length = 0;

    // The bulk path alone: inputs parsed before timing.
    const bare = await freshVault(ctx.options.root);
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
    let started = performance.now();
    for (let from = 0; from < rows; from += BATCH) {
      bare.vault.sqlite.exec('BEGIN');
      for (let i = from; i < Math.min(rows, from + BATCH); i++) {
        await bulk.contact(inputs[i] as (typeof inputs)[number], new Date());
      }
      bare.vault.sqlite.exec('COMMIT');
    }
    const bareMs = performance.now() - started;
    bare.vault.close();
    inputs.length = 0;
    ctx.log(`import: bulk path alone, ${rows} rows in ${Math.round(bareMs)} ms`);

    // The import of the file.
    const full = await freshVault(ctx.options.root);
    const viewer = { userId: full.userId, teamId: null, scope: 'all' as const };
    const rss: number[] = [process.memoryUsage().rss];
    started = performance.now();
    const table = await openImportFile(path);
    const result = await commitImport(
      full.vault,
      table,
      suggestMapping('contacts', table.headers),
      { read: viewer, update: viewer },
      { actorId: full.userId, onProgress: () => rss.push(process.memoryUsage().rss) },
    );
    const importMs = performance.now() - started;
    full.vault.close();
    if (result.counts.create !== rows) {
      throw new Error(`import: ${result.counts.create} of ${rows} rows created`);
    }
    ctx.log(`import: file import, ${rows} rows in ${Math.round(importMs)} ms`);
    const mib = (bytes: number) => bytes / 1024 / 1024;
    return {
      series: [
        { label: `${rows} rows imported from CSV`, role: 'subject', stats: summarize([importMs]) },
        {
          label: `${rows} rows through the bulk path`,
          role: 'baseline',
          stats: summarize([bareMs]),
        },
      ],
      metrics: {
        'time ratio import/bulk path': importMs / bareMs,
        'RSS growth during the import (MiB)': mib(Math.max(...rss) - (rss[0] ?? 0)),
        // From its lowest point during the import (after a GC of the other side's inputs).
        'RSS range during the import (MiB)': mib(Math.max(...rss) - Math.min(...rss)),
        'peak RSS of the process (MiB)': process.resourceUsage().maxRSS / 1024,
      },
      notes: [
        `${Math.round((rows / importMs) * 1000)} rows/s imported, ` +
          `${Math.round((rows / bareMs) * 1000)} rows/s through the bulk path alone`,
        `RSS at the batches (MiB): start ${Math.round(mib(rss[0] ?? 0))}, ` +
          `lowest ${Math.round(mib(Math.min(...rss)))}, ` +
          `peak ${Math.round(mib(Math.max(...rss)))}, end ${Math.round(mib(rss.at(-1) ?? 0))}`,
      ],
    };
  },
};
