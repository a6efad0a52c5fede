/**
 * Issue 19, point 2: the contacts list's text filter. `contacts.list` (first page, 50 by name,
 * with a filter text) through the router as one manager (session guard, permission wrapper, scope
 * in SQL) vs the raw FTS5 query on the plain SQLite copy: the same match expression
 * (crm/search/query.ts) → search_rows → contacts, the manager's scope (own or shared with them),
 * live rows, by name, LIMIT 50 — what a hand-written FTS5 query for that page costs. Texts rotate
 * from rare (a phone fragment, a name pair) to common (a tag on 15% of contacts). Goal: p95 ratio
 * router / raw ≤ 1.5×. Context: the bare FTS5 MATCH (every matching rowid) on the plain copy.
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import type { ContactListPage } from '../../src-shared/contacts';
import { searchTerms } from '../../src-main/crm/search/query';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { measureInterleaved, quantile, summarize } from '../stats';

/** What a user types into the list's filter (names, tags and phones of bench/names.ts). */
export const FILTER_TEXTS = [
  '0012345',
  "Дем'яненко Мар'яна",
  'Олійник',
  'vip',
  'client77',
  'Ткачук Олена',
];
const LIMIT = 50;
/** Keys of contacts in search_rows (migration 0013: type code 1 × 2^40). */
const CONTACT_KEYS = [2 ** 40, 2 ** 41 - 1] as const;

/** The raw FTS5 statement of `text`'s first page for `userId` (SQL and parameters). */
function rawStatement(text: string, userId: string): { sql: string; parameters: unknown[] } {
  const terms = searchTerms(text);
  const parts: string[] = [];
  const parameters: unknown[] = [];
  if (terms.text !== null) {
    parts.push('SELECT rowid FROM search_text_contacts WHERE search_text_contacts MATCH ?');
    parameters.push(terms.text);
  }
  if (terms.digits !== null) {
    parts.push(
      `SELECT rowid FROM search_digits WHERE search_digits MATCH ? AND rowid BETWEEN ${CONTACT_KEYS[0]} AND ${CONTACT_KEYS[1]}`,
    );
    parameters.push(terms.digits);
  }
  const sql = `SELECT contacts.id FROM (${parts.join(' UNION ')}) AS m
    CROSS JOIN search_rows ON search_rows.id = m.rowid
    CROSS JOIN contacts ON contacts.id = search_rows.entity_id
    WHERE contacts.deleted_at IS NULL
      AND (contacts.owner_id = ? OR contacts.id IN
        (SELECT contact_id FROM contact_shares WHERE user_id = ?))
    ORDER BY contacts.sort_key, contacts.id LIMIT ${LIMIT}`;
  return { sql, parameters: [...parameters, userId, userId] };
}

/** The list-filter case. */
export const listFilterCase: BenchCase<BenchContext> = {
  id: 'list-filter',
  title: 'contacts.list filtered first page (50, by name) as one manager vs raw FTS5 on plain',
  goals: [{ kind: 'metric', metric: 'p95 ratio router/raw FTS5 plain', max: 1.5, unit: '×' }],
  async run(ctx, loop) {
    const office = await ctx.office();
    const userId = office.manager.id;
    const plain = new Database(office.plainCopy(), { readonly: true, fileMustExist: true });
    try {
      const raw = FILTER_TEXTS.map(text => {
        const s = rawStatement(text, userId);
        return { run: plain.prepare(s.sql), parameters: s.parameters };
      });
      const bare = FILTER_TEXTS.map(text => ({
        run: plain.prepare(
          'SELECT rowid FROM search_text_contacts WHERE search_text_contacts MATCH ?',
        ),
        parameter: searchTerms(text).text,
      }));
      // What the manager gets is what the raw query finds, page by page (a broken path cannot
      // look fast).
      const shown: number[] = [];
      for (const [i, text] of FILTER_TEXTS.entries()) {
        const page = await office.call<ContactListPage>('contacts.list', {
          sort: 'name',
          direction: 'asc',
          limit: LIMIT,
          filter: { text },
        });
        const expected = (raw[i]?.run.all(...(raw[i]?.parameters ?? [])) ?? []) as { id: string }[];
        const got = page.items.map(c => c.id);
        if (JSON.stringify(got) !== JSON.stringify(expected.map(r => r.id))) {
          throw new Error(
            `list-filter: "${text}" pages differ (${got.length} vs ${expected.length})`,
          );
        }
        shown.push(got.length);
      }
      let a = 0;
      let b = 0;
      let c = 0;
      const perText = new Map<string, number[]>(FILTER_TEXTS.map(t => [t, []]));
      const rawPerText = new Map<string, number[]>(FILTER_TEXTS.map(t => [t, []]));
      const p95 = (times: readonly number[] | undefined) => quantile(times ?? [], 0.95).toFixed(1);
      const [router, rawTimes, bareTimes] = await measureInterleaved(
        [
          async () => {
            const call = a++;
            const text = FILTER_TEXTS[call % FILTER_TEXTS.length] ?? '';
            const started = performance.now();
            await office.call('contacts.list', {
              sort: 'name',
              direction: 'asc',
              limit: LIMIT,
              filter: { text },
            });
            if (call >= loop.warmup) perText.get(text)?.push(performance.now() - started);
          },
          () => {
            const call = b++;
            const s = raw[call % raw.length];
            const started = performance.now();
            s?.run.all(...s.parameters);
            const text = FILTER_TEXTS[call % FILTER_TEXTS.length] ?? '';
            if (call >= loop.warmup) rawPerText.get(text)?.push(performance.now() - started);
          },
          () => {
            const s = bare[c++ % bare.length];
            if (s?.parameter) s.run.all(s.parameter);
          },
        ],
        loop,
      );
      const routerStats = summarize(router ?? []);
      const rawStats = summarize(rawTimes ?? []);
      return {
        series: [
          { label: 'router as the manager (product)', role: 'subject', stats: routerStats },
          { label: 'raw FTS5 page query, plain SQLite copy', role: 'baseline', stats: rawStats },
          {
            label: 'bare FTS5 MATCH (all matches), plain',
            role: 'context',
            stats: summarize(bareTimes ?? []),
          },
        ],
        metrics: { 'p95 ratio router/raw FTS5 plain': routerStats.p95Ms / rawStats.p95Ms },
        notes: [
          `${office.contacts} contacts over ${office.managerIds.length} managers; rows shown per ` +
            `text: ${FILTER_TEXTS.map((t, i) => `${t} ${shown[i] ?? 0}`).join(', ')}`,
          `p95 per text, router / raw (ms): ${FILTER_TEXTS.map(
            t => `${t} ${p95(perText.get(t))} / ${p95(rawPerText.get(t))}`,
          ).join(', ')}`,
        ],
      };
    } finally {
      plain.close();
    }
  },
};
