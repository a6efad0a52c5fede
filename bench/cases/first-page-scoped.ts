/**
 * Target: the first page (50, by name) of a manager's contacts in a 100 000-contact vault, through
 * the router as that manager, p95 under 20 ms. For context, the same SQL (captured from the
 * product's list function for that manager) run directly on the encrypted connection and on an
 * unencrypted copy of the database: router + mapping overhead vs encryption vs the query itself.
 */
import type { Database as VaultSchema } from '../../src-main/vault/schema';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { ContactListPage } from '../../src-shared/contacts';
import { listContacts, type ContactListQuery, type Viewer } from '../../src-main/crm/contacts';
import type { OpenVault } from '../../src-main/vault';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { measureInterleaved, summarize } from '../stats';

const QUERY = { sort: 'name', direction: 'asc', limit: 50 } as const satisfies ContactListQuery;

/** The one SQL statement `listContacts` runs for `viewer` (text and bound parameters). */
async function capturedListSql(
  vault: OpenVault,
  viewer: Viewer,
): Promise<{ sql: string; parameters: readonly unknown[] }> {
  let captured: { sql: string; parameters: readonly unknown[] } | undefined;
  // A second kysely over the same connection, only to log the query (never destroyed: that would
  // close the app's connection).
  const db = new Kysely<VaultSchema>({
    dialect: new SqliteDialect({ database: vault.sqlite }),
    log: event => {
      captured = event.query;
    },
  });
  await listContacts(db, viewer, QUERY);
  if (!captured) throw new Error('first-page-scoped: listContacts ran no query');
  return captured;
}

/** The scoped first-page case. */
export const firstPageScopedCase: BenchCase<BenchContext> = {
  id: 'first-page-scoped',
  title: 'contacts.list first page (50, by name) as one manager; 100k contacts by default',
  goals: [{ kind: 'p95', maxMs: 20 }],
  async run(ctx, loop) {
    const office = await ctx.office();
    const vault = office.app.state.vault;
    const session = office.app.state.session;
    const scope = session?.grants['contacts.read'];
    if (!vault || !session || !scope) throw new Error('first-page-scoped: no manager session');
    const viewer: Viewer = { userId: session.userId, teamId: session.teamId, scope };

    // What the manager sees: a full page, only their own contacts or ones shared with them.
    const page = await office.call<ContactListPage>('contacts.list', QUERY);
    if (page.items.length !== QUERY.limit || page.nextCursor === null) {
      throw new Error(`first-page-scoped: expected a full page, got ${page.items.length} rows`);
    }
    const { sql, parameters } = await capturedListSql(vault, viewer);
    const plain = new Database(office.plainCopy(), { readonly: true, fileMustExist: true });
    try {
      const onVault = vault.sqlite.prepare(sql);
      const onPlain = plain.prepare(sql);
      const rows = onPlain.all(...parameters) as { id: string }[];
      if (rows[0]?.id !== page.items[0]?.id) {
        throw new Error('first-page-scoped: the plain copy answers a different first row');
      }
      const plan = (
        plain.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]
      ).map(r => r.detail);
      const [router, encrypted, unencrypted] = await measureInterleaved(
        [
          () => office.call('contacts.list', QUERY),
          () => onVault.all(...parameters),
          () => onPlain.all(...parameters),
        ],
        loop,
      );
      const owned = page.items.filter(c => c.ownerId === office.manager.id).length;
      return {
        series: [
          {
            label: 'router as the manager (product)',
            role: 'subject',
            stats: summarize(router ?? []),
          },
          {
            label: 'same SQL, encrypted vault',
            role: 'context',
            stats: summarize(encrypted ?? []),
          },
          {
            label: 'same SQL, plain SQLite copy',
            role: 'context',
            stats: summarize(unencrypted ?? []),
          },
        ],
        notes: [
          `${office.contacts} contacts over ${office.managerIds.length} managers; ` +
            `page: ${owned} own + ${page.items.length - owned} shared of ${office.sharedWithManager} shared`,
          `plan: ${plan.some(line => /SCAN contacts\b/.test(line)) ? 'SCANS contacts (no index!)' : 'indexed, no table scan'}`,
        ],
      };
    } finally {
      plain.close();
    }
  },
};
