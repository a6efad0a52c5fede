/**
 * What the outbox, apply and the documents' sync share (their own file, so they do not import each
 * other): whether the vault joined an office, an owner's partition and its current key, and the
 * colleagues a row names — described on the way out (`peopleOf`), added on the way in
 * (`ensurePeople`: they cannot sign in here).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import { ensureTeam } from '../teams/teams';
import { USER_COLUMNS, type RecordChangeBody, type StoredRow } from './change-format';

/** Whether this vault syncs with an office (then record changes go to the outbox). */
export async function isOfficeMember(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('office_settings').select('id').executeTakeFirst();
  return row !== undefined;
}

/** The display name, role and team of each colleague a stored row names (its user columns). */
export async function peopleOf(
  db: Kysely<Database>,
  row: StoredRow,
): Promise<RecordChangeBody['people']> {
  const ids = [...new Set(USER_COLUMNS.map(c => row[c]).filter(v => typeof v === 'string'))];
  if (ids.length === 0) return {};
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'team_id'])
    .where('id', 'in', ids)
    .execute();
  return Object.fromEntries(
    users.map(u => [u.id, { name: u.display_name, role: u.role, team: u.team_id }]),
  );
}

/** The partition (and its current key) holding the records of `ownerId`, or null. */
export async function ownerPartition(db: Kysely<Database>, ownerId: string) {
  return db
    .selectFrom('office_partitions as p')
    .innerJoin('office_partition_keys as k', join =>
      join
        .onRef('k.partition_id', '=', 'p.partition_id')
        .onRef('k.key_version', '=', 'p.key_version'),
    )
    .select(['p.partition_id', 'p.key_version', 'k.key'])
    .where('p.kind', '=', 'owner')
    .where('p.owner_user_id', '=', ownerId)
    .executeTakeFirst();
}

/** Adds colleagues the change names and this vault has never seen (they cannot sign in here). */
export async function ensurePeople(
  trx: Kysely<Database>,
  body: Pick<RecordChangeBody, 'people'>,
  row: StoredRow,
) {
  for (const column of USER_COLUMNS) {
    const id = row[column];
    if (typeof id !== 'string') continue;
    const person = body.people[id];
    if (person?.team) await ensureTeam(trx, person.team, new Date().toISOString());
    await trx
      .insertInto('users')
      .values({
        id,
        login: `office-${id}`,
        display_name: person?.name ?? 'Office user',
        role: person?.role ?? 'manager',
        team_id: person?.team ?? null,
        status: 'active',
        created_at: new Date().toISOString(),
        totp_enabled: 0,
        must_change_password: 0,
      })
      .onConflict(oc => oc.column('id').doNothing())
      .execute();
  }
}
