/**
 * The contact form's company picker: a searchable select fed by the caller's own scoped
 * `companies.list` (text filter, first 20 matches), so it offers only companies the main process
 * would accept as a link. Clearing it unlinks the contact.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../src-shared/companies';
import { useApi } from '../../app/api';

const PICKER_LIMIT = 20;

/** `value` is the linked company's id ('' = none); `label` its name when known. */
export function CompanyPicker(props: {
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

  const options = found.map(company => ({
    value: company.id,
    label: company.edrpou ? `${company.name} (${company.edrpou})` : company.name,
  }));
  if (props.value && !options.some(option => option.value === props.value)) {
    options.unshift({ value: props.value, label: props.label || t('companies.picker.hidden') });
  }

  return (
    <Select
      label={t('companies.picker.label')}
      description={t('companies.picker.hint')}
      placeholder={t('companies.picker.placeholder')}
      data={options}
      value={props.value || null}
      onChange={id =>
        props.onChange(id ?? '', found.find(company => company.id === id)?.name ?? '')
      }
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The main process already filtered by the typed words (name, code, phone).
      filter={({ options: all }) => all}
      nothingFoundMessage={t('companies.picker.nothing')}
      clearable
      error={props.error}
    />
  );
}
