/**
 * The toolbar above a record list: the search box (`/` focuses it, ↓ continues in the results), the
 * order, the record type's own filters, "Show deleted" for restore holders, and "Add" (`n`).
 * Typed filters reach the query 200 ms after the last keystroke. Words: `<ns>.list.*`.
 */
import { Button, Group, Kbd, Select, Switch, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS, type BaseQuery, type PagedList, type RecordRow } from './paged-list';
import { useShortcuts } from '../../app/shortcuts';

/** Search waits this long after the last keystroke before asking the main process. */
export const SEARCH_DEBOUNCE_MS = 200;

/** The query's text fields a box can type into. */
type TextKey<Q> = { [K in keyof Q]: Q[K] extends string ? K : never }[keyof Q];

/**
 * A typed filter box's own value, written to the query `SEARCH_DEBOUNCE_MS` after the last
 * keystroke; "Reset filters" clears the query from outside, and the box shows that too.
 */
export function useDebouncedQueryField<S extends RecordRow, Q, R extends RecordRow, E>(
  list: PagedList<S, Q, R, E>,
  key: TextKey<Q>,
): [string, (value: string) => void] {
  const stored = list.useStore(state => state.query[key]) as string;
  const setQuery = list.useStore(state => state.setQuery);
  const [value, setValue] = useState(stored);
  const [debounced] = useDebouncedValue(value, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debounced !== list.useStore.getState().query[key])
      setQuery({ [key]: debounced } as unknown as Partial<Q>);
  }, [list, key, debounced, setQuery]);
  useEffect(() => setValue(stored), [stored]);
  return [value, setValue];
}

/** The toolbar; `filters` sit after the order, `end` before "Add". */
export function RecordToolbar<
  S extends RecordRow,
  Q extends BaseQuery,
  R extends RecordRow,
  E,
>(props: {
  list: PagedList<S, Q, R, E>;
  ns: string;
  canRestore: boolean;
  canCreate: boolean;
  onNew: () => void;
  filters?: ReactNode;
  end?: ReactNode;
}) {
  const { list, ns, canCreate, onNew } = props;
  const { t } = useTranslation();
  const query = list.useStore(state => state.query);
  const setQuery = list.useStore(state => state.setQuery);
  const [text, setText] = useDebouncedQueryField(list, 'text' as TextKey<Q>);
  const searchRef = useRef<HTMLInputElement>(null);

  useShortcuts([
    ['listSearch', () => searchRef.current?.focus()],
    ['listNew', () => canCreate && onNew()],
  ]);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Tooltip label={t(`${ns}.list.searchHint`)} withArrow openDelay={400}>
        <TextInput
          ref={searchRef}
          type="search"
          label={t(`${ns}.list.search`)}
          placeholder={t(`${ns}.list.searchPlaceholder`)}
          value={text}
          onChange={event => setText(event.currentTarget.value)}
          rightSection={<Kbd size="xs">/</Kbd>}
          style={{ flex: '1 1 260px' }}
          maxLength={100}
          onKeyDown={event => {
            // ↓ from the search box continues in the results.
            if (event.key !== 'ArrowDown') return;
            const rows = document.querySelector<HTMLElement>(`.${ns}-list`);
            if (!rows) return;
            event.preventDefault();
            rows.focus();
          }}
        />
      </Tooltip>
      <Select
        label={t(`${ns}.list.sort`)}
        data={LIST_SORTS.map(sort => ({ value: sort, label: t(`${ns}.list.sorts.${sort}`) }))}
        value={query.sort}
        onChange={value => value && setQuery({ sort: value } as Partial<Q>)}
        allowDeselect={false}
        w={200}
      />
      {props.filters}
      {props.canRestore ? (
        <Switch
          label={t(`${ns}.list.showDeleted`)}
          checked={query.includeDeleted}
          onChange={event =>
            setQuery({ includeDeleted: event.currentTarget.checked } as Partial<Q>)
          }
          mb={8}
        />
      ) : null}
      {props.end}
      {canCreate ? (
        <Tooltip label={t(`${ns}.list.addHint`)} withArrow>
          <Button onClick={onNew} ml={props.end ? undefined : 'auto'}>
            {t(`${ns}.list.add`)}
          </Button>
        </Tooltip>
      ) : null}
    </Group>
  );
}
