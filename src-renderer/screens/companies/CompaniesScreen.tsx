/** The companies section: list (default), detail, and the create/edit form. */
import { RecordScreen } from '../../components/records/RecordScreen';
import { useSessionStore } from '../../stores/session';
import { CompanyDetail } from './CompanyDetail';
import { CompanyForm } from './CompanyForm';
import { CompanyList } from './CompanyList';
import { companyAbilities } from './permissions';
import { companiesList } from './store';

/** Companies: the organisations the office works with. Which view shows lives in the store. */
export function CompaniesScreen() {
  const grants = useSessionStore(state => state.user?.grants);
  const abilities = companyAbilities(grants ?? {});
  return (
    <RecordScreen
      list={companiesList}
      pages={{
        detail: (id, onBack, onEdit) => (
          <CompanyDetail id={id} abilities={abilities} onBack={onBack} onEdit={onEdit} />
        ),
        form: (company, onDone, onCancel) => (
          <CompanyForm company={company} onDone={onDone} onCancel={onCancel} />
        ),
        list: (visit, onOpen, onNew) => (
          <CompanyList abilities={abilities} visit={visit} onOpen={onOpen} onNew={onNew} />
        ),
      }}
    />
  );
}
