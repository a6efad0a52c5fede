/**
 * Company records: read one, create, edit (optimistic concurrency), soft delete, restore, reassign. Small
 * kysely functions, `db` first, clock injectable (`now`). Every statement that reads or writes a
 * company carries the caller's scope in its WHERE (`inScope`); a write is one transaction
 * (the shared writes: src-main/crm/record/changes.ts).
 * Mutations return `{ before, after }` so the handler can record field-level changes in the audit log.
 */
import { ownerNameSql } from '../record/owner-name';
import { inScope, type Viewer } from '../record/viewer';
import {
  applyPatch,
  edit,
  newRecordStamps,
  nextTime,
  reassignOwner,
  restore,
  softDelete,
  type RecordAccess,
  recordCreated,
} from '../record/changes';
import type { Database } from '../../vault/schema';
import { recordNotFound } from '../record/errors';
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
    .selectAll('companies')
    .select(ownerNameSql('companies'))
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

/** The stored columns of a new company's fields (missing optional fields empty). */
export function companyInputColumns(input: CompanyInput) {
  return fieldsToColumns({
    name: input.name,
    edrpou: input.edrpou ?? null,
    rnokpp: input.rnokpp ?? null,
    legalAddress: input.legalAddress ?? null,
    actualAddress: input.actualAddress ?? null,
    phones: input.phones ?? [],
    website: input.website ?? null,
    notes: input.notes ?? null,
  });
}

/**
 * Adds a company owned by the creator (or by `ownerId`, an active user the caller checked may
 * receive it: imports for a colleague). `input` is parsed by `companyInputSchema`.
 */
export async function createCompany(
  db: Kysely<Database>,
  actor: { userId: string },
  input: CompanyInput,
  now: Date = new Date(),
  ownerId: string = actor.userId,
): Promise<CompanyChange> {
  const at = nextTime(now);
  const id = newRecordId();
  const columns = companyInputColumns(input);
  return db.transaction().execute(async trx => {
    await trx
      .insertInto('companies')
      .values({
        id,
        ...columns,
        ...newRecordStamps(actor.userId, at),
        owner_id: ownerId,
      })
      .execute();
    await recordCreated(trx, 'companies', id);
    return { before: null, after: await readCompany(trx, id) };
  });
}

/** How the shared writes (crm/record) reach this company as the viewer may touch it. */
function company(viewer: Viewer, id: string, includeDeleted = false): RecordAccess<Company> {
  return {
    table: 'companies',
    id,
    get: db => getCompany(db, viewer, id, { includeDeleted }),
    read: db => readCompany(db, id),
  };
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
  const check = { expectedUpdatedAt, now, what: 'company' };
  return edit(db, company(viewer, id), check, (trx, before, at, unchanged) =>
    trx
      .updateTable('companies')
      .set({
        ...fieldsToColumns(applyPatch(companyFields(before), patch)),
        updated_at: at,
        updated_by: viewer.userId,
      })
      .where(unchanged)
      .executeTakeFirst(),
  );
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
  return softDelete(db, company(viewer, id), viewer.userId, now);
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
  return restore(db, company(viewer, id, true), viewer, now, 'This company is not deleted.');
}

/** Gives the company to another active user; to the current owner it changes nothing. */
export async function reassignCompany(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  newOwnerId: string,
  now: Date = new Date(),
): Promise<CompanyChange> {
  return reassignOwner(db, company(viewer, id), { newOwnerId, actorId: viewer.userId, now });
}
