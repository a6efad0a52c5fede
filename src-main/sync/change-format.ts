/**
 * What a synced record change says once opened: the table and id, the columns it sets (stored
 * values, as the vault holds them), the value each guarded column had when the edit was made, and
 * the display name and role of the staff it names (a laptop that has never seen a colleague adds
 * them as a directory entry that cannot sign in). Parsed with zod: a change that opens but is not
 * one of these is refused, nothing applied.
 */
import { z } from 'zod';

/** The tables whose rows sync (every owned record). */
export const SYNCED_TABLES = ['contacts', 'companies', 'deals', 'activities'] as const;
/** One synced table. */
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/**
 * Columns whose change carries the value it was made on: a stale one (someone changed the column
 * first, in server order) becomes a conflict, not a silent overwrite.
 */
export const GUARDED_FIELDS: Readonly<Record<SyncedTable, readonly string[]>> = {
  contacts: ['owner_id'],
  companies: ['owner_id'],
  deals: ['owner_id', 'stage_id', 'amount_minor'],
  activities: ['owner_id'],
};

/** Columns naming a staff member: such a user must exist in the receiving vault. */
export const USER_COLUMNS = ['owner_id', 'created_by', 'updated_by', 'deleted_by'] as const;

/** Columns linking to another record the receiving laptop may not hold (cleared when missing). */
export const LINK_COLUMNS: Readonly<Record<string, SyncedTable>> = {
  company_id: 'companies',
  contact_id: 'contacts',
};

const columnName = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
const storedValue = z.union([z.string(), z.number(), z.null()]);

/** An opened change. */
export const recordChangeSchema = z
  .object({
    v: z.literal(1),
    table: z.enum(SYNCED_TABLES),
    id: z.string().min(1).max(64),
    fields: z.record(columnName, storedValue),
    base: z.record(columnName, storedValue),
    /**
     * A reassignment: `out` in the old owner's partition (its holders that do not hold the new
     * owner's partition drop the record), `in` in the new owner's (the whole row, so that laptops
     * that never had the record can store it).
     */
    move: z.enum(['in', 'out']).optional(),
    /** A privacy erasure of this contact (its erasure id): every laptop erases it the same way. */
    erase: z.string().min(1).max(64).optional(),
    people: z.record(
      z.string().min(1).max(64),
      z
        .object({
          name: z.string().max(200),
          role: z.string().max(64),
          team: z.string().max(64).nullable(),
        })
        .strict(),
    ),
  })
  .strict();
/** An opened change. */
export type RecordChangeBody = z.infer<typeof recordChangeSchema>;

/** Whether `table` is a synced table. */
export function isSyncedTable(table: string): table is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(table);
}

/** A record row as stored (column name → stored value). */
export type StoredRow = Record<string, string | number | null>;
