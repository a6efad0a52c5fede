/**
 * A record picker for a form's link (a contact's company, a deal's contact or company): a
 * searchable select fed by the caller's own scoped list channel (text filter, first 20 matches), so
 * it offers only records the main process would accept as a link. Clearing it unlinks.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import type { ListPage } from './paged-list';

/** How many matches the picker offers. */
export const PICKER_LIMIT = 20;

/** The picker's words, already translated. */
export interface PickerTexts {
  label: string;
  placeholder: string;
  nothing: string;
  description?: string;
}

/** `value` is the linked record's id ('' = none); `label` its name when known. */
export function RecordPicker<S extends { id: string }>(props: {
  value: string;
  label: string;
  /** Shown for a linked record the list does not offer and whose name is unknown. */
  unknownLabel: string;
  error?: string | undefined;
  texts: PickerTexts;
  /** Asks main for the matches of `text` (a stable function: it is an effect's dependency). */
  search: (api: ZamokApi, text: string) => Promise<Result<ListPage<S>>>;
  /** A match as the list shows it, and as the form keeps its name. */
  optionLabel: (item: S) => string;
  nameOf: (item: S) => string;
  onChange: (id: string, name: string) => void;
}) {
  const api = useApi();
  const { search: find } = props;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [found, setFound] = useState<S[]>([]);

  useEffect(() => {
    let current = true;
    void find(api, debounced.trim()).then(result => {
      if (current && result.ok) setFound(result.value.items);
    });
    return () => {
      current = false;
    };
  }, [api, find, debounced]);

  const options = found.map(item => ({ value: item.id, label: props.optionLabel(item) }));
  if (props.value && !options.some(option => option.value === props.value)) {
    options.unshift({ value: props.value, label: props.label || props.unknownLabel });
  }

  return (
    <Select
      label={props.texts.label}
      description={props.texts.description}
      placeholder={props.texts.placeholder}
      data={options}
      value={props.value || null}
      onChange={id => {
        const item = found.find(match => match.id === id);
        props.onChange(id ?? '', item ? props.nameOf(item) : '');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The main process already filtered by the typed words (name, code, phone).
      filter={({ options: all }) => all}
      nothingFoundMessage={props.texts.nothing}
      clearable
      error={props.error}
    />
  );
}
