/** The contacts section: list (default), detail, and the create/edit form. */
import { useEffect } from 'react';
import { useApi } from '../../app/api';
import { RecordScreen } from '../../components/records/RecordScreen';
import { useSessionStore } from '../../stores/session';
import { ImportWizard } from '../import/ImportWizard';
import { loadUsers } from './actions';
import { ContactDetail } from './ContactDetail';
import { ContactForm } from './ContactForm';
import { ContactList } from './ContactList';
import { contactAbilities } from './permissions';
import { contactsList, useContactsStore } from './store';

/** The contacts import wizard; giving the rows to a colleague needs contacts.reassign. */
function ContactImport({ onClose }: { onClose: () => void }) {
  const grants = useSessionStore(state => state.user?.grants);
  return (
    <ImportWizard
      type="contacts"
      canReassign={contactAbilities(grants ?? {}).reassign}
      onClose={onClose}
    />
  );
}

/** Contacts: the first CRM records. Which view shows lives in the contacts store. */
export function ContactsScreen() {
  const api = useApi();
  const grants = useSessionStore(state => state.user?.grants);
  const users = useContactsStore(state => state.users);
  const abilities = contactAbilities(grants ?? {});

  // Owner names for the filter (only when the role sees others' contacts and may list users).
  useEffect(() => {
    if (abilities.wideScope && abilities.readUsers && users === null) void loadUsers(api);
  }, [api, abilities.wideScope, abilities.readUsers, users]);

  return (
    <RecordScreen
      list={contactsList}
      abilities={abilities}
      Detail={ContactDetail}
      Form={ContactForm}
      List={ContactList}
      Import={ContactImport}
    />
  );
}
