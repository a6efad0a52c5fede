/**
 * What the companies screens hold: the loaded list pages and the open company. A paged record list
 * (components/records), so a lock or sign-out wipes it.
 */
import type { Company, CompanySummary } from '../../../src-shared/companies';
import type { CustomFilterCondition } from '../../../src-shared/custom-fields';
import {
  createPagedList,
  listInput,
  type BaseQuery,
  type RecordView,
} from '../../components/records/paged-list';

/** Which companies screen is showing. */
export type CompaniesView = RecordView;

/** What the list asks the main process for; deleted companies only for restore holders. */
export interface CompanyQuery extends BaseQuery {
  /** Custom field conditions (components/records/CustomFieldFilter.tsx). */
  custom: CustomFilterCondition[];
}

/** An empty query: everything in scope, by name. */
export const INITIAL_QUERY: CompanyQuery = {
  text: '',
  sort: 'name',
  includeDeleted: false,
  custom: [],
};

/** The companies list: its store and loaders. Data-changing work lives in ./actions.ts. */
export const companiesList = createPagedList<CompanySummary, CompanyQuery, Company>({
  initialQuery: INITIAL_QUERY,
  fetchPage: (api, query, cursor) => {
    const input = listInput(query, {}, cursor);
    const custom = query.custom.length > 0 ? { custom: query.custom } : {};
    return api.companies.list({ ...input, filter: { ...input.filter, ...custom } });
  },
});

/** The companies store. */
export const useCompaniesStore = companiesList.useStore;
