/**
 * The company list screen: a record list page (components/records) whose rows show the company's
 * registration code, phone and website, and the import button.
 */
import { Group } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../src-shared/companies';
import { RecordRowContent, RowOwner } from '../../components/records/RecordListbox';
import { BulkBar } from '../../components/records/BulkBar';
import { CustomFieldFilter } from '../../components/records/CustomFieldFilter';
import { customListDetails, useListFields } from '../../components/records/list-custom-fields';
import { RecordList } from '../../components/records/RecordListPage';
import { RecordExportButton } from '../../components/records/RecordExportButton';
import type { RecordListProps } from '../../components/records/RecordScreen';
import { formatPhone } from '../contacts/format';
import { ImportButton } from '../import/ImportButton';
import type { CompanyAbilities } from './permissions';
import { companiesList, useCompaniesStore } from './store';

const NAMES = { ns: 'companies', row: 'company' } as const;

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
  // Stable across renders, so the memoised rows (RecordListRow) are not rendered again.
  const renderRow = useCallback(
    (item: CompanySummary) => (
      <CompanyRow
        item={item}
        showOwner={wideScope}
        custom={customListDetails(listFields, item.custom, t, language)}
      />
    ),
    [wideScope, listFields, t, language],
  );
  return (
    <RecordList
      {...props}
      list={companiesList}
      names={NAMES}
      filtered={query.text !== '' || query.includeDeleted || query.custom.length > 0}
      filters={
        <CustomFieldFilter
          recordType="company"
          value={query.custom}
          onChange={next => setQuery({ custom: next })}
        />
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
function CompanyRow(props: { item: CompanySummary; showOwner: boolean; custom: string[] }) {
  const { item, showOwner } = props;
  const { t } = useTranslation();
  const code = item.edrpou
    ? t('companies.list.edrpou', { code: item.edrpou })
    : item.rnokpp
      ? t('companies.list.rnokpp', { code: item.rnokpp })
      : null;
  const site = item.website ? item.website.replace(/^https?:\/\//u, '') : null;
  return (
    <RecordRowContent
      ns="companies"
      title={item.name}
      deleted={item.deletedAt !== null}
      badgeStyle={{ flexShrink: 0 }}
      details={[code, item.phone ? formatPhone(item.phone) : null, site, ...props.custom]}
      end={showOwner ? <RowOwner name={item.ownerName} style={{ flexShrink: 0 }} /> : null}
    />
  );
}
