/**
 * Deal and pipeline channels. The caller's scope (own / team / all) is never part of the input:
 * the router hands the handler the grant of the channel's permission, and the repository puts it
 * into the SQL. Links to a contact or company are checked against the caller's own `contacts.read`
 * / `companies.read` scope in main (unreadable → `not_found`). Reads are not audited; every change
 * is, with field-level before/after — a stage change (`deals.move`) records the stage before and
 * after.
 */
import { z } from 'zod';
import { SORT_DIRECTIONS } from '../contacts';
import {
  CURRENCIES,
  DEAL_SORTS,
  STAGE_OUTCOMES,
  dealIdSchema,
  dealInputSchema,
  dealPatchSchema,
  lostReasonSchema,
  pipelineNameSchema,
  probabilitySchema,
  stageInputSchema,
  type Deal,
  type DealBoard,
  type DealListPage,
  type Pipeline,
} from '../deals';
import { customFilterSchema } from '../custom-fields/schema';
import { instantSchema } from './contacts';
import { channel } from './contract';

/** The result of delete. */
export interface DealDeleteResult {
  id: string;
  deletedAt: string;
}

/** An amount range bound in minor units (the deal amount's own limit bounds it too). */
const amountBoundSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The parsed `deals.list` input. */
export const dealListInputSchema = z
  .object({
    sort: z.enum(DEAL_SORTS).default('updated'),
    direction: z.enum(SORT_DIRECTIONS).default('desc'),
    filter: z
      .object({
        text: z.string().trim().max(100).optional(),
        pipelineId: dealIdSchema.optional(),
        stageId: dealIdSchema.optional(),
        ownerId: dealIdSchema.optional(),
        currency: z.enum(CURRENCIES).optional(),
        outcome: z.enum(STAGE_OUTCOMES).optional(),
        /** Custom field conditions, all of which must hold (src-main/crm/custom-fields/filter.ts). */
        custom: customFilterSchema.optional(),
        /** Created at or after / before these instants (the renderer turns local days into them). */
        createdFrom: instantSchema.optional(),
        createdBefore: instantSchema.optional(),
        /** Amount at least / at most, in integer minor units (both inclusive; any currency). */
        amountMin: amountBoundSchema.optional(),
        amountMax: amountBoundSchema.optional(),
        /**
         * Closed (moved to a won or lost stage) at or after / before these instants: with
         * `outcome`, the deals behind a month of the dashboard's won/lost chart.
         */
        closedFrom: instantSchema.optional(),
        closedBefore: instantSchema.optional(),
      })
      .strict()
      .default({}),
    cursor: z.string().max(2000).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

const token = z.string().min(1).max(40);

/** The caller's reach into the records a deal links to (checked with their own read scopes). */
const LINK_SCOPES = ['contacts.read', 'companies.read'] as const;

export const dealsContract = {
  /** One page of the live deals in the caller's scope (list view, a board column's "show more"). */
  list: channel<DealListPage>()({
    input: dealListInputSchema,
    permission: 'deals.read',
    audit: false,
  }),
  /** A pipeline's kanban board: first `limit` cards per stage, counts and totals per currency. */
  board: channel<DealBoard>()({
    input: z
      .object({
        pipelineId: dealIdSchema,
        ownerId: dealIdSchema.optional(),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    permission: 'deals.read',
    audit: false,
  }),
  /** One deal; `not_found` for an id out of scope (same as a missing one). */
  get: channel<Deal>()({
    input: z.object({ id: dealIdSchema, includeDeleted: z.boolean().optional() }).strict(),
    permission: 'deals.read',
    audit: false,
  }),
  /** A new deal owned by the caller. Field problems come back as `deal.<issue>` codes. */
  create: channel<Deal>()({
    input: z.object({ deal: dealInputSchema }).strict(),
    permission: 'deals.create',
    grants: LINK_SCOPES,
  }),
  /** An edit (not the stage); `conflict` when someone saved the deal after `expectedUpdatedAt`. */
  update: channel<Deal>()({
    input: z
      .object({ id: dealIdSchema, patch: dealPatchSchema, expectedUpdatedAt: token })
      .strict(),
    permission: 'deals.update',
    grants: LINK_SCOPES,
  }),
  /**
   * A stage change (board drag, keyboard move, won/lost). A lost stage needs `lostReason`
   * (`deal.lost_reason_required`). Audited with the stage before and after.
   */
  move: channel<Deal>()({
    input: z
      .object({
        id: dealIdSchema,
        stageId: dealIdSchema,
        expectedUpdatedAt: token,
        lostReason: lostReasonSchema.optional(),
      })
      .strict(),
    permission: 'deals.update',
  }),
  /** Soft delete. */
  delete: channel<DealDeleteResult>()({
    input: z.object({ id: dealIdSchema }).strict(),
    permission: 'deals.delete',
  }),
  /** Gives the deal to another active user. */
  reassign: channel<Deal>()({
    input: z.object({ id: dealIdSchema, ownerId: dealIdSchema }).strict(),
    permission: 'deals.reassign',
  }),
} as const;

export const pipelinesContract = {
  /** Every pipeline with its stages (shared configuration: everyone who reads deals). */
  list: channel<Pipeline[]>()({
    input: z.object({}).strict(),
    permission: 'deals.read',
    audit: false,
  }),
  /** A new pipeline with the standard stages. */
  create: channel<Pipeline>()({
    input: z.object({ name: pipelineNameSchema }).strict(),
    permission: 'pipelines.manage',
  }),
  /** Renames a pipeline. */
  rename: channel<Pipeline>()({
    input: z.object({ id: dealIdSchema, name: pipelineNameSchema }).strict(),
    permission: 'pipelines.manage',
  }),
  /** Adds a stage (by default before the won/lost stages). */
  addStage: channel<Pipeline>()({
    input: z
      .object({
        pipelineId: dealIdSchema,
        stage: stageInputSchema,
        position: z.number().int().min(0).max(50).optional(),
      })
      .strict(),
    permission: 'pipelines.manage',
  }),
  /** Renames a stage or changes its default probability. */
  updateStage: channel<Pipeline>()({
    input: z
      .object({
        stageId: dealIdSchema,
        name: stageInputSchema.shape.name.optional(),
        probability: probabilitySchema.optional(),
      })
      .strict()
      .refine(p => p.name !== undefined || p.probability !== undefined, {
        error: 'deal.patch_empty',
      }),
    permission: 'pipelines.manage',
  }),
  /** Puts the stages in this order (exactly the pipeline's stages, else `deal.stages_mismatch`). */
  reorderStages: channel<Pipeline>()({
    input: z
      .object({ pipelineId: dealIdSchema, stageIds: z.array(dealIdSchema).min(1).max(50) })
      .strict(),
    permission: 'pipelines.manage',
  }),
  /**
   * Removes a stage. With deals in it: `conflict` (details `{ reason: 'stage_has_deals', deals }`)
   * unless `moveTo` names another stage of the same pipeline to move them to first.
   */
  removeStage: channel<Pipeline>()({
    input: z.object({ stageId: dealIdSchema, moveTo: dealIdSchema.optional() }).strict(),
    permission: 'pipelines.manage',
  }),
} as const;
