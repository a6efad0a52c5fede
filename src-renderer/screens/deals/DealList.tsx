/**
 * The deal list: filters (./DealFilters.tsx: text, stage, currency, amount, date created, custom
 * fields, only mine, saved filters), order, and the rows virtualized with
 * the record list's rows (components/records); pages come from SQL by keyset (`deals.list`) into
 * the deal list's paged store as the user scrolls. With bulk abilities, a box on each row and the
 * record lists' bulk bar (reassign, export, delete; deals carry no tags, so no tag action).
 */
import { Alert, Box, Center, Group, Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEAL_SORTS, type DealSort, type Pipeline } from '../../../src-shared/deals';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { BulkBar, type BulkAbilities } from '../../components/records/BulkBar';
import { useListFields } from '../../components/records/list-custom-fields';
import { selectionOf } from '../../components/records/selection';
import { useVirtualRows } from '../../components/records/use-virtual-rows';
import {
  amountBound,
  DealFilters,
  dealsFiltered,
  NO_DEAL_FILTERS,
  type DealFilterValues,
} from './DealFilters';
import { DealRow } from './DealRow';
import { dealsList, dealsPreset, forgetDealsPreset } from './store';

/** A row's height; with custom fields shown in the list, a third line holds their values. */
const ROW_HEIGHT = 56;
const ROW_HEIGHT_WITH_FIELDS = 74;

/** The list view. */
export function DealList(props: {
  pipeline: Pipeline;
  /** Every pipeline (names the stages of rows from other pipelines); default: just `pipeline`. */
  pipelines?: readonly Pipeline[] | undefined;
  userId: string;
  /** The "Manager" filter above the list (null: everyone in scope); it wins over "only mine". */
  ownerId: string | null;
  /** Changes reload the list. */
  refreshKey: number;
  onOpen: (id: string) => void;
  /** What the role may do with chosen deals (main decides again); none: no boxes, no bar. */
  bulk?: BulkAbilities | undefined;
}) {
  const { pipeline, userId, ownerId, refreshKey, onOpen } = props;
  const bulk = props.bulk && (props.bulk.reassign || props.bulk.delete || props.bulk.export);
  const { t } = useTranslation();
  const api = useApi();
  // A dashboard click-through's stage, or outcome and closing days, taken once.
  const [filters, setFilters] = useState<DealFilterValues>(() => {
    const preset = dealsPreset();
    return {
      ...NO_DEAL_FILTERS,
      stageId: preset.stageId ?? null,
      outcome: preset.outcome ?? null,
      closed: preset.closed ?? NO_DEAL_FILTERS.closed,
      allPipelines: preset.allPipelines ?? false,
    };
  });
  useEffect(forgetDealsPreset, []);
  // Typed text waits for a pause; every other filter asks at once.
  const [typedText] = useDebouncedValue(filters.text, 200);
  const [typedMin] = useDebouncedValue(filters.amountMin, 200);
  const [typedMax] = useDebouncedValue(filters.amountMax, 200);
  const { stageId, currency, mine, custom, created, outcome, closed, allPipelines } = filters;
  const text = typedText.trim();
  const amountMin = amountBound(typedMin);
  const amountMax = amountBound(typedMax);
  const [sort, setSort] = useState<DealSort>('updated');
  const items = dealsList.useStore(state => state.items);
  const status = dealsList.useStore(state => state.status);
  const error = dealsList.useStore(state => state.error);
  const next = dealsList.useStore(state => state.nextCursor);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The same array until the fields load again, so the memoised rows stay put while scrolling.
  const listFields = useListFields('deal');
  const rowHeight = listFields.length > 0 ? ROW_HEIGHT_WITH_FIELDS : ROW_HEIGHT;
  const selection = selectionOf(dealsList);
  const chosen = selection(state => state.ids);
  // One callback for every row (the rows are memoised); Shift ranges over the loaded rows.
  const onToggle = useCallback(
    (id: string, shift: boolean) => {
      const order = dealsList.useStore.getState().items.map(item => item.id);
      if (shift) selection.getState().range(id, order);
      else selection.getState().toggle(id);
    },
    [selection],
  );
  // Until the first page of this showing arrives (the list's filters live only while it shows).
  const loading = status === 'idle' || status === 'loading' || status === 'loading-more';

  useEffect(() => {
    dealsList.useStore.setState({
      query: {
        pipelineId: allPipelines ? '' : pipeline.id,
        text,
        stageId,
        currency,
        ownerId: ownerId ?? (mine ? userId : null),
        custom,
        created,
        amountMin,
        amountMax,
        outcome,
        closed,
        sort,
      },
    });
    void dealsList.loadFirstPage(api);
  }, [
    api,
    pipeline.id,
    text,
    stageId,
    currency,
    mine,
    userId,
    ownerId,
    custom,
    created,
    amountMin,
    amountMax,
    outcome,
    closed,
    allPipelines,
    sort,
    refreshKey,
  ]);
  // The next showing starts empty, as the filters do.
  useEffect(() => () => dealsList.useStore.setState(dealsList.useStore.getInitialState()), []);

  const loadMore = useCallback(() => void dealsList.loadNextPage(api), [api]);
  const { virtualizer, rows } = useVirtualRows({
    count: items.length,
    rowHeight,
    scrollRef,
    initialHeight: 560,
    prefetchRows: 10,
    canLoadMore: next !== null && status === 'ready',
    loadMore,
  });

  // The fields arrive after the first rows: lay the rows out again at their new height.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const stages = useMemo(
    () => new Map((props.pipelines ?? [pipeline]).flatMap(p => p.stages.map(s => [s.id, s]))),
    [props.pipelines, pipeline],
  );
  const filtered = dealsFiltered(filters) || ownerId !== null;

  return (
    <Box>
      <Group mb="sm" align="flex-end">
        <DealFilters
          pipeline={pipeline}
          manyPipelines={(props.pipelines?.length ?? 1) > 1}
          values={filters}
          onChange={setFilters}
        />
        <Select
          label={t('deals.sort.label')}
          data={DEAL_SORTS.map(s => ({ value: s, label: t(`deals.sort.${s}`) }))}
          value={sort}
          onChange={v => v && setSort(v as DealSort)}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {bulk && props.bulk ? (
        <Box mb="sm">
          <BulkBar list={dealsList} type="deals" abilities={{ ...props.bulk, tag: false }} />
        </Box>
      ) : null}
      {error ? (
        <Alert color="red" mb="sm">
          {errorText(t, error)}
        </Alert>
      ) : null}
      {!loading && items.length === 0 ? (
        <Center h={160}>
          <Text c="dimmed">{filtered ? t('deals.emptyFiltered') : t('deals.empty')}</Text>
        </Center>
      ) : (
        <div
          ref={scrollRef}
          style={{ height: 'calc(100vh - 260px)', minHeight: 320, overflow: 'auto' }}
          role="list"
          aria-label={t('deals.list')}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map(row => {
              const d = items[row.index];
              if (!d) return null;
              return (
                <DealRow
                  key={d.id}
                  deal={d}
                  top={row.start}
                  height={rowHeight}
                  stageName={stages.get(d.stageId)?.name ?? ''}
                  outcome={stages.get(d.stageId)?.outcome}
                  onOpen={onOpen}
                  listFields={listFields}
                  checked={bulk ? chosen.has(d.id) : undefined}
                  onToggle={bulk ? onToggle : undefined}
                />
              );
            })}
          </div>
          {loading ? (
            <Center py="sm">
              <Loader size="sm" />
            </Center>
          ) : null}
        </div>
      )}
    </Box>
  );
}
