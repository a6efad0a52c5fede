/**
 * Pipelines and their stages: shared configuration (no owner, no scope), read by everyone who
 * reads deals and changed by `pipelines.manage` holders. Mutations return `{ before, after }` for
 * the audit log. A stage that still holds deals (deleted ones too: they keep pointing at it) is
 * removed only together with moving them to another stage of the same pipeline.
 */
import { nextTime } from '../record/changes';
import type { Database } from '../../vault/schema';
import { RecordError } from '../record/errors';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Pipeline, PipelineStage, StageInput } from '../../../src-shared/deals';

/** A change to one pipeline (before is null for a new one). */
export interface PipelineChange {
  before: Pipeline | null;
  after: Pipeline;
}

/** The stages a new pipeline gets: the same as the default one's. */
export const STANDARD_STAGES: readonly StageInput[] = [
  { name: 'Нова', probability: 10, outcome: 'open' },
  { name: 'Кваліфікація', probability: 25, outcome: 'open' },
  { name: 'Пропозиція', probability: 50, outcome: 'open' },
  { name: 'Переговори', probability: 75, outcome: 'open' },
  { name: 'Виграно', probability: 100, outcome: 'won' },
  { name: 'Програно', probability: 0, outcome: 'lost' },
];

function pipelineNotFound(): RecordError {
  return new RecordError('not_found', 'No such pipeline or stage.');
}

/** Every pipeline with its stages in order, the default first. */
export async function listPipelines(db: Kysely<Database>): Promise<Pipeline[]> {
  const k = db;
  const pipelines = await k
    .selectFrom('pipelines')
    .selectAll()
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
  const stages = await k
    .selectFrom('pipeline_stages')
    .selectAll()
    .orderBy('pipeline_id')
    .orderBy('position')
    .execute();
  return pipelines.map(p => ({
    id: p.id,
    name: p.name,
    isDefault: p.is_default === 1,
    updatedAt: p.updated_at,
    stages: stages.filter(s => s.pipeline_id === p.id).map(toStage),
  }));
}

function toStage(s: {
  id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  outcome: PipelineStage['outcome'];
}): PipelineStage {
  return {
    id: s.id,
    pipelineId: s.pipeline_id,
    name: s.name,
    position: s.position,
    probability: s.probability,
    outcome: s.outcome,
  };
}

/** One pipeline; `not_found` when there is none with this id. */
export async function getPipeline(db: Kysely<Database>, id: string): Promise<Pipeline> {
  const found = (await listPipelines(db)).find(p => p.id === id);
  if (!found) throw pipelineNotFound();
  return found;
}

/** One stage; `not_found` when there is none with this id. */
export async function getStage(db: Kysely<Database>, id: string): Promise<PipelineStage> {
  const row = await db
    .selectFrom('pipeline_stages')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw pipelineNotFound();
  return toStage(row);
}

/** The first stage of the default pipeline (where new deals land). */
export async function defaultFirstStage(db: Kysely<Database>): Promise<PipelineStage> {
  const row = await db
    .selectFrom('pipeline_stages')
    .innerJoin('pipelines', 'pipelines.id', 'pipeline_stages.pipeline_id')
    .selectAll('pipeline_stages')
    .where('pipelines.is_default', '=', 1)
    .orderBy('pipeline_stages.position')
    .executeTakeFirst();
  if (!row) throw pipelineNotFound();
  return toStage(row);
}

async function touch(k: Kysely<Database>, pipeline: Pipeline, now: Date, name?: string) {
  await k
    .updateTable('pipelines')
    .set({ updated_at: nextTime(now, pipeline.updatedAt), ...(name ? { name } : {}) })
    .where('id', '=', pipeline.id)
    .execute();
}

/** Writes positions 0..n-1 in the given order. */
async function renumber(k: Kysely<Database>, stageIds: readonly string[]) {
  for (const [position, id] of stageIds.entries()) {
    await k.updateTable('pipeline_stages').set({ position }).where('id', '=', id).execute();
  }
}

/** A new pipeline with the standard stages (or the given ones). */
export async function createPipeline(
  db: Kysely<Database>,
  name: string,
  stages: readonly StageInput[] = STANDARD_STAGES,
  now: Date = new Date(),
): Promise<PipelineChange> {
  return db.transaction().execute(async trx => {
    const id = randomUUID();
    const at = nextTime(now);
    await trx
      .insertInto('pipelines')
      .values({ id, name, is_default: 0, created_at: at, updated_at: at })
      .execute();
    for (const [position, s] of stages.entries()) {
      await trx
        .insertInto('pipeline_stages')
        .values({ id: randomUUID(), pipeline_id: id, position, ...s })
        .execute();
    }
    return { before: null, after: await getPipeline(trx, id) };
  });
}

/** Renames a pipeline. */
export async function renamePipeline(
  db: Kysely<Database>,
  id: string,
  name: string,
  now: Date = new Date(),
): Promise<PipelineChange> {
  return db.transaction().execute(async trx => {
    const before = await getPipeline(trx, id);
    await touch(trx, before, now, name);
    return { before, after: await getPipeline(trx, id) };
  });
}

