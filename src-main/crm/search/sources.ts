/**
 * One source per searchable entity: its key range in `search_rows` (migration 0013_search), the
 * read permission that opens its group, the columns shown for a hit, and its scope as SQL — reused
 * from the entity's own scope module, so search sees exactly the rows the entity's list would.
 * Adding an entity = a migration with its triggers and backfill + one entry here.
 */
import { inScope } from '../record/viewer';
import type { Database } from '../../vault/schema';
import { expressionBuilder, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { ScopedPermission, Scope } from '../../../src-shared/permissions';
import type { SearchGroup, SearchHit } from '../../../src-shared/ipc/search';
import { scopeCondition } from '../contacts/scope';

/** Width of one entity type's key range (type code × 2^40 …). */
export const KEY_RANGE = 2 ** 40;

/** Who searches, and how far their read grant of one entity reaches. */
export interface SearchViewer {
  userId: string;
  teamId: string | null;
  scope: Scope;
}

/** A row as the source's `columns` select it. */
export type SourceRow = Record<string, string | number | null | undefined>;

/** One searchable entity. */
export interface SearchSource {
  group: SearchGroup;
  /** `search_rows.entity_type`. */
  entityType: string;
  /** Key range `[code × 2^40, (code + 1) × 2^40)`. */
  code: number;
  /** The record table (trusted constant). */
  table: string;
  /** Its FTS5 text table (migration 0015_search_per_entity; trusted constant). */
  textTable: string;
  /** Its read permission: no grant, no group. */
  permission: ScopedPermission;
  /** Whether phones/codes of this entity are in `search_digits`. */
  digits: boolean;
  /** The selected columns (trusted SQL over `table`). */
  columns: RawBuilder<unknown>;
  /** `WHERE` condition on `table` limiting rows to the viewer's scope. */
  scope(viewer: SearchViewer): Expression<SqlBool>;
  /** Row → hit. */
  hit(row: SourceRow): SearchHit;
}

const str = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined || v === '' ? null : String(v);

const firstPhone = (json: string | number | null | undefined): string | null => {
  try {
    const list: unknown = JSON.parse(String(json ?? '[]'));
    if (!Array.isArray(list) || list.length === 0) return null;
    const first: unknown = list[0];
    if (typeof first === 'string') return first;
    if (first !== null && typeof first === 'object' && 'e164' in first) {
      return str((first as { e164?: string }).e164 ?? null);
    }
    return null;
  } catch {
    return null;
  }
};

const contacts: SearchSource = {
  group: 'contacts',
  entityType: 'contact',
  code: 1,
  table: 'contacts',
  textTable: 'search_text_contacts',
  permission: 'contacts.read',
  digits: true,
  columns: sql`contacts.id, contacts.surname, contacts.given_name, contacts.patronymic, contacts.company_name, contacts.phones`,
  // Access `use`: a contact shared with a manager is theirs to find, as in their list.
  scope: v => scopeCondition(expressionBuilder<Database, 'contacts'>(), v, 'use'),
  hit: r => ({
    id: String(r.id),
    title: [r.surname, r.given_name, r.patronymic].filter(x => str(x) !== null).join(' '),
    subtitle: str(r.company_name) ?? firstPhone(r.phones),
  }),
};

const companies: SearchSource = {
  group: 'companies',
  entityType: 'company',
  code: 2,
  table: 'companies',
  textTable: 'search_text_companies',
  permission: 'companies.read',
  digits: true,
  columns: sql`companies.id, companies.name, companies.edrpou, companies.rnokpp`,
  scope: v => inScope('companies', v),
  hit: r => ({
    id: String(r.id),
    title: String(r.name),
    subtitle: str(r.edrpou) ?? str(r.rnokpp),
  }),
};

const deals: SearchSource = {
  group: 'deals',
  entityType: 'deal',
  code: 3,
  table: 'deals',
  textTable: 'search_text_deals',
  permission: 'deals.read',
  digits: false,
  columns: sql`deals.id, deals.title, deals.amount_minor, deals.currency`,
  scope: v => inScope('deals', v),
  hit: r => ({
    id: String(r.id),
    title: String(r.title),
    subtitle: `${(Number(r.amount_minor) / 100).toFixed(2)} ${String(r.currency)}`,
  }),
};

const activities: SearchSource = {
  group: 'activities',
  entityType: 'activity',
  code: 4,
  table: 'activities',
  textTable: 'search_text_activities',
  permission: 'activities.read',
  digits: false,
  columns: sql`activities.id, activities.subject, activities.kind, activities.contact_id, activities.company_id, activities.deal_id`,
  scope: v => inScope('activities', v),
  hit: r => {
    const record =
      str(r.contact_id) !== null
        ? { type: 'contact' as const, id: String(r.contact_id) }
        : str(r.company_id) !== null
          ? { type: 'company' as const, id: String(r.company_id) }
          : { type: 'deal' as const, id: String(r.deal_id) };
    return { id: String(r.id), title: String(r.subject), subtitle: String(r.kind), record };
  },
};

/** Every source, in the order the results show them. */
export const SEARCH_SOURCES: readonly SearchSource[] = [contacts, companies, deals, activities];
