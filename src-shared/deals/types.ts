/** Deal and pipeline types as the bridge carries them (camelCase; stored form: src-main/crm/deals). */
import type { SortDirection } from '../contacts';
import type { CustomValues } from '../custom-fields/types';
import type { Currency, StageOutcome } from './codes';

export type { SortDirection };

/** One stage of a pipeline (a kanban column). */
export interface PipelineStage {
  id: string;
  pipelineId: string;
  name: string;
  /** 0-based order in the pipeline. */
  position: number;
  /** Default win probability (%) a deal takes when it enters the stage. */
  probability: number;
  outcome: StageOutcome;
}

/** A pipeline with its stages in order. */
export interface Pipeline {
  id: string;
  name: string;
  /** The default pipeline: new deals land in its first stage unless told otherwise. */
  isDefault: boolean;
  stages: PipelineStage[];
  updatedAt: string;
}

/** The editable fields of a deal, normalised. */
export interface DealFields {
  title: string;
  /** Integer minor units (kopecks). */
  amountMinor: number;
  currency: Currency;
  /** Win probability, %. */
  probability: number;
  /** Expected close date, YYYY-MM-DD. */
  expectedClose: string | null;
  contactId: string | null;
  companyId: string | null;
  notes: string | null;
}

/** A whole deal (detail view). */
export interface Deal extends DealFields {
  id: string;
  ownerId: string;
  ownerName: string;
  pipelineId: string;
  stageId: string;
  stageName: string;
  outcome: StageOutcome;
  /** Why the deal was lost (set only while it sits in a lost stage). */
  lostReason: string | null;
  /** When it entered a won or lost stage. */
  closedAt: string | null;
  contactName: string | null;
  companyName: string | null;
  createdAt: string;
  createdBy: string;
  /** Pass back as `expectedUpdatedAt` when saving an edit or moving (optimistic concurrency). */
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  deletedBy: string | null;
}

/** One row of the list, one card of the board. */
export interface DealSummary {
  id: string;
  ownerId: string;
  ownerName: string;
  title: string;
  amountMinor: number;
  currency: Currency;
  probability: number;
  expectedClose: string | null;
  pipelineId: string;
  stageId: string;
  lostReason: string | null;
  contactId: string | null;
  contactName: string | null;
  companyId: string | null;
  companyName: string | null;
  createdAt: string;
  updatedAt: string;
  /** Values of the custom fields marked "show in list" (others left out), by field id. */
  custom?: CustomValues;
}

/** List orders: last change, creation, title, amount. */
export const DEAL_SORTS = ['updated', 'created', 'title', 'amount'] as const;
export type DealSort = (typeof DEAL_SORTS)[number];

/** One page; pass `nextCursor` back for the next page (null on the last one). */
export interface DealListPage {
  items: DealSummary[];
  nextCursor: string | null;
}

/** The sum of a stage's amounts in one currency (computed in SQL). */
export interface CurrencyTotal {
  currency: Currency;
  amountMinor: number;
}

/** One kanban column: the first cards of a stage, how many there are, their totals. */
export interface BoardColumn {
  stageId: string;
  items: DealSummary[];
  /** Pass to `deals.list` with `filter.stageId` and sort `updated` desc for more cards. */
  nextCursor: string | null;
  count: number;
  totals: CurrencyTotal[];
}

/** The board of one pipeline as far as the caller's scope reaches. */
export interface DealBoard {
  pipeline: Pipeline;
  columns: BoardColumn[];
}
