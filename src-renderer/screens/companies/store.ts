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
import {
  ANY_CREATED,
  createdRange,
  type CreatedFilter,
} from '../../components/records/created-range';

/** Which companies screen is showing. */
export type CompaniesView = RecordView;

/** What the list asks the main process for; deleted companies only for restore holders. */
export interface CompanyQuery extends BaseQuery {
  /** Custom field conditions (components/records/CustomFieldFilter.tsx). */
  custom: CustomFilterCondition[];
  /** Date created: a period relative to today or a custom range of days. */
  created: CreatedFilter;
  /** One owner's companies ('' = everyone in scope; wide scopes only). */
  ownerId: string;
}

/** An empty query: everything in scope, by name. */
export const INITIAL_QUERY: CompanyQuery = {
  text: '',
  sort: 'name',
  includeDeleted: false,
  custom: [],
  created: ANY_CREATED,
  ownerId: '',
};

/** True when the query narrows the list beyond the scope (an empty answer offers "Reset"). */
export function isCompanyFiltered(query: CompanyQuery): boolean {
  return (
    query.text !== '' ||
    query.includeDeleted ||
    query.custom.length > 0 ||
    query.created.period !== 'any' ||
    query.ownerId !== ''
  );
}

/** The companies list: its store and loaders. Data-changing work lives in ./actions.ts. */
export const companiesList = createPagedList<CompanySummary, CompanyQuery, Company>({
  initialQuery: INITIAL_QUERY,
  fetchPage: (api, query, cursor) => {
    const view = {
      ...(query.ownerId ? { ownerId: query.ownerId } : {}),
      ...createdRange(query.created, new Date()),
    };
    const input = listInput(query, view, cursor);
    const custom = query.custom.length > 0 ? { custom: query.custom } : {};
    return api.companies.list({ ...input, filter: { ...input.filter, ...custom } });
  },
});

/** The companies store. */
export const useCompaniesStore = companiesList.useStore;
