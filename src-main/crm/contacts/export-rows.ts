/**
 * The rows of an export: every contact the viewer's scope reaches that matches the list's filter (or
 * one of the given ids), in name order. The scope is in the SQL (./scope.ts), exactly as for reads,
 * so an id outside the scope is silently absent — the same as a missing one.
 */
import { type Viewer } from '../record/viewer';
import { parseTextFilter, textMatchSql, TEXT_INDEX } from '../record/text-filter';
import type { Database } from '../../vault/schema';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Contact } from '../../../src-shared/contacts';
import { tidyText } from '../../../src-shared/contacts';
import { exportableSql } from '../../privacy/consent/export-filter';
import type { CustomFilterCondition } from '../../../src-shared/custom-fields';
import { customFilterSql } from '../custom-fields/filter';
import { scopeCondition } from './scope';
import { hasViewFilter, viewFilterSql, type ContactViewFilter } from './list-filters';
import { rowToContact } from './tables';

/** What to export: the list's filter, or explicit ids (never both; no filter = everything in scope). */
export interface ExportSelection {
  filter?:
    | (ContactViewFilter & {
        text?: string | undefined;
        tag?: string | undefined;
        ownerId?: string | undefined;
        includeDeleted?: boolean | undefined;
        custom?: readonly CustomFilterCondition[] | undefined;
      })
    | undefined;
  ids?: readonly string[] | undefined;
  /** Made "for" this processing purpose: contacts without a valid basis for it are left out. */
  purposeId?: string | undefined;
}

/** True when the selection names nothing narrower than the whole scope ("export all"). */
export function isExportAll(selection: ExportSelection): boolean {
  if (selection.ids !== undefined) return false;
  const f = selection.filter ?? {};
  return (
    !f.text?.trim() &&
    !f.tag?.trim() &&
    f.ownerId === undefined &&
    (f.custom ?? []).length === 0 &&
    !hasViewFilter(f)
  );
}

async function selectRows(
  db: Kysely<Database>,
  viewer: Viewer,
  selection: ExportSelection,
  privacy: Expression<SqlBool> = exportableSql(selection.purposeId),
) {
  const filter = selection.filter ?? {};
  // The same matching as the list (FTS5 words, digits; stored text for deleted rows), so an export
  // "of what the list shows" holds exactly the rows the list showed.
  const text = parseTextFilter(TEXT_INDEX.contacts, filter.text);
  const tag = filter.tag ? tidyText(filter.tag) : '';
  const ids = selection.ids;
  const custom = await customFilterSql(db, 'contact', 'contacts', filter.custom);
  return (
    db
      .selectFrom('contacts')
      .where(eb => scopeCondition(eb, viewer, 'use'))
      // Objection (always) and the purpose's basis: src-main/privacy/consent/export-filter.ts.
      .where(privacy)
      .$if(filter.includeDeleted !== true, q => q.where('contacts.deleted_at', 'is', null))
      .where(viewFilterSql(filter))
      .$if(filter.ownerId !== undefined, q =>
        q.where('contacts.owner_id', '=', filter.ownerId ?? ''),
      )
      .$if(tag.length > 0, q =>
        q.where(
          sql<SqlBool>`exists (select 1 from json_each(contacts.tags) where json_each.value = ${tag})`,
        ),
      )
      .$if(custom !== null, q => q.where(custom ?? sql<SqlBool>`1`))
      .$if(text !== null, q =>
        q.where(
          textMatchSql('contacts', text, {
            includeDeleted: filter.includeDeleted,
            searchColumn: 'contacts.search_text',
          }),
        ),
      )
      .$if(ids !== undefined, q =>
        // Ids go in as one JSON parameter: 10 000 ids would exceed SQLite's bound-variable limit.
        q.where(
          sql<SqlBool>`contacts.id in (select value from json_each(${JSON.stringify(ids ?? [])}))`,
        ),
      )
  );
}

/** How many contacts the export would contain (for the approval threshold). */
export async function countExportRows(
  db: Kysely<Database>,
  viewer: Viewer,
  selection: ExportSelection,
): Promise<number> {
  const row = await (
    await selectRows(db, viewer, selection)
  )
    .select(eb => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many contacts the selection's privacy condition leaves out, and why (counts only). */
export interface ExportExclusions {
  /** Matched by the filter in scope, before the privacy condition. */
  total: number;
  /** Objected (left out of every export). */
  objected: number;
  /** Not objected, but without a valid basis for `selection.purposeId`. */
  noBasis: number;
}

/** Counts what an export of `selection` would leave out (./export-rows' privacy condition). */
export async function exportExclusions(
  db: Kysely<Database>,
  viewer: Viewer,
  selection: ExportSelection,
): Promise<ExportExclusions> {
  const count = async (privacy: Expression<SqlBool>) => {
    const row = await (
      await selectRows(db, viewer, selection, privacy)
    )
      .select(eb => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const total = await count(sql<SqlBool>`1`);
  const notObjected = await count(exportableSql(undefined));
  const exportable =
    selection.purposeId === undefined
      ? notObjected
      : await count(exportableSql(selection.purposeId));
  return { total, objected: total - notObjected, noBasis: notObjected - exportable };
}

/** The contacts of the export, in name order (shares are not exported: they are office data). */
export async function exportRows(
  db: Kysely<Database>,
  viewer: Viewer,
  selection: ExportSelection,
): Promise<Contact[]> {
  const rows = await (
    await selectRows(db, viewer, selection)
  )
    .innerJoin('users', 'users.id', 'contacts.owner_id')
    .selectAll('contacts')
    .select('users.display_name as owner_name')
    .orderBy('contacts.sort_key')
    .orderBy('contacts.id')
    .execute();
  return rows.map(({ owner_name: ownerName, ...row }) => rowToContact(row, ownerName, []));
}
