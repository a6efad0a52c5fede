/**
 * The company picker of the contact and deal forms: a record picker (components/records) over the
 * caller's own scoped `companies.list`. The contact form's words are the default; another form
 * passes its own `texts`.
 */
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../src-shared/companies';
import type { ZamokApi } from '../../../src-shared/ipc';
import {
  PICKER_LIMIT,
  RecordPicker,
  type PickerTexts,
} from '../../components/records/RecordPicker';

/** The picker's words, already translated. */
export type CompanyPickerTexts = PickerTexts;

function search(api: ZamokApi, text: string) {
  return api.companies.list({ filter: text ? { text } : {}, limit: PICKER_LIMIT });
}

function optionLabel(company: CompanySummary): string {
  return company.edrpou ? `${company.name} (${company.edrpou})` : company.name;
}

function nameOf(company: CompanySummary): string {
  return company.name;
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
  const texts = props.texts ?? {
    label: t('companies.picker.label'),
    description: t('companies.picker.hint'),
    placeholder: t('companies.picker.placeholder'),
    nothing: t('companies.picker.nothing'),
  };
  return (
    <RecordPicker
      {...props}
      unknownLabel={t('companies.picker.hidden')}
      texts={texts}
      search={search}
      optionLabel={optionLabel}
      nameOf={nameOf}
    />
  );
}
