/** The companies section: list (default), detail, and the create/edit form. */
import { useState } from 'react';
import { useSessionStore } from '../../stores/session';
import { CompanyDetail } from './CompanyDetail';
import { CompanyForm } from './CompanyForm';
import { CompanyList } from './CompanyList';
import { companyAbilities } from './permissions';
import { useCompaniesStore } from './store';

// Counts openings of the section (a number, no client data): each opening reloads the list.
let visits = 0;

/** Companies: the organisations the office works with. Which view shows lives in the store. */
export function CompaniesScreen() {
  const [visit] = useState(() => ++visits);
  const grants = useSessionStore(state => state.user?.grants);
  const view = useCompaniesStore(state => state.view);
  const setView = useCompaniesStore(state => state.setView);
  const current = useCompaniesStore(state => state.current);
  const abilities = companyAbilities(grants ?? {});
  const toList = () => setView({ kind: 'list' });

  switch (view.kind) {
    case 'detail':
      return (
        <CompanyDetail
          key={view.id}
          id={view.id}
          abilities={abilities}
          onBack={toList}
          onEdit={() => setView({ kind: 'edit', id: view.id })}
        />
      );
    case 'new':
      return (
        <CompanyForm
          company={null}
          onDone={id => setView({ kind: 'detail', id })}
          onCancel={toList}
        />
      );
    case 'edit':
      if (current?.id !== view.id) {
        return (
          <CompanyDetail
            id={view.id}
            abilities={abilities}
            onBack={toList}
            onEdit={() => setView({ kind: 'edit', id: view.id })}
          />
        );
      }
      return (
        <CompanyForm
          key={view.id}
          company={current}
          onDone={id => setView({ kind: 'detail', id })}
          onCancel={() => setView({ kind: 'detail', id: view.id })}
        />
      );
    default:
      return (
        <CompanyList
          abilities={abilities}
          visit={visit}
          onOpen={id => setView({ kind: 'detail', id })}
          onNew={() => setView({ kind: 'new' })}
        />
      );
  }
}
