/**
 * The company list screen: a record list page (components/records) whose rows show the company's
 * registration code, phone and website.
 */
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../src-shared/companies';
import { RecordListbox, RecordRowContent, RowOwner } from '../../components/records/RecordListbox';
import { RecordListPage } from '../../components/records/RecordListPage';
import { RecordToolbar } from '../../components/records/RecordToolbar';
import { formatPhone } from '../contacts/format';
import type { CompanyAbilities } from './permissions';
import { companiesList, useCompaniesStore } from './store';

const NAMES = { ns: 'companies', row: 'company' } as const;

/** The list screen. */
export function CompanyList(props: {
  abilities: CompanyAbilities;
  visit: number;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const { abilities, onNew } = props;
  const query = useCompaniesStore(state => state.query);
  return (
    <RecordListPage
      list={companiesList}
      ns="companies"
      visit={props.visit}
      filtered={query.text !== '' || query.includeDeleted}
      canCreate={abilities.create}
      onNew={onNew}
      toolbar={
        <RecordToolbar
          list={companiesList}
          ns="companies"
          canRestore={abilities.restore}
          canCreate={abilities.create}
          onNew={onNew}
        />
      }
      rows={
        <RecordListbox
          list={companiesList}
          names={NAMES}
          onOpen={props.onOpen}
          renderRow={item => <CompanyRow item={item} showOwner={abilities.wideScope} />}
        />
      }
    />
  );
}

/** One row: name, registration code, phone and website, the owner for wide scopes. */
function CompanyRow({ item, showOwner }: { item: CompanySummary; showOwner: boolean }) {
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
      details={[code, item.phone ? formatPhone(item.phone) : null, site]}
      end={showOwner ? <RowOwner name={item.ownerName} style={{ flexShrink: 0 }} /> : null}
    />
  );
}
