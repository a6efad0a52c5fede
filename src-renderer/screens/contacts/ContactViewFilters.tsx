/**
 * The contact list's view filters (issue 18, point 6): source, date created (a period relative to
 * today or custom days) and company. They go into the list's query; main applies them in SQL with
 * the scope (src-main/crm/contacts/list-filters.ts). Words: `views.*`.
 */
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreatedPeriodFilter } from '../../components/records/CreatedPeriodFilter';
import { useDebouncedQueryField } from '../../components/records/RecordToolbar';
import { SavedFilters, type SavedFilterCodec } from '../../components/records/SavedFilters';
import { CompanyPicker } from '../companies/CompanyPicker';
import { contactsList, INITIAL_QUERY, useContactsStore, type ContactQuery } from './store';

/** The contact query ⇄ a saved filter (the order stays as the user has it). */
const CODEC: SavedFilterCodec = {
  current: () => {
    const { sort: _sort, ...query } = useContactsStore.getState().query;
    return query;
  },
  apply: filter => {
    const { sort: _sort, ...saved } = filter;
    const query: Partial<ContactQuery> = { ...INITIAL_QUERY, ...saved };
    delete query.sort;
    useContactsStore.getState().setQuery(query);
  },
};

/** Source box, created period (and its days when custom), company picker. */
export function ContactViewFilters() {
  const { t } = useTranslation();
  const created = useContactsStore(state => state.query.created);
  const companyId = useContactsStore(state => state.query.companyId);
  const companyName = useContactsStore(state => state.query.companyName);
  const setQuery = useContactsStore(state => state.setQuery);
  const [source, setSource] = useDebouncedQueryField(contactsList, 'source');
  return (
    <>
      <TextInput
        label={t('views.source')}
        placeholder={t('views.sourcePlaceholder')}
        value={source}
        onChange={event => setSource(event.currentTarget.value)}
        maxLength={200}
        w={150}
      />
      <CreatedPeriodFilter value={created} onChange={next => setQuery({ created: next })} />
      <div style={{ width: 220 }}>
        <CompanyPicker
          value={companyId}
          label={companyName}
          texts={{
            label: t('views.company'),
            description: '',
            placeholder: t('views.companyPlaceholder'),
            nothing: t('views.companyNothing'),
          }}
          onChange={(id, name) => setQuery({ companyId: id, companyName: name })}
        />
      </div>
      <SavedFilters list="contacts" codec={CODEC} />
    </>
  );
}