/** Adds a stage at `position` (default: before the first won/lost stage, else last). */
export async function addStage(
  db: Kysely<Database>,
  pipelineId: string,
  stage: StageInput,
  position: number | undefined,
  now: Date = new Date(),
): Promise<PipelineChange> {
  return db.transaction().execute(async trx => {
    const before = await getPipeline(trx, pipelineId);
    if (before.stages.length >= 20) {
      throw new RecordError('invalid_input', 'A pipeline can have at most 20 stages.');
    }
    const firstClosed = before.stages.findIndex(s => s.outcome !== 'open');
    const fallback = firstClosed < 0 ? before.stages.length : firstClosed;
    const at = Math.min(Math.max(position ?? fallback, 0), before.stages.length);
    const id = randomUUID();
    await trx
      .insertInto('pipeline_stages')
      .values({ id, pipeline_id: pipelineId, position: before.stages.length, ...stage })
      .execute();
    const order = before.stages.map(s => s.id);
    order.splice(at, 0, id);
    await renumber(trx, order);
    await touch(trx, before, now);
    return { before, after: await getPipeline(trx, pipelineId) };
  });
}

/** Renames a stage or changes its default probability. */
export async function updateStage(
  db: Kysely<Database>,
  stageId: string,
  patch: { name?: string | undefined; probability?: number | undefined },
  now: Date = new Date(),
): Promise<PipelineChange> {
  return db.transaction().execute(async trx => {
    const stage = await getStage(trx, stageId);
    const before = await getPipeline(trx, stage.pipelineId);
    await trx
      .updateTable('pipeline_stages')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.probability !== undefined ? { probability: patch.probability } : {}),
      })
      .where('id', '=', stageId)
      .execute();
    await touch(trx, before, now);
    return { before, after: await getPipeline(trx, stage.pipelineId) };
  });
}

/** Puts the stages in the given order; `stageIds` must be exactly the pipeline's stages. */
export async function reorderStages(
  db: Kysely<Database>,
  pipelineId: string,
  stageIds: readonly string[],
  now: Date = new Date(),
): Promise<PipelineChange> {
  return db.transaction().execute(async trx => {
    const before = await getPipeline(trx, pipelineId);
    const current = before.stages.map(s => s.id).sort();
    if (
      stageIds.length !== current.length ||
      [...stageIds].sort().some((id, i) => id !== current[i])
    ) {
      throw new RecordError('invalid_input', 'stageIds: not the stages of this pipeline.', {
        fields: ['stageIds'],
        codes: [{ field: 'stageIds', code: 'deal.stages_mismatch' }],
      });
    }
    await renumber(trx, stageIds);
    await touch(trx, before, now);
    return { before, after: await getPipeline(trx, pipelineId) };
  });
}

/**
 * Removes a stage. While deals (live or deleted) sit in it: `conflict` with details
 * `{ reason: 'stage_has_deals', deals: n }` (live ones counted) unless `moveTo` names another stage
 * of the same pipeline, where they all go first (their probability becomes that stage's). The last
 * stage of a pipeline stays.
 */
export async function removeStage(
  db: Kysely<Database>,
  stageId: string,
  moveTo: string | undefined,
  actorId: string,
  now: Date = new Date(),
): Promise<PipelineChange & { movedDeals: number }> {
  return db.transaction().execute(async trx => {
    const stage = await getStage(trx, stageId);
    const before = await getPipeline(trx, stage.pipelineId);
    if (before.stages.length <= 1) {
      throw new RecordError('conflict', 'A pipeline keeps at least one stage.', {
        reason: 'last_stage',
      });
    }
    const held = await trx
      .selectFrom('deals')
      .select(eb => [
        eb.fn.countAll<number>().as('all'),
        eb.fn
          .sum<number>(eb.case().when('deleted_at', 'is', null).then(1).else(0).end())
          .as('live'),
      ])
      .where('stage_id', '=', stageId)
      .executeTakeFirstOrThrow();
    let movedDeals = 0;
    if (Number(held.all) > 0) {
      const target = moveTo
        ? before.stages.find(s => s.id === moveTo && s.id !== stageId)
        : undefined;
      if (!target) {
        throw new RecordError(
          'conflict',
          'This stage still has deals. Move them to another stage first.',
          { reason: 'stage_has_deals', deals: Number(held.live ?? 0) },
        );
      }
      const at = nextTime(now, before.updatedAt);
      await trx
        .updateTable('deals')
        .set({
          stage_id: target.id,
          probability: target.probability,
          lost_reason: target.outcome === 'lost' ? 'Етап видалено' : null,
          closed_at: target.outcome === 'open' ? null : at,
          updated_at: at,
          updated_by: actorId,
        })
        .where('stage_id', '=', stageId)
        .execute();
      movedDeals = Number(held.live ?? 0);
    }
    await trx.deleteFrom('pipeline_stages').where('id', '=', stageId).execute();
    await renumber(
      trx,
      before.stages.filter(s => s.id !== stageId).map(s => s.id),
    );
    await touch(trx, before, now);
    return { before, after: await getPipeline(trx, stage.pipelineId), movedDeals };
  });
}
