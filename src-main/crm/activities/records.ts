/**
 * The records an activity hangs on: may the caller read this contact / company / deal? The deals
 * table comes from another feature's migration (0008) and is read with plain SQL: its columns are
 * looked up once per query so a missing table or column means "no deals", never an error.
 */
import { type ScopeOwner } from '../record/viewer';
import { recordNotFound } from '../record/errors';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../vault/schema';
import type { TimelineEntity } from '../../../src-shared/activities';
import { companyReadableSql, contactReadableSql, dealReadableSql } from './scope';
import { type ActivityViewer } from './tables';

/** What this vault's deals table offers (null: no deals table). */
export interface DealsShape {
  deletedAt: boolean;
  contactId: boolean;
  companyId: boolean;
  title: boolean;
  createdAt: boolean;
}

/** The deals table's useful columns, or null when the table does not exist. */
export async function dealsShape(db: Kysely<Database>): Promise<DealsShape | null> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info('deals')`.execute(
    db,
  );
  if (rows.length === 0) return null;
  const names = new Set(rows.map(r => r.name));
  return {
    deletedAt: names.has('deleted_at'),
    contactId: names.has('contact_id'),
    companyId: names.has('company_id'),
    title: names.has('title'),
    createdAt: names.has('created_at'),
  };
}

/** The SQL condition "the caller may read this record"; `0` when they have no grant for its type. */
export async function recordReadableSql(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  entity: TimelineEntity,
  id: string,
) {
  const who: ScopeOwner = viewer;
  const scope = viewer.records[entity];
  if (scope === undefined) return sql<SqlBool>`0`;
  if (entity === 'contact') return contactReadableSql(id, who, scope);
  if (entity === 'company') return companyReadableSql(id, who, scope);
  const deals = await dealsShape(db);
  if (deals === null) return sql<SqlBool>`0`;
  return dealReadableSql(id, who, scope, deals.deletedAt);
}

/** Throws `not_found` unless the caller may read the record (missing, deleted, out of scope alike). */
export async function requireReadableRecord(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  entity: TimelineEntity,
  id: string,
): Promise<void> {
  const condition = await recordReadableSql(db, viewer, entity, id);
  const { rows } = await sql<{ ok: number }>`SELECT ${condition} AS ok`.execute(db);
  if (rows[0]?.ok !== 1) throw recordNotFound('record');
}
