// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useNavigationStore } from '../../stores/navigation';
import { resetAllStores } from '../../stores/registry';
import { useCompaniesStore } from '../companies/store';
import { contact } from '../contacts/contacts-test-support';
import { useContactsStore } from '../contacts/store';
import { useDealsStore } from '../deals/store';
import { activityRecord, openRecord } from './open';

afterEach(() => resetAllStores());

describe('openRecord', () => {
  it('opens a deal’s own page, not just the Deals section', () => {
    openRecord({ type: 'deal', id: 'deal-1' });
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState().view).toEqual({ kind: 'detail', id: 'deal-1' });
  });

  it('opens a contact’s page and drops another contact held as the current one', () => {
    useContactsStore.setState({ current: contact({ id: 'c-other' }) });
    openRecord({ type: 'contact', id: 'c-1' });
    expect(useNavigationStore.getState().section).toBe('contacts');
    expect(useContactsStore.getState().view).toEqual({ kind: 'detail', id: 'c-1' });
    expect(useContactsStore.getState().current).toBeNull();
  });

  it('opens a company’s page', () => {
    openRecord({ type: 'company', id: 'co-1' });
    expect(useNavigationStore.getState().section).toBe('companies');
    expect(useCompaniesStore.getState().view).toEqual({ kind: 'detail', id: 'co-1' });
  });
});

describe('activityRecord', () => {
  it('links a task to its contact, else its company, else its deal (the search index order)', () => {
    const none = { contactId: null, companyId: null, dealId: null };
    expect(activityRecord({ ...none, dealId: 'd-1' })).toEqual({ type: 'deal', id: 'd-1' });
    expect(activityRecord({ ...none, companyId: 'co-1', dealId: 'd-1' })).toEqual({
      type: 'company',
      id: 'co-1',
    });
    expect(activityRecord({ ...none, contactId: 'c-1', dealId: 'd-1' })).toEqual({
      type: 'contact',
      id: 'c-1',
    });
    expect(activityRecord(none)).toBeNull();
  });
});
