/**
 * The deal form's company picker: a searchable select fed by the caller's own scoped
 * `companies.list` (first 20 matches of the typed words), so it offers only companies the main
 * process would accept as a link. Clearing it unlinks the deal.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../src-shared/companies';
import { useApi } from '../../app/api';

const PICKER_LIMIT = 20;

/** `value` is the linked company's id ('' = none); `label` its name when known. */
export function DealCompanyPicker(props: {
  value: string;
  label: string;
  error?: string | undefined;
  onChange: (id: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [found, setFound] = useState<CompanySummary[]>([]);

  useEffect(() => {
    let current = true;
    const text = debounced.trim();
    void api.companies.list({ filter: text ? { text } : {}, limit: PICKER_LIMIT }).then(result => {
      if (current && result.ok) setFound(result.value.items);
    });
    return () => {
      current = false;
    };
  }, [api, debounced]);

  const options = found.map(c => ({ value: c.id, label: c.name }));
  if (props.value && !options.some(o => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.label || props.value });
  }
  return (
    <Select
      label={t('deals.field.company')}
      placeholder={t('deals.field.companyPlaceholder')}
      data={options}
      value={props.value || null}
      onChange={id => props.onChange(id ?? '', found.find(c => c.id === id)?.name ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('deals.field.companyNothing')}
      clearable
      error={props.error}
    />
  );
}
