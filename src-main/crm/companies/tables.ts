/**
 * Companies storage (migration 0007_companies): row types, the typed error every company function
 * throws, and row ↔ domain mapping. The `Viewer` (who asks, how far their grant reaches) is the
 * contacts' one: the same shape, built from the `companies.*` grant of the channel.
 */
import { rowStamps } from '../record/changes';
import { foldedSearchText } from '../record/search-words';
import type { Company, CompanyFields } from '../../../src-shared/companies';
import { companySortKey } from '../../../src-shared/companies';
import type { ContactPhone } from '../../../src-shared/contacts';
import type { CompaniesTable } from '../../vault/schema';

/** Phones stored as JSON → `ContactPhone[]` (anything malformed is dropped). */
export function phonesOf(text: string): ContactPhone[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const { e164, label } = p as { e164?: unknown; label?: unknown };
    if (typeof e164 !== 'string') return [];
    return typeof label === 'string' ? [{ e164, label }] : [{ e164 }];
  });
}

/** `companies` row (+ owner name) → `Company`. */
export function rowToCompany(row: CompaniesTable, ownerName: string): Company {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownerName,
    name: row.name,
    edrpou: row.edrpou,
    rnokpp: row.rnokpp,
    legalAddress: row.legal_address,
    actualAddress: row.actual_address,
    phones: phonesOf(row.phones),
    website: row.website,
    notes: row.notes,
    ...rowStamps(row),
  };
}

/** The stored columns for a company's fields, with the derived sort key and search text. */
export function fieldsToColumns(f: CompanyFields) {
  return {
    name: f.name,
    edrpou: f.edrpou,
    rnokpp: f.rnokpp,
    legal_address: f.legalAddress,
    actual_address: f.actualAddress,
    phones: JSON.stringify(f.phones),
    website: f.website,
    notes: f.notes,
    sort_key: companySortKey(f.name),
    search_text: searchText(f),
  };
}

/**
 * What the list's text filter looks in: the folded name, ЄДРПОУ, РНОКПП, the website's host and
 * phone digits without '+'.
 */
export function searchText(f: CompanyFields): string {
  const host = f.website ? f.website.replace(/^https?:\/\//u, '').replace(/[/?#].*$/u, '') : '';
  return foldedSearchText([
    f.name,
    f.edrpou ?? '',
    f.rnokpp ?? '',
    host,
    ...f.phones.map(p => p.e164.replace(/\D/gu, '')),
  ]);
}

/** The fields of a stored company, for applying a patch. */
export function companyFields(c: Company): CompanyFields {
  return {
    name: c.name,
    edrpou: c.edrpou,
    rnokpp: c.rnokpp,
    legalAddress: c.legalAddress,
    actualAddress: c.actualAddress,
    phones: c.phones,
    website: c.website,
    notes: c.notes,
  };
}
