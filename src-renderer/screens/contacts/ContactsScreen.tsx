/** The contacts section: list (default), detail, and the create/edit form. */
import { useEffect, useState } from 'react';
import { useApi } from '../../app/api';
import { useSessionStore } from '../../stores/session';
import { loadUsers } from './actions';
import { ContactDetail } from './ContactDetail';
import { ContactForm } from './ContactForm';
import { ContactList } from './ContactList';
import { contactAbilities } from './permissions';
import { useContactsStore } from './store';

// Counts openings of the section (a number, no client data): each opening reloads the list.
let visits = 0;

/** Contacts: the first CRM records. Which view shows lives in the contacts store. */
export function ContactsScreen() {
  const api = useApi();
  const [visit] = useState(() => ++visits);
  const grants = useSessionStore(state => state.user?.grants);
  const view = useContactsStore(state => state.view);
  const setView = useContactsStore(state => state.setView);
  const current = useContactsStore(state => state.current);
  const users = useContactsStore(state => state.users);
  const abilities = contactAbilities(grants ?? {});

  // Owner names for the filter (only when the role sees others' contacts and may list users).
  useEffect(() => {
    if (abilities.wideScope && abilities.readUsers && users === null) void loadUsers(api);
  }, [api, abilities.wideScope, abilities.readUsers, users]);

  const toList = () => setView({ kind: 'list' });
  switch (view.kind) {
    case 'detail':
      return (
        <ContactDetail
          key={view.id}
          id={view.id}
          abilities={abilities}
          onBack={toList}
          onEdit={() => setView({ kind: 'edit', id: view.id })}
        />
      );
    case 'new':
      return (
        <ContactForm
          contact={null}
          onDone={id => setView({ kind: 'detail', id })}
          onCancel={toList}
        />
      );
    case 'edit':
      // The form edits the contact the detail page loaded; without it, show that page first.
      if (current?.id !== view.id) {
        return (
          <ContactDetail
            id={view.id}
            abilities={abilities}
            onBack={toList}
            onEdit={() => setView({ kind: 'edit', id: view.id })}
          />
        );
      }
      return (
        <ContactForm
          key={view.id}
          contact={current}
          onDone={id => setView({ kind: 'detail', id })}
          onCancel={() => setView({ kind: 'detail', id: view.id })}
        />
      );
    default:
      return (
        <ContactList
          abilities={abilities}
          visit={visit}
          onOpen={id => setView({ kind: 'detail', id })}
          onNew={() => setView({ kind: 'new' })}
        />
      );
  }
}
