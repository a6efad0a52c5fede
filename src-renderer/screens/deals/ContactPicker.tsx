/**
 * The deal form's contact picker: a record picker (components/records) over the caller's own
 * scoped `contacts.list`, by name. Clearing it unlinks the deal.
 */
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../src-shared/contacts';
import type { ZamokApi } from '../../../src-shared/ipc';
import { PICKER_LIMIT, RecordPicker } from '../../components/records/RecordPicker';

function nameOf(c: ContactSummary): string {
  return `${c.givenName} ${c.surname}`;
}

function search(api: ZamokApi, text: string) {
  return api.contacts.list({
    filter: text ? { text } : {},
    limit: PICKER_LIMIT,
    sort: 'name',
    direction: 'asc',
  });
}

/** `value` is the linked contact's id ('' = none); `label` its name when known. */
export function ContactPicker(props: {
  value: string;
  label: string;
  error?: string | undefined;
  onChange: (id: string, name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <RecordPicker
      {...props}
      unknownLabel={props.value}
      texts={{
        label: t('deals.field.contact'),
        placeholder: t('deals.field.contactPlaceholder'),
        nothing: t('deals.field.contactNothing'),
      }}
      search={search}
      optionLabel={nameOf}
      nameOf={nameOf}
    />
  );
}
