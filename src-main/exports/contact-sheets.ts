/**
 * The export tables of contacts and companies: the rows the viewer's scope reaches (in SQL, as for
 * reads), live records only, in name order. The headers are words the importer recognises
 * (src-shared/import/synonyms.ts), so a file exported here imports back onto the same records
 * with nothing to add: 0 new, 0 updated.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Company } from '../../src-shared/companies';
import { contactTextSpec, isContactTextField, type Contact } from '../../src-shared/contacts';
import { CSV_COLUMNS } from '../crm/contacts/export-format';
import { exportRows, type ExportSelection } from '../crm/contacts/export-rows';
import { rowToCompany } from '../crm/companies/tables';
import { inScope, type Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';
import type { Cell, Column, ExportTable } from './table';

/** Columns every export ends with. */
export const RECORD_COLUMNS = {
  owner: { uk: 'Відповідальний', en: 'Owner' },
  createdAt: { uk: 'Створено', en: 'Created' },
  updatedAt: { uk: 'Змінено', en: 'Updated' },
  id: { uk: 'Ідентифікатор', en: 'Id' },
} as const satisfies Record<string, Column>;

/** The trailing cells of a record: owner, created, updated, id. */
export function recordCells(r: {
  ownerName: string;
  createdAt: string;
  updatedAt: string;
  id: string;
}): Cell[] {
  return [r.ownerName, { at: r.createdAt }, { at: r.updatedAt }, r.id];
}

const CONTACT_OWN_COLUMNS = {
  surname: { uk: 'Прізвище', en: 'Surname' },
  givenName: { uk: 'Ім’я', en: 'Given name' },
  patronymic: { uk: 'По батькові', en: 'Middle name' },
  phones: { uk: 'Телефони', en: 'Phones' },
  emails: { uk: 'Електронна пошта', en: 'Email' },
  telegram: { uk: 'Telegram', en: 'Telegram' },
  viber: { uk: 'Viber', en: 'Viber' },
  whatsapp: { uk: 'WhatsApp', en: 'WhatsApp' },
  tags: { uk: 'Мітки', en: 'Tags' },
  ...RECORD_COLUMNS,
} as const satisfies Record<string, Column>;

/** The contacts screen's CSV order (src-main/crm/contacts/export-format.ts), with these headers. */
const CONTACT_COLUMNS = CSV_COLUMNS;

function contactCell(c: Contact, column: (typeof CONTACT_COLUMNS)[number]): Cell {
  switch (column) {
    case 'phones':
      return c.phones.map(p => p.e164).join('; ');
    case 'emails':
      return c.emails.join('; ');
    case 'telegram':
    case 'viber':
    case 'whatsapp':
      return c.messengers[column] ?? null;
    case 'tags':
      return c.tags.join('; ');
    case 'owner':
      return c.ownerName;
    case 'createdAt':
    case 'updatedAt':
      return { at: c[column] };
    default:
      return c[column] ?? null;
  }
}

/** The contacts table of `contacts` (already read). */
export function contactsTable(contacts: readonly Contact[]): ExportTable {
  return {
    sheet: { uk: 'Контакти', en: 'Contacts' },
    columns: CONTACT_COLUMNS.map(column =>
      isContactTextField(column) ? contactTextSpec(column).label : CONTACT_OWN_COLUMNS[column],
    ),
    rows: contacts.map(c => CONTACT_COLUMNS.map(column => contactCell(c, column))),
  };
}

/**
 * `column` is one of `ids` (always true when absent). The ids go in as one JSON parameter: a
 * selection of thousands would exceed SQLite's bound-variable limit.
 */
export function amongIds(column: string, ids: readonly string[] | undefined): RawBuilder<SqlBool> {
  if (ids === undefined) return sql<SqlBool>`1`;
  return sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * The live contacts the viewer may export (shares count, as for reads), in name order; only `ids`
 * when given; never one who objected, and for `purposeId` only those with a valid basis for it.
 */
export function readContacts(
  db: Kysely<Database>,
  viewer: Viewer,
  ids?: readonly string[],
  purposeId?: string,
  filter?: ExportSelection['filter'],
): Promise<Contact[]> {
  return exportRows(db, viewer, {
    ids,
    ...(purposeId === undefined ? {} : { purposeId }),
    ...(filter === undefined ? {} : { filter }),
  });
}

const COMPANY_COLUMNS: readonly Column[] = [
  { uk: 'Назва', en: 'Name' },
  { uk: 'ЄДРПОУ', en: 'EDRPOU' },
  { uk: 'РНОКПП', en: 'RNOKPP' },
  { uk: 'Юридична адреса', en: 'Legal address' },
  { uk: 'Фактична адреса', en: 'Actual address' },
  { uk: 'Телефони', en: 'Phones' },
  { uk: 'Сайт', en: 'Website' },
  { uk: 'Нотатки', en: 'Notes' },
  ...Object.values(RECORD_COLUMNS),
];

/** The companies table of `companies` (already read). */
export function companiesTable(companies: readonly Company[]): ExportTable {
  return {
    sheet: { uk: 'Компанії', en: 'Companies' },
    columns: COMPANY_COLUMNS,
    rows: companies.map(c => [
      c.name,
      c.edrpou,
      c.rnokpp,
      c.legalAddress,
      c.actualAddress,
      c.phones.map(p => p.e164).join('; '),
      c.website,
      c.notes,
      ...recordCells(c),
    ]),
  };
}

/** The live companies in the viewer's scope, in name order. */
export async function readCompanies(
  db: Kysely<Database>,
  viewer: Viewer,
  ids?: readonly string[],
): Promise<Company[]> {
  const rows = await db
    .selectFrom('companies')
    .innerJoin('users', 'users.id', 'companies.owner_id')
    .selectAll('companies')
    .select('users.display_name as owner_name')
    .where(inScope('companies', viewer))
    .where(amongIds('companies.id', ids))
    .where('companies.deleted_at', 'is', null)
    .orderBy('companies.sort_key')
    .orderBy('companies.id')
    .execute();
  return rows.map(({ owner_name: ownerName, ...row }) => rowToCompany(row, ownerName));
}
