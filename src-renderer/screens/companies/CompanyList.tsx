/**
 * The company list screen: a record list page (components/records) whose rows show the company's
 * registration code, phone and website, and the import button. Filters: custom fields, owner (wide
 * scopes), date created and saved filters (companies have no source or tags, so neither filter).
 */
import { Group } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../src-shared/companies';
import { RecordRowContent, RowOwner } from '../../components/records/RecordListbox';
import { BulkBar } from '../../components/records/BulkBar';
import { OwnerFilter } from '../../components/OwnerFilter';
import { CreatedPeriodFilter } from '../../components/records/CreatedPeriodFilter';
import { CustomFieldFilter } from '../../components/records/CustomFieldFilter';
import { SavedFilters, type SavedFilterCodec } from '../../components/records/SavedFilters';
import { customListDetails, useListFields } from '../../components/records/list-custom-fields';
import { RecordList } from '../../components/records/RecordListPage';
import { memoByItem, rowDetail } from '../../components/records/row-texts';
import { RecordExportButton } from '../../components/records/RecordExportButton';
import type { RecordListProps } from '../../components/records/RecordScreen';
import { formatPhone } from '../contacts/format';
import { ImportButton } from '../import/ImportButton';
import type { CompanyAbilities } from './permissions';
import { companiesList, INITIAL_QUERY, isCompanyFiltered, useCompaniesStore } from './store';

const NAMES = { ns: 'companies', row: 'company' } as const;

/** The company query ⇄ a saved filter (the order stays as the user has it). */
const COMPANY_FILTERS: SavedFilterCodec = {
  current: () => {
    const { text, custom, created, ownerId, includeDeleted } = useCompaniesStore.getState().query;
    return { text, custom, created, ownerId, includeDeleted };
  },
  apply: filter => {
    const { sort } = useCompaniesStore.getState().query;
    useCompaniesStore.getState().setQuery({
      ...INITIAL_QUERY,
      sort,
      text: filter.text ?? '',
      custom: filter.custom ?? [],
      created: filter.created ?? INITIAL_QUERY.created,
      ownerId: filter.ownerId ?? '',
      includeDeleted: filter.includeDeleted ?? false,
    });
  },
};

/** The list screen. */
export function CompanyList(props: RecordListProps<CompanyAbilities>) {
  const query = useCompaniesStore(state => state.query);
  const setView = useCompaniesStore(state => state.setView);
  const setQuery = useCompaniesStore(state => state.setQuery);
  const { abilities } = props;
  const { wideScope } = abilities;
  const listFields = useListFields('company');
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // Each company's texts once per record, shown fields and language (not at every row render).
  const texts = useMemo(
    () =>
      memoByItem((item: CompanySummary) => {
        const code = item.edrpou
          ? t('companies.list.edrpou', { code: item.edrpou })
          : item.rnokpp
            ? t('companies.list.rnokpp', { code: item.rnokpp })
            : null;
        const site = item.website ? item.website.replace(/^https?:\/\//u, '') : null;
        const phone = item.phone ? formatPhone(item.phone) : null;
        const custom = customListDetails(listFields, item.custom, t, language);
        return rowDetail([code, phone, site, ...custom], t('companies.none'));
      }),
    [listFields, t, language],
  );
  const deletedLabel = t('companies.list.deleted');
  // Stable across renders, so the memoised rows (RecordListRow) are not rendered again.
  const renderRow = useCallback(
    (item: CompanySummary) => (
      <CompanyRow
        item={item}
        detail={texts(item)}
        deletedLabel={deletedLabel}
        showOwner={wideScope}
      />
    ),
    [wideScope, texts, deletedLabel],
  );
  return (
    <RecordList
      {...props}
      list={companiesList}
      names={NAMES}
      filtered={isCompanyFiltered(query)}
      filters={
        <>
          <CustomFieldFilter
            recordType="company"
            value={query.custom}
            onChange={next => setQuery({ custom: next })}
          />
          {wideScope ? (
            <OwnerFilter
              value={query.ownerId || null}
              onChange={value => setQuery({ ownerId: value ?? '' })}
            />
          ) : null}
          <CreatedPeriodFilter
            value={query.created}
            onChange={next => setQuery({ created: next })}
          />
          <SavedFilters list="companies" codec={COMPANY_FILTERS} />
        </>
      }
      end={
        <Group ml="auto">
          <ImportButton type="companies" setView={setView} />
          {abilities.export ? <RecordExportButton type="companies" /> : null}
        </Group>
      }
      bulk={
        abilities.reassign || abilities.delete || abilities.export ? (
          <BulkBar list={companiesList} type="companies" abilities={{ ...abilities, tag: false }} />
        ) : null
      }
      renderRow={renderRow}
    />
  );
}

/**
 * One row: name, registration code, phone, website and the custom fields shown in the list, the
 * owner for wide scopes.
 */
function CompanyRow(props: {
  item: CompanySummary;
  detail: string;
  deletedLabel: string;
  showOwner: boolean;
}) {
  const { item, showOwner } = props;
  return (
    <RecordRowContent
      title={item.name}
      deleted={item.deletedAt !== null ? props.deletedLabel : null}
      detail={props.detail}
      end={showOwner ? <RowOwner name={item.ownerName} /> : null}
    />
  );
}
