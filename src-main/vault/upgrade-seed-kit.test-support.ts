/**
 * What the upgrade seeds share (./upgrade-seeds.test-support.ts): the ids of the seeded people and
 * records, the seed type, the timestamps and the small row writers. Test-only.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** Ids used across the seeds (the same people and records at every schema). */
export const SEEDED = {
  owner: 'u-owner-7c1e',
  manager: 'u-manager-42aa',
  dismissed: 'u-dismissed-90b3',
  contact: 'c-shevchenko-01',
  contactDeleted: 'c-deleted-02',
  contactLinked: 'c-bondarenko-03',
  company: 'co-teplodim-01',
  companyDeleted: 'co-deleted-02',
  deal: 'd-boilers-01',
  dealWon: 'd-won-02',
  dealDeleted: 'd-deleted-03',
  call: 'a-call-01',
  task: 'a-task-02',
  activityDeleted: 'a-deleted-03',
} as const;

/** One migration's seed: `seed` writes its data; `note` says what it seeds or why nothing. */
export interface UpgradeSeed {
  note: string;
  seed?: (sqlite: Database.Database) => void;
}

/** When the seeded rows were created (T0), changed (T1) and deleted or acknowledged (T2). */
export const T0 = '2025-01-15T09:00:00.000Z';
export const T1 = '2025-02-03T14:30:00.000Z';
export const T2 = '2025-03-10T08:15:00.000Z';

/** Inserts `row` (column → value) into `table`. */
export function insert(
  sqlite: Database.Database,
  table: string,
  row: Record<string, unknown>,
): void {
  const columns = Object.keys(row);
  sqlite
    .prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(c => `@${c}`).join(', ')})`,
    )
    .run(row);
}

/** Columns every owned record of 0005–0011 carries (owner, created/updated/deleted by and when). */
export function owned(owner: string, deleted = false): Record<string, unknown> {
  return {
    owner_id: owner,
    created_at: T0,
    created_by: owner,
    updated_at: T1,
    updated_by: owner,
    deleted_at: deleted ? T2 : null,
    deleted_by: deleted ? owner : null,
  };
}

/** A phones column of work numbers. */
export function phones(...e164: string[]): string {
  return JSON.stringify(e164.map(n => ({ e164: n, label: 'робочий' })));
}
