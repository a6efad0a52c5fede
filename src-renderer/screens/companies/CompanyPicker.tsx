/**
 * The company picker of the contact and deal forms: a searchable select fed by the caller's own
 * scoped `companies.list` (text filter, first 20 matches), so it offers only companies the main
 * process would accept as a link. Clearing it unlinks the record. The contact form's words are the
 * default; another form passes its own `texts`.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../src-shared/companies';
import { useApi } from '../../app/api';

const PICKER_LIMIT = 20;

/** The picker's words, already translated. */
export interface CompanyPickerTexts {
  label: string;
  placeholder: string;
  nothing: string;
  description?: string;
}

/** `value` is the linked company's id ('' = none); `label` its name when known. */
export function CompanyPicker(props: {
  value: string;
  label: string;
  error?: string | undefined;
  texts?: CompanyPickerTexts;
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

  const texts = props.texts ?? {
    label: t('companies.picker.label'),
    description: t('companies.picker.hint'),
    placeholder: t('companies.picker.placeholder'),
    nothing: t('companies.picker.nothing'),
  };

  return (
    <Select
      label={texts.label}
      description={texts.description}
      placeholder={texts.placeholder}
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
      nothingFoundMessage={texts.nothing}
      clearable
      error={props.error}
    />
  );
}
