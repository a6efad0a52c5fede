/**
 * Calls behind the companies screens beyond the list's own paging (./store.ts): one company,
 * keeping the list in step after a change, and opening a company from elsewhere.
 */
import type { Company, CompanySummary } from '../../../src-shared/companies';
import type { ZamokApi } from '../../../src-shared/ipc';
import { useNavigationStore } from '../../stores/navigation';
import { summaryBase } from '../../components/records/paged-list';
import { companiesList, useCompaniesStore } from './store';

/** Fetches one company (deleted ones too: a contact's link may lead to one) as the current one. */
export function loadCompany(api: ZamokApi, id: string) {
  return companiesList.loadCurrent(api.companies.get({ id, includeDeleted: true }));
}

function summaryOf(company: Company): CompanySummary {
  return {
    ...summaryBase(company),
    name: company.name,
    edrpou: company.edrpou,
    rnokpp: company.rnokpp,
    phone: company.phones[0]?.e164 ?? null,
    website: company.website,
  };
}

/**
 * Keeps the open company and its list row in step after a save, delete, restore or reassign (the
 * list keeps its scroll position). A deleted company leaves the list unless deleted ones are shown;
 * a restored one that the list no longer holds makes it load afresh when the user goes back.
 */
export function rememberCompany(company: Company): void {
  companiesList.remember(company, summaryOf, true);
}

/** Opens a company's page from elsewhere (a contact's link). */
export function openCompany(id: string): void {
  const state = useCompaniesStore.getState();
  useCompaniesStore.setState({
    view: { kind: 'detail', id },
    current: state.current?.id === id ? state.current : null,
  });
  useNavigationStore.getState().select('companies');
}
