/**
 * Issue 7 (scale) + 5 (search): `search.query` through the router as one manager (real session,
 * audit and permission wrappers, scope in SQL) on the full volumes (100k contacts, 20k companies,
 * 50k deals, 1M activities by default), against the same FTS5 statements — captured from the
 * product's searchRecords for that manager — run raw on an unencrypted copy. Goals: p95 ≤ 25 ms
 * and the p95 ratio router / raw plain ≤ 1.5×. Queries rotate over names, prefixes, phone
 * fragments, company and activity words.
 */
import type { Database as VaultSchema } from '../../src-main/vault/schema';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { SearchResult } from '../../src-shared/ipc/search';
import { searchRecords } from '../../src-main/crm/search';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { measureInterleaved, quantile, summarize } from '../stats';

/** What a user types (names from bench/names.ts, words from ./volumes.ts). */
export const SEARCH_TEXTS = [
  'Коваль',
  'Іва',
  'шевч ол',
  '67 12',
  'знижк',
  'агро',
  'поставка обл',
  '0501',
];
const LIMIT = 8;

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

/** The statements searchRecords runs for `text` as the session's user (kysely query log). */
async function capture(
  sqlite: Database.Database,
  who: Parameters<typeof searchRecords>[1],
  text: string,
): Promise<Captured[]> {
  const log: Captured[] = [];
  // A second kysely over the same connection, only to log (never destroyed: it would close it).
  const db = new Kysely<VaultSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: event => {
      log.push(event.query);
    },
  });
  await searchRecords(db, who, { text, limit: LIMIT });
  return log;
}

/** The search case. */
export const searchCase: BenchCase<BenchContext> = {
  id: 'search',
  title: 'search.query as one manager over 100k contacts, 20k companies, 50k deals, 1M activities',
  goals: [
    { kind: 'p95', maxMs: 25 },
    { kind: 'metric', metric: 'p95 ratio router/raw plain', max: 1.5, unit: '×' },
  ],
  async run(ctx, loop) {
    const office = await ctx.office();
    const volumes = office.volumes();
    ctx.log(
      `search: ${volumes.companies} companies, ${volumes.deals} deals, ${volumes.activities} activities in ${volumes.ms} ms`,
    );
    const vault = office.app.state.vault;
    const session = office.app.state.session;
    if (!vault || !session) throw new Error('search: no manager session');
    const who = { userId: session.userId, teamId: session.teamId, grants: session.grants };
    const plain = new Database(office.plainCopy(), { readonly: true, fileMustExist: true });
    try {
      const statements = await Promise.all(
        SEARCH_TEXTS.map(async text =>
          (await capture(vault.sqlite, who, text)).map(c => ({
            run: plain.prepare(c.sql),
            parameters: c.parameters,
          })),
        ),
      );
      // What the manager sees: hits only among their own records.
      let hits = 0;
      for (const text of SEARCH_TEXTS) {
        const r = await office.call<SearchResult>('search.query', { text, limit: LIMIT });
        hits += Object.values(r).reduce((n, list) => n + (list?.length ?? 0), 0);
      }
      let a = 0;
      let b = 0;
      // The router's timings per query text (after warm-up), for the breakdown in the notes.
      const perText = new Map<string, number[]>(SEARCH_TEXTS.map(t => [t, []]));
      const [router, raw] = await measureInterleaved(
        [
          async () => {
            const call = a++;
            const text = SEARCH_TEXTS[call % SEARCH_TEXTS.length] ?? '';
            const started = performance.now();
            await office.call('search.query', { text, limit: LIMIT });
            if (call >= loop.warmup) perText.get(text)?.push(performance.now() - started);
          },
          () => {
            for (const s of statements[b++ % statements.length] ?? []) s.run.all(...s.parameters);
          },
        ],
        loop,
      );
      const routerStats = summarize(router ?? []);
      const rawStats = summarize(raw ?? []);
      return {
        series: [
          { label: 'router as the manager (product)', role: 'subject', stats: routerStats },
          { label: 'same FTS5 statements, plain SQLite copy', role: 'baseline', stats: rawStats },
        ],
        metrics: { 'p95 ratio router/raw plain': routerStats.p95Ms / rawStats.p95Ms },
        notes: [
          `${office.contacts} contacts over ${office.managerIds.length} managers; ` +
            `${SEARCH_TEXTS.length} queries rotating, ${hits} hits in all for the manager`,
          `router p95 per query (ms): ${[...perText]
            .map(([text, times]) => `${text} ${quantile(times, 0.95).toFixed(1)}`)
            .join(', ')}`,
        ],
      };
    } finally {
      plain.close();
    }
  },
};
