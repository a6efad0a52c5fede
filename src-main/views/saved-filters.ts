/**
 * Saved list filters in the vault (table `saved_filters`, migration 0032): each user's own, per
 * list. Every function takes the owner's user id and touches only their rows: another user's id is
 * `not_found`, the same as a missing one.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SAVED_FILTERS_MAX, type FilterList, type SavedFilter } from '../../src-shared/ipc/views';
import { CallFailure } from '../calls/failure';
import type { Database, SavedFiltersTable } from '../vault/schema';

function rowToFilter(row: SavedFiltersTable): SavedFilter {
  return {
    id: row.id,
    list: row.list,
    name: row.name,
    filter: JSON.parse(row.filter) as SavedFilter['filter'],
    updatedAt: row.updated_at,
  };
}

/** The key names are unique by: trimmed, lower-cased (any alphabet). */
function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('uk');
}

/** The user's filters of `list`, by name. */
export async function listSavedFilters(
  db: Kysely<Database>,
  userId: string,
  list: FilterList,
): Promise<SavedFilter[]> {
  const rows = await db
    .selectFrom('saved_filters')
    .selectAll()
    .where('user_id', '=', userId)
    .where('list', '=', list)
    .orderBy('name_key')
    .execute();
  return rows.map(rowToFilter);
}

/**
 * Saves `filter` as the user's `name` on `list`, replacing their filter of the same name; `before`
 * is the replaced one (null: new). More than {@link SAVED_FILTERS_MAX} per list → `invalid_input`.
 */
export async function saveFilter(
  db: Kysely<Database>,
  userId: string,
  input: { list: FilterList; name: string; filter: SavedFilter['filter'] },
  now: Date,
): Promise<{ before: SavedFilter | null; after: SavedFilter }> {
  const key = nameKey(input.name);
  const at = now.toISOString();
  const existing = await db
    .selectFrom('saved_filters')
    .selectAll()
    .where('user_id', '=', userId)
    .where('list', '=', input.list)
    .where('name_key', '=', key)
    .executeTakeFirst();
  const json = JSON.stringify(input.filter);
  if (existing) {
    await db
      .updateTable('saved_filters')
      .set({ name: input.name.trim(), filter: json, updated_at: at })
      .where('id', '=', existing.id)
      .execute();
    const after = { ...existing, name: input.name.trim(), filter: json, updated_at: at };
    return { before: rowToFilter(existing), after: rowToFilter(after) };
  }
  const count = await db
    .selectFrom('saved_filters')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('list', '=', input.list)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= SAVED_FILTERS_MAX) {
    throw new CallFailure('invalid_input', `At most ${SAVED_FILTERS_MAX} saved filters per list.`, {
      reason: 'saved_filters_full',
    });
  }
  const row: SavedFiltersTable = {
    id: randomUUID(),
    user_id: userId,
    list: input.list,
    name: input.name.trim(),
    name_key: key,
    filter: json,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('saved_filters').values(row).execute();
  return { before: null, after: rowToFilter(row) };
}

/** Deletes the user's filter `id` (answers it as it was); anyone else's or a missing one → `not_found`. */
export async function deleteSavedFilter(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<SavedFilter> {
  const row = await db
    .selectFrom('saved_filters')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new CallFailure('not_found', 'No such saved filter.');
  await db.deleteFrom('saved_filters').where('id', '=', id).execute();
  return rowToFilter(row);
}
