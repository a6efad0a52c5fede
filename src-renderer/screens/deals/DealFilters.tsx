/**
 * The deal list's filters (issue 18, point 6): search text, stage, currency, custom fields, date
 * created, amount range (typed as money, "10 000" or "12 500,50"), "only mine", the stage outcome
 * and date closed with "all pipelines" (point 2: the dashboard's won/lost months), and the user's saved
 * filters of the deal list (`views.*`, list `deals`; the pipeline is kept, and picking a filter of
 * another pipeline switches the list to it). Main applies each filter in SQL next to the scope.
 */
import { Checkbox, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFilterCondition } from '../../../src-shared/custom-fields';
import {
  CURRENCIES,
  parseMoney,
  STAGE_OUTCOMES,
  type Currency,
  type Pipeline,
  type StageOutcome,
} from '../../../src-shared/deals';
import type { SavedFilter } from '../../../src-shared/ipc/views';
import { CreatedPeriodFilter } from '../../components/records/CreatedPeriodFilter';
import { ANY_CREATED, type CreatedFilter } from '../../components/records/created-range';
import { CustomFieldFilter } from '../../components/records/CustomFieldFilter';
import { SavedFilters, type SavedFilterCodec } from '../../components/records/SavedFilters';
import { useDealsStore } from './store';

/** What the deal list is filtered by, as the toolbar holds it. */
export interface DealFilterValues {
  text: string;
  stageId: string | null;
  currency: Currency | null;
  mine: boolean;
  custom: CustomFilterCondition[];
  created: CreatedFilter;
  /** As typed (major units); '' = open. */
  amountMin: string;
  amountMax: string;
  /** Deals in a stage of this outcome (open, won, lost). */
  outcome: StageOutcome | null;
  /** Date closed (won or lost): a period relative to today or custom days. */
  closed: CreatedFilter;
  /** Every pipeline's deals, not only the shown pipeline's (the dashboard's figures span them). */
  allPipelines: boolean;
}

/** No narrowing. */
export const NO_DEAL_FILTERS: DealFilterValues = {
  text: '',
  stageId: null,
  currency: null,
  mine: false,
  custom: [],
  created: ANY_CREATED,
  amountMin: '',
  amountMax: '',
  outcome: null,
  closed: ANY_CREATED,
  allPipelines: false,
};

/** A typed amount bound in minor units; undefined when empty or not an amount. */
export function amountBound(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseMoney(text.trim());
  return parsed.ok ? parsed.minor : undefined;
}

/** True when any filter narrows the list. */
export function dealsFiltered(values: DealFilterValues): boolean {
  return (
    values.text.trim() !== '' ||
    values.stageId !== null ||
    values.currency !== null ||
    values.mine ||
    values.custom.length > 0 ||
    values.created.period !== 'any' ||
    amountBound(values.amountMin) !== undefined ||
    amountBound(values.amountMax) !== undefined ||
    values.outcome !== null ||
    values.closed.period !== 'any' ||
    values.allPipelines
  );
}

/** The toolbar ⇄ a saved filter of the deal list. */
function codecOf(
  pipeline: Pipeline,
  values: DealFilterValues,
  onChange: (next: DealFilterValues) => void,
): SavedFilterCodec {
  return {
    current: () => ({
      pipelineId: pipeline.id,
      text: values.text,
      stageId: values.stageId ?? '',
      currency: values.currency ?? '',
      mine: values.mine,
      custom: values.custom,
      created: values.created,
      amountMin: values.amountMin,
      amountMax: values.amountMax,
      outcome: values.outcome ?? '',
      closed: values.closed,
      allPipelines: values.allPipelines,
    }),
    apply: (filter: SavedFilter['filter']) => {
      if (filter.pipelineId && filter.pipelineId !== pipeline.id) {
        useDealsStore.getState().selectPipeline(filter.pipelineId);
      }
      onChange({
        text: filter.text ?? '',
        stageId: filter.stageId || null,
        currency: CURRENCIES.find(c => c === filter.currency) ?? null,
        mine: filter.mine ?? false,
        custom: filter.custom ?? [],
        created: filter.created ?? ANY_CREATED,
        amountMin: filter.amountMin ?? '',
        amountMax: filter.amountMax ?? '',
        outcome: STAGE_OUTCOMES.find(o => o === filter.outcome) ?? null,
        closed: filter.closed ?? ANY_CREATED,
        allPipelines: filter.allPipelines ?? false,
      });
    },
  };
}

