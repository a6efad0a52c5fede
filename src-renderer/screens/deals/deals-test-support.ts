/** Sample pipeline for the deals screens' tests. Never imported by the app. */
import type { Pipeline } from '../../../src-shared/deals';

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
