/** The companies section: list (default), detail, and the create/edit form. */
import { RecordScreen } from '../../components/records/RecordScreen';
import { useSessionStore } from '../../stores/session';
import { ImportWizard } from '../import/ImportWizard';
import { CompanyDetail } from './CompanyDetail';
import { CompanyForm } from './CompanyForm';
import { CompanyList } from './CompanyList';
import { companyAbilities } from './permissions';
import { companiesList } from './store';

/** The companies import wizard; giving the rows to a colleague needs companies.reassign. */
function CompanyImport({ onClose }: { onClose: () => void }) {
  const grants = useSessionStore(state => state.user?.grants);
  return (
    <ImportWizard
      type="companies"
      canReassign={companyAbilities(grants ?? {}).reassign}
      onClose={onClose}
    />
  );
}

/** Companies: the organisations the office works with. Which view shows lives in the store. */
export function CompaniesScreen() {
  const grants = useSessionStore(state => state.user?.grants);
  return (
    <RecordScreen
      list={companiesList}
      abilities={companyAbilities(grants ?? {})}
      Detail={CompanyDetail}
      Form={CompanyForm}
      List={CompanyList}
      Import={CompanyImport}
    />
  );
}
