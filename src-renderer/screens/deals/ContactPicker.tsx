/**
 * The deal form's contact picker: a searchable select fed by the caller's own scoped
 * `contacts.list` (text filter, first 20 matches), so it offers only contacts the main process
 * would accept as a link. Clearing it unlinks the deal.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../src-shared/contacts';
import { useApi } from '../../app/api';

const PICKER_LIMIT = 20;

function nameOf(c: ContactSummary): string {
  return `${c.givenName} ${c.surname}`;
}

/** `value` is the linked contact's id ('' = none); `label` its name when known. */
export function ContactPicker(props: {
  value: string;
  label: string;
  error?: string | undefined;
  onChange: (id: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [found, setFound] = useState<ContactSummary[]>([]);

  useEffect(() => {
    let current = true;
    const text = debounced.trim();
    void api.contacts
      .list({ filter: text ? { text } : {}, limit: PICKER_LIMIT, sort: 'name', direction: 'asc' })
      .then(result => {
        if (current && result.ok) setFound(result.value.items);
      });
    return () => {
      current = false;
    };
  }, [api, debounced]);

  const options = found.map(c => ({ value: c.id, label: nameOf(c) }));
  if (props.value && !options.some(o => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.label || props.value });
  }
  return (
    <Select
      label={t('deals.field.contact')}
      placeholder={t('deals.field.contactPlaceholder')}
      data={options}
      value={props.value || null}
      onChange={id => {
        const c = found.find(x => x.id === id);
        props.onChange(id ?? '', c ? nameOf(c) : '');
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('deals.field.contactNothing')}
      clearable
      error={props.error}
    />
  );
}
