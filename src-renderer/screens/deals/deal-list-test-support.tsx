/**
 * The deal list's tests share these (DealList, DealFilters, DealBulk, DealMoney): a numbered row
 * of the list and the list rendered as the deals screen shows it for user u-1 in {@link PIPELINE}.
 * Never imported by the app.
 */
import type { DealSummary, Pipeline } from '../../../src-shared/deals';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { BulkAbilities } from '../../components/records/BulkBar';
import { renderWithApp } from '../../components/records/records-test-support';
import { PIPELINE } from './deals-test-support';
import { DealList } from './DealList';

/** Deal `d-<n>` "Поставка <n>", 12 500,50 ₴ in the new stage, Олена Коваленко's (u-1). */
export function dealRow(n: number, fields: Partial<DealSummary> = {}): DealSummary {
  return {
    id: `d-${n}`,
    ownerId: 'u-1',
    ownerName: 'Олена Коваленко',
    title: `Поставка ${n}`,
    amountMinor: 1_250_050,
    currency: 'UAH',
    probability: 10,
    expectedClose: null,
    pipelineId: 'pipe-1',
    stageId: 's-new',
    lostReason: null,
    contactId: null,
    contactName: null,
    companyId: null,
    companyName: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...fields,
  };
}

/** Renders the deal list of {@link PIPELINE} for u-1, everyone's deals, with these bulk rights. */
export function showDealList(
  api: ZamokApi,
  o: {
    bulk?: BulkAbilities | undefined;
    language?: 'uk' | 'en';
    /** Every pipeline (the «Усі воронки» filter); default: the one shown. */
    pipelines?: readonly Pipeline[];
  } = {},
) {
  return renderWithApp(
    api,
    <DealList
      pipeline={PIPELINE}
      pipelines={o.pipelines}
      userId="u-1"
      ownerId={null}
      refreshKey={0}
      onOpen={() => undefined}
      bulk={o.bulk}
    />,
    o.language,
  );
}
