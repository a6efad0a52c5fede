/** Sample companies for the companies screens' tests. Never imported by the app. */
import type { Company, CompanySummary } from '../../../src-shared/companies';
import { recordStamps } from '../../components/records/records-test-support';

/** A whole company for the detail and edit screens: ТОВ «Пекарня Світанок», owned by u-1. */
export function company(extra: Partial<Company> = {}): Company {
  return {
    id: 'co-1',
    ownerId: 'u-1',
    ownerName: 'Олена Коваленко',
    name: 'ТОВ «Пекарня Світанок»',
    edrpou: '32855961',
    rnokpp: null,
    legalAddress: null,
    actualAddress: null,
    phones: [],
    website: null,
    notes: null,
    ...recordStamps(),
    ...extra,
  };
}

/** The same company as a list row. */
export function companySummary(extra: Partial<CompanySummary> = {}): CompanySummary {
  const { id, ownerId, ownerName, name, edrpou, rnokpp, website, createdAt, updatedAt } = company();
  const base = { id, ownerId, ownerName, name, edrpou, rnokpp, website, createdAt, updatedAt };
  return { ...base, phone: null, deletedAt: null, ...extra };
}
