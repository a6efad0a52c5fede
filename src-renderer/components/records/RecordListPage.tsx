/**
 * A record list page: title and "N shown", the toolbar, the error with its retry, the first load,
 * the empty and "no matches" states, and the rows. Coming back from a record keeps the loaded pages
 * and the selection; a new query or a new opening of the section reloads. Words: `<ns>.list.*`.
 */
import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import type { BaseQuery, PagedList, RecordRow } from './paged-list';
import { RecordListbox, type ListNames } from './RecordListbox';
import type { RecordListProps } from './RecordScreen';
import { RecordToolbar } from './RecordToolbar';

/** The list page of a paged list. */
export function RecordListPage<S extends RecordRow, Q, R extends RecordRow, E>(props: {
  list: PagedList<S, Q, R, E>;
  ns: string;
  /** This opening of the section (see `PagedListState.loadedVisit`). */
  visit: number;
  /** The query narrows the list: an empty answer offers "Reset filters" instead of "Add". */
  filtered: boolean;
  canCreate: boolean;
  onNew: () => void;
  toolbar: ReactNode;
  rows: ReactNode;
}) {
  const { list, ns } = props;
  const { t } = useTranslation();
  const api = useApi();
  const { query, items, status, error, nextCursor, setQuery } = list.useStore(
    useShallow(state => ({
      query: state.query,
      items: state.items,
      status: state.status,
      error: state.error,
      nextCursor: state.nextCursor,
      setQuery: state.setQuery,
    })),
  );
  const { visit } = props;

  useEffect(() => {
    const state = list.useStore.getState();
    if (state.loadedQuery !== query || state.loadedVisit !== visit)
      void list.loadFirstPage(api, visit);
  }, [list, api, query, visit]);

  const empty = status === 'ready' && items.length === 0;
  const retry = () => (items.length > 0 ? list.retryNextPage(api) : list.loadFirstPage(api));

  return (
    <Stack gap="md" h="calc(100dvh - 60px - 2 * var(--mantine-spacing-xl))">
      <Group justify="space-between" align="baseline">
        <Title order={1}>{t(`${ns}.title`)}</Title>
        {items.length > 0 ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t(`${ns}.list.shown`, { count: items.length })}
            {nextCursor ? '+' : ''}
          </Text>
        ) : null}
      </Group>
      {props.toolbar}
      {error ? (
        <Alert color="red" variant="light" role="alert">
          <Group justify="space-between">
            <span>{errorText(t, error)}</span>
            <Button variant="white" size="xs" onClick={() => void retry()}>
              {t(`${ns}.list.retry`)}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {status === 'loading' && items.length === 0 ? (
        <Center py="xl">
          <Group gap="sm">
            <Loader size="sm" />
            <Text c="dimmed">{t(`${ns}.list.loading`)}</Text>
          </Group>
        </Center>
      ) : null}
      {empty ? (
        <Center py={64}>
          <Stack align="center" gap="xs" maw={420} ta="center">
            <Title order={2} size="h3">
              {t(props.filtered ? `${ns}.list.noMatchesTitle` : `${ns}.list.emptyTitle`)}
            </Title>
            <Text c="dimmed">
              {t(props.filtered ? `${ns}.list.noMatchesText` : `${ns}.list.emptyText`)}
            </Text>
            {props.filtered ? (
              <Button mt="sm" onClick={() => setQuery(list.initialQuery)}>
                {t(`${ns}.list.resetFilters`)}
              </Button>
            ) : props.canCreate ? (
              <Button mt="sm" onClick={props.onNew}>
                {t(`${ns}.list.emptyAction`)}
              </Button>
            ) : null}
          </Stack>
        </Center>
      ) : null}
      {items.length > 0 ? props.rows : null}
    </Stack>
  );
}

/**
 * A whole record list: the page, its toolbar (with the record type's `filters` after the order and
 * `end` before "Add") and its rows.
 */
export function RecordList<
  S extends RecordRow,
  Q extends BaseQuery,
  R extends RecordRow,
  E,
  A extends { create: boolean; restore: boolean },
>(
  props: RecordListProps<A> & {
    list: PagedList<S, Q, R, E>;
    names: ListNames;
    filtered: boolean;
    filters?: ReactNode;
    end?: ReactNode;
    renderRow: (item: S) => ReactNode;
    rowStyle?: (item: S) => CSSProperties;
    /** The bulk bar (./BulkBar.tsx) under the toolbar; its presence makes the rows choosable. */
    bulk?: ReactNode;
  },
) {
  const { list, names, abilities, onNew } = props;
  return (
    <RecordListPage
      list={list}
      ns={names.ns}
      visit={props.visit}
      filtered={props.filtered}
      canCreate={abilities.create}
      onNew={onNew}
      toolbar={
        <>
          <RecordToolbar
            list={list}
            ns={names.ns}
            canRestore={abilities.restore}
            canCreate={abilities.create}
            onNew={onNew}
            filters={props.filters}
            end={props.end}
          />
          {props.bulk}
        </>
      }
      rows={
        <RecordListbox
          list={list}
          names={names}
          onOpen={props.onOpen}
          renderRow={props.renderRow}
          selectable={props.bulk !== undefined && props.bulk !== null}
          {...(props.rowStyle ? { rowStyle: props.rowStyle } : {})}
        />
      }
    />
  );
}
