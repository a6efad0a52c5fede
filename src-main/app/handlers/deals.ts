/**
 * Handlers of the `deals` and `pipelines` channels. The router has checked the permission and
 * hands over its grant; the scope of that grant becomes the repository's `Viewer`, so it lands in
 * the SQL. Links are checked with the caller's own `contacts.read` / `companies.read` scopes. Every
 * change fills `ctx.audit` (entity `deal` or `pipeline`, field-level before/after; a move records
 * `stageId`/`stageName` before and after). Handlers never write audit entries themselves.
 */
import type { Deal, Pipeline } from '../../../src-shared/deals';
import type { dealsContract, pipelinesContract } from '../../../src-shared/ipc/deals';
import {
  addStage,
  createDeal,
  createPipeline,
  dealBoard,
  deleteDeal,
  getDeal,
  listDeals,
  listPipelines,
  moveDeal,
  reassignDeal,
  removeStage,
  renamePipeline,
  reorderStages,
  updateDeal,
  updateStage,
  type LinkScopes,
} from '../../crm/deals';
import { requireSession, type Handlers, type HandlerContext } from '../../ipc';
import {
  entityAudit,
  reachOf,
  requireVault,
  target,
  viewerOf,
  type RecordHandlerDeps,
} from './kit';

/** What the deal handlers need from the app: the session's vault and a clock. */
export type DealsHandlerDeps = RecordHandlerDeps;

/** The audit entity type of deals. */
export const DEAL_ENTITY = 'deal';
/** The audit entity type of pipelines. */
export const PIPELINE_ENTITY = 'pipeline';

/** The fields compared for the audit log (derived and bookkeeping fields left out). */
export function dealAuditView(d: Deal): Record<string, unknown> {
  return {
    title: d.title,
    amountMinor: d.amountMinor,
    currency: d.currency,
    probability: d.probability,
    expectedClose: d.expectedClose,
    contactId: d.contactId,
    companyId: d.companyId,
    notes: d.notes,
    pipelineId: d.pipelineId,
    stageName: d.stageName,
    lostReason: d.lostReason,
    ownerId: d.ownerId,
    deletedAt: d.deletedAt,
  };
}

function pipelineAuditView(p: Pipeline): Record<string, unknown> {
  return {
    name: p.name,
    stages: p.stages.map(
      s => `${s.name} (${s.probability}%${s.outcome === 'open' ? '' : `, ${s.outcome}`})`,
    ),
  };
}

/** The `deals` and `pipelines` features' handlers for the router. */
export function dealsHandlers(deps: DealsHandlerDeps): {
  deals: Handlers<{ deals: typeof dealsContract }>['deals'];
  pipelines: Handlers<{ pipelines: typeof pipelinesContract }>['pipelines'];
} {
  const now = deps.now ?? (() => new Date());

  const vault = () => requireVault(deps);
  const db = () => vault().db;
  const { record } = entityAudit(DEAL_ENTITY, dealAuditView);
  const { record: recordPipeline } = entityAudit(PIPELINE_ENTITY, pipelineAuditView);

  /** The caller's own reach into contacts and companies (for links). */
  function linksOf(ctx: HandlerContext<'contacts.read' | 'companies.read'>): LinkScopes {
    return {
      contacts: reachOf(ctx, ctx.grants['contacts.read']),
      companies: reachOf(ctx, ctx.grants['companies.read']),
    };
  }

  const deals: Handlers<{ deals: typeof dealsContract }>['deals'] = {
    list: async (ctx, input) => listDeals(db(), viewerOf(ctx), input),
    board: async (ctx, input) => dealBoard(db(), viewerOf(ctx), input),
    get: async (ctx, input) =>
      getDeal(db(), viewerOf(ctx), input.id, { includeDeleted: input.includeDeleted === true }),
    create: async (ctx, input) => {
      const session = requireSession(ctx);
      return record(ctx, await createDeal(db(), session, linksOf(ctx), input.deal, now()));
    },
    update: async (ctx, input) => {
      target(ctx, DEAL_ENTITY, input.id);
      const change = await updateDeal(
        db(),
        viewerOf(ctx),
        linksOf(ctx),
        input.id,
        input.patch,
        input.expectedUpdatedAt,
        now(),
      );
      return record(ctx, change);
    },
    move: async (ctx, input) => {
      target(ctx, DEAL_ENTITY, input.id);
      const change = await moveDeal(db(), viewerOf(ctx), input.id, input, now());
      return record(ctx, change);
    },
    delete: async (ctx, input) => {
      target(ctx, DEAL_ENTITY, input.id);
      const after = record(ctx, await deleteDeal(db(), viewerOf(ctx), input.id, now()));
      return { id: after.id, deletedAt: after.deletedAt ?? '' };
    },
    reassign: async (ctx, input) => {
      target(ctx, DEAL_ENTITY, input.id);
      return record(ctx, await reassignDeal(db(), viewerOf(ctx), input.id, input.ownerId, now()));
    },
  };

  const pipelines: Handlers<{ pipelines: typeof pipelinesContract }>['pipelines'] = {
    list: async () => listPipelines(db()),
    create: async (ctx, input) =>
      recordPipeline(ctx, await createPipeline(db(), input.name, undefined, now())),
    rename: async (ctx, input) => {
      target(ctx, PIPELINE_ENTITY, input.id);
      return recordPipeline(ctx, await renamePipeline(db(), input.id, input.name, now()));
    },
    addStage: async (ctx, input) => {
      target(ctx, PIPELINE_ENTITY, input.pipelineId);
      return recordPipeline(
        ctx,
        await addStage(db(), input.pipelineId, input.stage, input.position, now()),
      );
    },
    updateStage: async (ctx, input) =>
      recordPipeline(
        ctx,
        await updateStage(
          db(),
          input.stageId,
          { name: input.name, probability: input.probability },
          now(),
        ),
      ),
    reorderStages: async (ctx, input) => {
      target(ctx, PIPELINE_ENTITY, input.pipelineId);
      return recordPipeline(
        ctx,
        await reorderStages(db(), input.pipelineId, input.stageIds, now()),
      );
    },
    removeStage: async (ctx, input) => {
      const session = requireSession(ctx);
      const change = await removeStage(db(), input.stageId, input.moveTo, session.userId, now());
      ctx.audit.details = { stageId: input.stageId, movedDeals: change.movedDeals };
      return recordPipeline(ctx, change);
    },
  };

  return { deals, pipelines };
}
