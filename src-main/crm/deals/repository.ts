/**
 * Deal records: read one, create, edit (optimistic concurrency), move to a stage (won/lost with a
 * reason), soft delete, reassign. Every statement that reads or writes a deal carries the caller's
 * scope in its WHERE (./scope.ts); a write is one transaction. Mutations return `{ before, after }`
 * so the handler can record field-level changes (the stage among them) in the audit log.
 */
import { inScope, UNSCOPED, type Viewer } from '../record/viewer';
import {
  applyPatch,
  edit,
  expectFresh,
  newRecordStamps,
  nextTime,
  reassignOwner,
  softDelete,
  staleMessage,
  type RecordAccess,
  recordCreated,
  recordChanged,
  storedRow,
} from '../record/changes';
import type { Database } from '../../vault/schema';
import { RecordError, recordNotFound } from '../record/errors';
import { newRecordId } from '../record-id';
import { sql, type Kysely } from 'kysely';
import type { Deal, DealInput, DealPatch } from '../../../src-shared/deals';
import { checkLinks, type LinkScopes } from './links';
import { defaultFirstStage, getStage } from './pipelines';
import { dealFields, fieldsToColumns, rowToDeal } from './tables';

/** A change to one deal: the record before and after (before is null for a new deal). */
export interface DealChange {
  before: Deal | null;
  after: Deal;
}

/** The deal row with owner, stage, contact and company names. */
export function dealQuery(k: Kysely<Database>) {
  return k
    .selectFrom('deals')
    .innerJoin('users', 'users.id', 'deals.owner_id')
    .innerJoin('pipeline_stages', 'pipeline_stages.id', 'deals.stage_id')
    .leftJoin('contacts', 'contacts.id', 'deals.contact_id')
    .leftJoin('companies', 'companies.id', 'deals.company_id')
    .selectAll('deals')
    .select([
      'users.display_name as owner_name',
      'pipeline_stages.name as stage_name',
      'pipeline_stages.outcome as outcome',
      sql<string | null>`trim(contacts.given_name || ' ' || contacts.surname)`.as('contact_name'),
      'companies.name as company_name',
    ]);
}

/**
 * The deal with this id if the viewer's scope reaches it (deleted ones only when asked); otherwise
 * `not_found` — the same for a missing id, another manager's deal and a deleted one.
 */
