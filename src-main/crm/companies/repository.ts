/**
 * Company records: read one, create, edit (optimistic concurrency), soft delete, restore, reassign. Small
 * kysely functions, `db` first, clock injectable (`now`). Every statement that reads or writes a
 * company carries the caller's scope in its WHERE (./scope.ts); a write is one transaction.
 * Mutations return `{ before, after }` so the handler can record field-level changes in the audit log.
 */
import { inScope, type Viewer } from '../record/viewer';
import { nextTime } from '../record/changes';
import type { Database } from '../../vault/schema';
import { RecordError, recordNotFound } from '../record/errors';
import { newRecordId } from '../record-id';
import type { Kysely } from 'kysely';
import type { Company, CompanyInput, CompanyPatch } from '../../../src-shared/companies';
import { companyFields, fieldsToColumns, rowToCompany } from './tables';

/** A change to one company: the record before and after (before is null for a new company). */
export interface CompanyChange {
  before: Company | null;
  after: Company;
}

/**
 * The company with this id if the viewer's scope reaches it (deleted ones only when asked);
 * otherwise `not_found` — the same for a missing id, another manager's company and a deleted one.
 */
export async function getCompany(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<Company> {
  const row = await db
    .selectFrom('companies')
    .innerJoin('users', 'users.id', 'companies.owner_id')
    .selectAll('companies')
    .select('users.display_name as owner_name')
    .where('companies.id', '=', id)
    .where(inScope('companies', viewer))
    .$if(options.includeDeleted !== true, qb => qb.where('companies.deleted_at', 'is', null))
    .executeTakeFirst();
  if (!row) throw recordNotFound('company');
  const { owner_name: ownerName, ...company } = row;
  return rowToCompany(company, ownerName);
}

/** The same company, read without a scope (after a write the caller was allowed to make). */
export async function readCompany(db: Kysely<Database>, id: string): Promise<Company> {
  return getCompany(db, { userId: '', teamId: null, scope: 'all' }, id, { includeDeleted: true });
}

/** Adds a company owned by the creator. `input` is parsed by `companyInputSchema`. */
export async function createCompany(
  db: Kysely<Database>,
  actor: { userId: string },
  input: CompanyInput,
  now: Date = new Date(),
): Promise<CompanyChange> {
  const at = nextTime(now);
  const id = newRecordId();
  const columns = fieldsToColumns({
    name: input.name,
    edrpou: input.edrpou ?? null,
    rnokpp: input.rnokpp ?? null,
    legalAddress: input.legalAddress ?? null,
    actualAddress: input.actualAddress ?? null,
    phones: input.phones ?? [],
    website: input.website ?? null,
    notes: input.notes ?? null,
  });
  const k = db;
  await k
    .insertInto('companies')
    .values({
      id,
      owner_id: actor.userId,
      ...columns,
      created_at: at,
      created_by: actor.userId,
      updated_at: at,
      updated_by: actor.userId,
      deleted_at: null,
      deleted_by: null,
    })
    .execute();
  return { before: null, after: await readCompany(k, id) };
}

/**
 * Applies an edit if the company is in scope and nobody saved it since the caller read it
 * (`expectedUpdatedAt` = the `updatedAt` the caller saw); otherwise `conflict` and nothing changes.
 */
export async function updateCompany(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  patch: CompanyPatch,
  expectedUpdatedAt: string,
  now: Date = new Date(),
): Promise<CompanyChange> {
  return db.transaction().execute(async trx => {
    const before = await getCompany(trx, viewer, id);
    if (before.updatedAt !== expectedUpdatedAt) {
      throw new RecordError(
        'conflict',
        'This company was changed by someone else since you opened it. Reload it and try again.',
      );
    }
    const fields = { ...companyFields(before) };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) Object.assign(fields, { [key]: value });
    }
    const at = nextTime(now, before.updatedAt);
    const result = await trx
      .updateTable('companies')
      .set({ ...fieldsToColumns(fields), updated_at: at, updated_by: viewer.userId })
      .where('id', '=', id)
      .where('updated_at', '=', expectedUpdatedAt)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) throw recordNotFound('company');
    return { before, after: await readCompany(trx, id) };
  });
}

/**
 * Soft delete: the company leaves lists and the contact form's picker; contacts linked to it keep
 * the link, and their pages show the company as deleted.
 */
export async function deleteCompany(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<CompanyChange> {
  return db.transaction().execute(async trx => {
    const before = await getCompany(trx, viewer, id);
    const at = nextTime(now, before.updatedAt);
    await trx
      .updateTable('companies')
      .set({
        deleted_at: at,
        deleted_by: viewer.userId,
        updated_at: at,
        updated_by: viewer.userId,
      })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    return { before, after: await readCompany(trx, id) };
  });
}

/**
 * Brings back a deleted company within the viewer's scope (the caller's `companies.read` scope:
 * the restore grant itself is plain). The search triggers re-index it (deleted_at changes), and
 * its documents, if nobody destroyed them, are reachable again. `not_found` for a missing id or one
 * out of scope, `conflict` when the company is not deleted; nothing is written then.
 */
export async function restoreCompany(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<CompanyChange> {
  return db.transaction().execute(async trx => {
    const before = await getCompany(trx, viewer, id, { includeDeleted: true });
    if (before.deletedAt === null) {
      throw new RecordError('conflict', 'This company is not deleted.');
    }
    const at = nextTime(now, before.updatedAt);
    const result = await trx
      .updateTable('companies')
      .set({ deleted_at: null, deleted_by: null, updated_at: at, updated_by: viewer.userId })
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .where(inScope('companies', viewer))
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) throw recordNotFound('company');
    return { before, after: await readCompany(trx, id) };
  });
}

/** Gives the company to another active user; to the current owner it changes nothing. */
export async function reassignCompany(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  newOwnerId: string,
  now: Date = new Date(),
): Promise<CompanyChange> {
  return db.transaction().execute(async trx => {
    const before = await getCompany(trx, viewer, id);
    const user = await trx
      .selectFrom('users')
      .select('status')
      .where('id', '=', newOwnerId)
      .executeTakeFirst();
    if (user?.status !== 'active') {
      throw new RecordError('invalid_input', 'The new owner must be an active user.');
    }
    if (before.ownerId === newOwnerId) return { before, after: before };
    await trx
      .updateTable('companies')
      .set({
        owner_id: newOwnerId,
        updated_at: nextTime(now, before.updatedAt),
        updated_by: viewer.userId,
      })
      .where('id', '=', id)
      .execute();
    return { before, after: await readCompany(trx, id) };
  });
}