/** The filter fields above the deal list. */
export function DealFilters(props: {
  pipeline: Pipeline;
  /** More than one pipeline: offers "all pipelines". */
  manyPipelines?: boolean | undefined;
  values: DealFilterValues;
  onChange: (next: DealFilterValues) => void;
}) {
  const { pipeline, values, onChange } = props;
  const { t } = useTranslation();
  const set = (patch: Partial<DealFilterValues>) => onChange({ ...values, ...patch });
  const bad = (text: string) =>
    text.trim() !== '' && amountBound(text) === undefined ? t('deals.amountFilterBad') : null;
  return (
    <>
      <TextInput
        label={t('deals.search')}
        value={values.text}
        onChange={e => set({ text: e.currentTarget.value })}
        w={240}
      />
      <Select
        label={t('deals.field.stage')}
        placeholder={t('deals.anyStage')}
        data={pipeline.stages.map(s => ({ value: s.id, label: s.name }))}
        value={values.stageId}
        onChange={stageId => set({ stageId })}
        clearable
        w={180}
      />
      <Select
        label={t('deals.field.currency')}
        placeholder={t('deals.anyCurrency')}
        data={[...CURRENCIES]}
        value={values.currency}
        onChange={v => set({ currency: CURRENCIES.find(c => c === v) ?? null })}
        clearable
        w={140}
      />
      <TextInput
        label={t('deals.amountFrom')}
        value={values.amountMin}
        onChange={e => set({ amountMin: e.currentTarget.value })}
        error={bad(values.amountMin)}
        inputMode="decimal"
        maxLength={24}
        w={130}
      />
      <TextInput
        label={t('deals.amountTo')}
        value={values.amountMax}
        onChange={e => set({ amountMax: e.currentTarget.value })}
        error={bad(values.amountMax)}
        inputMode="decimal"
        maxLength={24}
        w={130}
      />
      <CreatedPeriodFilter value={values.created} onChange={created => set({ created })} />
      <Select
        label={t('deals.closedFilter.outcome')}
        placeholder={t('deals.closedFilter.anyOutcome')}
        data={STAGE_OUTCOMES.map(o => ({ value: o, label: t(`deals.closedFilter.outcomes.${o}`) }))}
        value={values.outcome}
        onChange={v => set({ outcome: STAGE_OUTCOMES.find(o => o === v) ?? null })}
        clearable
        w={150}
      />
      {/* Only closed deals have a closing date: offered once won or lost is chosen. */}
      {values.outcome === 'won' || values.outcome === 'lost' || values.closed.period !== 'any' ? (
        <CreatedPeriodFilter
          value={values.closed}
          onChange={closed => set({ closed })}
          labels={{
            period: t('deals.closedFilter.period'),
            from: t('deals.closedFilter.from'),
            to: t('deals.closedFilter.to'),
          }}
        />
      ) : null}
      <CustomFieldFilter
        recordType="deal"
        value={values.custom}
        onChange={custom => set({ custom })}
      />
      <Checkbox
        label={t('deals.mine')}
        checked={values.mine}
        onChange={e => set({ mine: e.currentTarget.checked })}
        mb={8}
      />
      {props.manyPipelines || values.allPipelines ? (
        <Checkbox
          label={t('deals.closedFilter.allPipelines')}
          checked={values.allPipelines}
          onChange={e => set({ allPipelines: e.currentTarget.checked })}
          mb={8}
        />
      ) : null}
      <SavedFilters list="deals" codec={codecOf(pipeline, values, onChange)} />
    </>
  );
}