export async function getDeal(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<Deal> {
  const row = await dealQuery(db)
    .where('deals.id', '=', id)
    .where(inScope('deals', viewer))
    .$if(options.includeDeleted !== true, qb => qb.where('deals.deleted_at', 'is', null))
    .executeTakeFirst();
  if (!row) throw recordNotFound('deal');
  return rowToDeal(row);
}

/** The same deal, read without a scope (after a write the caller was allowed to make). */
export async function readDeal(db: Kysely<Database>, id: string): Promise<Deal> {
  return getDeal(db, UNSCOPED, id, { includeDeleted: true });
}

/**
 * Adds a deal owned by the creator (or `ownerId`, whom the caller checked: an import's chosen
 * owner), in `stageId` or the default pipeline's first stage. Links must be readable by the
 * creator (`not_found` otherwise).
 */
export async function createDeal(
  db: Kysely<Database>,
  actor: { userId: string },
  links: LinkScopes,
  input: DealInput,
  now: Date = new Date(),
  ownerId: string = actor.userId,
): Promise<DealChange> {
  return db.transaction().execute(async trx => {
    const stage = input.stageId ? await getStage(trx, input.stageId) : await defaultFirstStage(trx);
    if (stage.outcome === 'lost') {
      throw new RecordError('invalid_input', 'stageId: a new deal cannot start lost.', {
        fields: ['stageId'],
        codes: [{ field: 'stageId', code: 'deal.invalid' }],
      });
    }
    await checkLinks(trx, links, input);
    const at = nextTime(now);
    const id = newRecordId();
    await trx
      .insertInto('deals')
      .values({
        id,
        ...fieldsToColumns({
          title: input.title,
          amountMinor: input.amountMinor,
          currency: input.currency ?? 'UAH',
          probability: input.probability ?? stage.probability,
          expectedClose: input.expectedClose ?? null,
          contactId: input.contactId ?? null,
          companyId: input.companyId ?? null,
          notes: input.notes ?? null,
        }),
        pipeline_id: stage.pipelineId,
        stage_id: stage.id,
        lost_reason: null,
        closed_at: stage.outcome === 'won' ? at : null,
        ...newRecordStamps(actor.userId, at),
        owner_id: ownerId,
      })
      .execute();
    await recordCreated(trx, 'deals', id);
    return { before: null, after: await readDeal(trx, id) };
  });
}

/** How the shared writes (crm/record) reach this deal as the viewer may touch it. */
function deal(viewer: Viewer, id: string): RecordAccess<Deal> {
  return { table: 'deals', id, get: db => getDeal(db, viewer, id), read: db => readDeal(db, id) };
}

/**
 * Applies an edit if the deal is in scope and nobody saved it since the caller read it; newly set
 * links must be readable by the caller. Otherwise an error and nothing changes.
 */
export async function updateDeal(
  db: Kysely<Database>,
  viewer: Viewer,
  links: LinkScopes,
  id: string,
  patch: DealPatch,
  expectedUpdatedAt: string,
  now: Date = new Date(),
): Promise<DealChange> {
  const check = { expectedUpdatedAt, now, what: 'deal' };
  return edit(db, deal(viewer, id), check, async (trx, before, at, unchanged) => {
    await checkLinks(trx, links, {
      contactId: patch.contactId !== before.contactId ? patch.contactId : undefined,
      companyId: patch.companyId !== before.companyId ? patch.companyId : undefined,
    });
    return trx
      .updateTable('deals')
      .set({
        ...fieldsToColumns(applyPatch(dealFields(before), patch)),
        updated_at: at,
        updated_by: viewer.userId,
      })
      .where(unchanged)
      .executeTakeFirst();
  });
}

/**
 * Moves the deal to a stage (of any pipeline): it takes the stage's probability; entering a won
 * or lost stage closes it, entering a lost stage needs a reason (`deal.lost_reason_required`),
 * leaving one clears the reason. Moving to the stage it is in only updates the reason.
 */
export async function moveDeal(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  move: { stageId: string; expectedUpdatedAt: string; lostReason?: string | undefined },
  now: Date = new Date(),
): Promise<DealChange> {
  return db.transaction().execute(async trx => {
    const before = await getDeal(trx, viewer, id);
    expectFresh(before, move.expectedUpdatedAt, staleMessage('deal'));
    const stored = await storedRow(trx, 'deals', id);
    const stage = await getStage(trx, move.stageId);
    if (stage.outcome === 'lost' && !move.lostReason) {
      throw new RecordError('invalid_input', 'lostReason: a lost deal needs a reason.', {
        fields: ['lostReason'],
        codes: [{ field: 'lostReason', code: 'deal.lost_reason_required' }],
      });
    }
    const at = nextTime(now, before.updatedAt);
    const closing = stage.outcome !== 'open';
    const sameStage = stage.id === before.stageId;
    await trx
      .updateTable('deals')
      .set({
        pipeline_id: stage.pipelineId,
        stage_id: stage.id,
        probability: sameStage ? before.probability : stage.probability,
        lost_reason: stage.outcome === 'lost' ? (move.lostReason ?? null) : null,
        closed_at: closing ? (sameStage ? before.closedAt : at) : null,
        updated_at: at,
        updated_by: viewer.userId,
      })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    await recordChanged(trx, 'deals', id, stored);
    return { before, after: await readDeal(trx, id) };
  });
}

/** Soft delete: the deal leaves the board, lists and totals; the audit log keeps its history. */
export async function deleteDeal(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<DealChange> {
  return softDelete(db, deal(viewer, id), viewer.userId, now);
}

/** Gives the deal to another active user; to the current owner it changes nothing. */
export async function reassignDeal(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  newOwnerId: string,
  now: Date = new Date(),
): Promise<DealChange> {
  return reassignOwner(db, deal(viewer, id), { newOwnerId, actorId: viewer.userId, now });
}
