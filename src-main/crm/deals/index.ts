/**
 * Deals and pipelines, the main-process half: scoped repository functions over the vault database.
 * The scope always comes from the caller's role (a `Viewer` built from the `deals.*` grant) and
 * always ends up in the SQL. Pipelines are shared configuration (`pipelines.manage` changes them).
 */
export { dealBoard, listDeals, type DealListQuery } from './list';
export { checkLinks, type LinkScopes } from './links';
export {
  STANDARD_STAGES,
  addStage,
  createPipeline,
  defaultFirstStage,
  getPipeline,
  getStage,
  listPipelines,
  removeStage,
  renamePipeline,
  reorderStages,
  updateStage,
  type PipelineChange,
} from './pipelines';
export {
  createDeal,
  deleteDeal,
  getDeal,
  moveDeal,
  readDeal,
  reassignDeal,
  updateDeal,
  type DealChange,
} from './repository';
export type { Viewer } from '../record/viewer';
