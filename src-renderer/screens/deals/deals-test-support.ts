/** Sample pipeline and deal for the deals screens' tests. Never imported by the app. */
import type { Deal, Pipeline } from '../../../src-shared/deals';

/** "Продажі": a new, a won and a lost stage. */
export const PIPELINE: Pipeline = {
  id: 'pipe-1',
  name: 'Продажі',
  isDefault: true,
  updatedAt: '2026-11-01T10:00:00.000Z',
  stages: [
    {
      id: 's-new',
      pipelineId: 'pipe-1',
      name: 'Новий',
      position: 0,
      probability: 10,
      outcome: 'open',
    },
    {
      id: 's-won',
      pipelineId: 'pipe-1',
      name: 'Виграно',
      position: 1,
      probability: 100,
      outcome: 'won',
    },
    {
      id: 's-lost',
      pipelineId: 'pipe-1',
      name: 'Програно',
      position: 2,
      probability: 0,
      outcome: 'lost',
    },
  ],
};

/** "Поставка борошна", 12 500,50 ₴ in the new stage of {@link PIPELINE}, owned by the head. */
export const DEAL: Deal = {
  id: 'deal-1',
  title: 'Поставка борошна',
  amountMinor: 1250050,
  currency: 'UAH',
  probability: 10,
  expectedClose: null,
  contactId: null,
  companyId: null,
  notes: null,
  ownerId: 'u-head',
  ownerName: 'Ганна Бойко',
  pipelineId: 'pipe-1',
  stageId: 's-new',
  stageName: 'Новий',
  outcome: 'open',
  lostReason: null,
  closedAt: null,
  contactName: null,
  companyName: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'u-head',
  updatedAt: '2026-11-01T10:00:00.000Z',
  updatedBy: 'u-head',
  deletedAt: null,
  deletedBy: null,
};
