/**
 * What an import column can fill, per record type. Pure TypeScript: the main process maps and
 * validates with it, the wizard (later) shows it.
 */

/** The record types an import creates. */
export const IMPORT_TYPES = ['contacts', 'companies'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

/** Contact fields a column can fill (`fullName` is split into surname, given name, patronymic). */
export const CONTACT_IMPORT_FIELDS = [
  'fullName',
  'surname',
  'givenName',
  'patronymic',
  'phones',
  'emails',
  'companyName',
  'position',
  'address',
  'source',
  'notes',
  'tags',
  'telegram',
  'viber',
  'whatsapp',
] as const;
export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];

/** Company fields a column can fill. */
export const COMPANY_IMPORT_FIELDS = [
  'name',
  'edrpou',
  'rnokpp',
  'legalAddress',
  'actualAddress',
  'phones',
  'website',
  'notes',
] as const;
export type CompanyImportField = (typeof COMPANY_IMPORT_FIELDS)[number];

/** Any import field of contacts and companies. */
export type ImportField = ContactImportField | CompanyImportField;

/**
 * Every record type the importer takes. Contacts and companies share the planner of
 * src-main/import/plan.ts ({@link ImportType}); deals have their own (./deals.ts,
 * src-main/import/deals/).
 */
export const IMPORT_KINDS = ['contacts', 'companies', 'deals'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * Deal fields a column can fill. `pipeline` and `stage` are names, `owner` a login or name,
 * `contact` a phone, e-mail or exact name, `company` an ЄДРПОУ, phone or exact name: main looks
 * them up (src-main/import/deals/lookups.ts).
 */
export const DEAL_IMPORT_FIELDS = [
  'title',
  'amount',
  'currency',
  'pipeline',
  'stage',
  'expectedClose',
  'owner',
  'contact',
  'company',
  'notes',
] as const;
export type DealImportField = (typeof DEAL_IMPORT_FIELDS)[number];

/** The fields a column of a `kind` import can fill (custom fields aside). */
export function importKindFields(kind: ImportKind): readonly (ImportField | DealImportField)[] {
  return kind === 'deals' ? DEAL_IMPORT_FIELDS : importFieldsOf(kind);
}

/** The fields of one record type. */
export function importFieldsOf(type: ImportType): readonly ImportField[] {
  return type === 'contacts' ? CONTACT_IMPORT_FIELDS : COMPANY_IMPORT_FIELDS;
}

/** Fields several columns may fill together (values are added up, not overwritten). */
export const MULTI_VALUE_FIELDS: ReadonlySet<ImportField> = new Set([
  'phones',
  'emails',
  'tags',
  'notes',
]);

/** The order of a full name's parts: Ukrainian lists write the surname first. */
export type NameOrder = 'surname-first' | 'given-first';

/** A custom field as an import target: `custom:<fieldId>` (issue 18 point 7). */
export type CustomTarget = `custom:${string}`;

/** What a column can fill: a built-in field or a custom field. */
export type ImportTarget = ImportField | CustomTarget;

/** The target of custom field `fieldId`. */
export function customTarget(fieldId: string): CustomTarget {
  return `custom:${fieldId}`;
}

/** The custom field id a target names, or null for a built-in field. */
export function customFieldIdOf(target: ImportTarget | null): string | null {
  return target !== null && target.startsWith('custom:') ? target.slice('custom:'.length) : null;
}

/** How the columns of a file fill a record: one entry per header, null = skipped. */
export interface ColumnMapping {
  type: ImportType;
  columns: (ImportTarget | null)[];
  /** How to split a `fullName` column. */
  nameOrder: NameOrder;
}
