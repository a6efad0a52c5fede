/**
 * Opening a record's page from outside its section: a search hit, a task in "My tasks". Each
 * section keeps its page in its own resettable store; this sets that page and switches section.
 */
import type { SearchRecordRef } from '../../../src-shared/ipc/search';
import { useNavigationStore } from '../../stores/navigation';
import { openCompany } from '../companies/actions';
import { useContactsStore } from '../contacts/store';
import { openDeal } from '../deals/store';

/** Opens the page of a contact, company or deal. */
export function openRecord(record: SearchRecordRef): void {
  switch (record.type) {
    case 'company':
      return openCompany(record.id);
    case 'deal':
      return openDeal(record.id);
    case 'contact': {
      const contacts = useContactsStore.getState();
      useContactsStore.setState({
        view: { kind: 'detail', id: record.id },
        current: contacts.current?.id === record.id ? contacts.current : null,
      });
      useNavigationStore.getState().select('contacts');
    }
  }
}

/**
 * The record an activity belongs to, in the order the search index uses (contact, then company,
 * then deal); null for an activity linked to none (not possible through the API, kept safe).
 */
export function activityRecord(activity: {
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
}): SearchRecordRef | null {
  if (activity.contactId) return { type: 'contact', id: activity.contactId };
  if (activity.companyId) return { type: 'company', id: activity.companyId };
  if (activity.dealId) return { type: 'deal', id: activity.dealId };
  return null;
}
