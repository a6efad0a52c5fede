/**
 * Dismissal, one action, in the call's one transaction: the key slot's removal is staged (it takes
 * effect when the transaction commits: ../vault/keyring-changes.ts), the account is marked dismissed, its records
 * (contacts, companies, deals, activities, documents — whichever this vault has) move to the chosen
 * colleague and the shares made to it are removed. Its open session — in this
 * process or another (the CLI) — ends at its next call (../app/session-guard.ts). The audit entry
 * comes from the handler's note. Accounts are never deleted. Record moves go through the record
 * module (the office sync outbox sees them); on a vault that syncs with an office the office step
 * follows the local one (../sync/office-jobs.ts `dismissInOffice`: devices refused, keys rotated; an
 * unreachable office is reported in the answer, the local dismissal stands).
 */
import type { Database } from '../vault/schema';
import { sql, type Kysely } from 'kysely';
import type { DismissResult } from '../../src-shared/ipc/users';
import { findUserById, setStatus } from '../auth/accounts';
import { CallFailure, type AuditNote } from '../calls';
import type { Actor } from '../roles/roles';
import { changeRecordsInBulk } from '../crm/record/changes';
import { dismissInOffice } from '../sync/office-jobs';
import { removePasswordSlot, type OpenVault } from '../vault';
import { assertNotLastOwner, requireManageable, toSummary } from './staff';

async function hasTable(db: Kysely<Database>, name: string): Promise<boolean> {
  const { rows } = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${name}`.execute(db);
  return rows.length > 0;
}

/**
 * Tables of records with an owner, in the order they move. Each has `owner_id`; those with
 * `updated_at` / `updated_by` get them stamped (updated_at only ever grows: it is the concurrency
 * token — never move it back). A table not in this vault's schema is skipped.
 */
const OWNED_TABLES = ['contacts', 'companies', 'deals', 'activities', 'documents'] as const;
type OwnedTable = (typeof OWNED_TABLES)[number];

async function columnsOf(db: Kysely<Database>, table: string): Promise<Set<string>> {
  const rows = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(
    db,
  );
  return new Set(rows.rows.map(r => r.name));
}

/** Moves every record of `fromId` (deleted ones too) to `toId`; returns how many moved per table. */
async function reassignRecords(
  db: Kysely<Database>,
  fromId: string,
  toId: string,
  actorId: string,
  at: string,
): Promise<Partial<Record<OwnedTable, number>>> {
  const moved: Partial<Record<OwnedTable, number>> = {};
  for (const table of OWNED_TABLES) {
    if (!(await hasTable(db, table))) continue;
    const columns = await columnsOf(db, table);
    if (!columns.has('owner_id')) continue;
    const stamps = [
      ...(columns.has('updated_at') ? [sql`updated_at = max(updated_at, ${at})`] : []),
      ...(columns.has('updated_by') ? [sql`updated_by = ${actorId}`] : []),
    ];
    const move = () =>
      sql`UPDATE ${sql.table(table)} SET ${sql.join([
        sql`owner_id = ${toId}`,
        ...stamps,
      ])} WHERE owner_id = ${fromId}`.execute(db);
    if (table === 'documents') {
      // Documents are not synced records (yet): their files stay where they are.
      moved[table] = Number((await move()).numAffectedRows ?? 0n);
      continue;
    }
    // Through the record module, so each move reaches the office sync outbox (moves.ts).
    const ids = await sql<{
      id: string;
    }>`SELECT id FROM ${sql.table(table)} WHERE owner_id = ${fromId}`.execute(db);
    await changeRecordsInBulk(
      db,
      table,
      ids.rows.map(row => row.id),
      move,
    );
    moved[table] = ids.rows.length;
  }
  if (await hasTable(db, 'contact_shares')) {
    // Shares made to the dismissed user go; a share with the new owner of a moved contact is moot.
    await db.deleteFrom('contact_shares').where('user_id', '=', fromId).execute();
    await db
      .deleteFrom('contact_shares')
      .where('user_id', '=', toId)
      .where('contact_id', 'in', eb =>
        eb.selectFrom('contacts').select('contacts.id').where('contacts.owner_id', '=', toId),
      )
      .execute();
  }
  return moved;
}

/**
 * Who takes over when the dismissing user may not choose: the longest-standing active owner other
 * than the dismissed account (there is always one: the last owner cannot be dismissed).
 */
async function ownerHeir(db: Kysely<Database>, dismissedId: string): Promise<string> {
  const owner = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .where('id', '!=', dismissedId)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!owner) throw new CallFailure('conflict', 'The vault must keep at least one active owner.');
  return owner.id;
}

/**
 * Dismisses `userId` and hands their records to `reassignToUserId`, or to the owner when none is
 * given (the channel lets only the owner choose: `users.handover`).
 */
export async function dismissStaff(
  vault: OpenVault,
  db: Kysely<Database>,
  actor: Actor,
  input: { userId: string; reassignToUserId?: string | undefined },
  now: Date,
  audit: AuditNote,
): Promise<DismissResult> {
  const target = await requireManageable(db, actor, input.userId, { what: 'dismiss' });
  await assertNotLastOwner(db, target);
  const heirId = input.reassignToUserId ?? (await ownerHeir(db, target.id));
  if (heirId === target.id) {
    throw new CallFailure('invalid_input', 'Choose someone else to take over the records.', {
      field: 'reassignToUserId',
    });
  }
  const heir = await findUserById(db, heirId);
  if (!heir || heir.status !== 'active') {
    throw new CallFailure('invalid_input', 'The records can go only to an active user.', {
      field: 'reassignToUserId',
    });
  }
  // The slot first: from here on the password opens nothing, whatever happens next.
  await removePasswordSlot(vault, target.login);
  const { user, moved } = await db.transaction().execute(async (trx: Kysely<Database>) => {
    const dismissed = await setStatus(trx, target.id, 'dismissed');
    const records = await reassignRecords(trx, target.id, heir.id, actor.userId, now.toISOString());
    return { user: dismissed, moved: records };
  });
  const reassignedCount = moved.contacts ?? 0;
  audit.entityType = 'user';
  audit.entityId = target.id;
  audit.changes = { status: { before: target.status, after: user.status } };
  // The office: the server refuses the user's devices and their partitions' keys rotate.
  const office = await dismissInOffice(db, target.id);
  // In the audit entry only the state and code of a failure: its text can name the server.
  const officeNote =
    office && office.state !== 'dismissed' ? { state: office.state, code: office.code } : office;
  audit.details = {
    reassignedTo: heir.id,
    reassignedCount,
    reassigned: moved,
    ...(officeNote ? { office: officeNote } : {}),
  };
  return {
    user: toSummary(user),
    reassignedCount,
    reassigned: moved,
    ...(office ? { office } : {}),
  };
}
