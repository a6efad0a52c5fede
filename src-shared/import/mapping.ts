/**
 * From a file's row to the input of the contact or company form: the mapping suggested from the
 * headers (./synonyms.ts), the cells gathered per field (several phone columns, Google's
 * "a ::: b" cells, line-separated vCard values), a full name split (./names.ts), and the result
 * parsed by the very zod schema the forms and the router use — so an import accepts exactly what a
 * person could type, normalised the same way.
 */
import {
  companyInputSchema,
  companyIssues,
  type CompanyFieldIssue,
  type CompanyInput,
} from '../companies';
import {
  contactInputSchema,
  contactIssues,
  type ContactFieldIssue,
  type ContactInput,
} from '../contacts';
import {
  MULTI_VALUE_FIELDS,
  customFieldIdOf,
  customTarget,
  importFieldsOf,
  type ColumnMapping,
  type ImportField,
  type ImportTarget,
  type ImportType,
  type NameOrder,
} from './fields';
import { splitFullName } from './names';
import { fieldForHeader, nameOrderFor, normalizeHeader } from './synonyms';

/** A custom field as the mapping knows it: its id and label. */
export interface CustomTargetField {
  id: string;
  label: string;
}

/**
 * The mapping the headers suggest: each recognised header fills its field, a header equal to a
 * custom field's label (case aside) fills that field, before any built-in synonym; unknown ones are skipped. vCard rows and
 * English "Name" columns split given-name-first.
 */
export function suggestMapping(
  type: ImportType,
  headers: readonly string[],
  custom: readonly CustomTargetField[] = [],
): ColumnMapping {
  const columns = headers.map((h): ImportTarget | null => {
    // The owner's own label wins over a built-in synonym («Джерело» as their choice field).
    const key = h.trim().toLocaleLowerCase('uk');
    const match = custom.find(f => f.label.trim().toLocaleLowerCase('uk') === key);
    return match && key.length > 0 ? customTarget(match.id) : fieldForHeader(type, h);
  });
  const nameColumn = columns.indexOf('fullName');
  const nameOrder: NameOrder =
    nameColumn < 0 ? 'surname-first' : nameOrderFor(headers[nameColumn] ?? '');
  return { type, columns, nameOrder };
}

/**
 * The header set's key: the normalised headers in order. A saved mapping is offered again for a
 * file whose key is the same ("Ім’я" and "ім'я" match; a reordered sheet does not).
 */
export function headerKey(headers: readonly string[]): string {
  return JSON.stringify(headers.map(normalizeHeader));
}

/**
 * Whether `mapping` fits `headers` (one entry per header, fields of its type only; a custom target
 * only for a field id in `customIds`, the record type's live fields).
 */
export function mappingFits(
  mapping: ColumnMapping,
  headers: readonly string[],
  customIds: ReadonlySet<string> = new Set(),
): boolean {
  const allowed = new Set<string>(importFieldsOf(mapping.type));
  return (
    mapping.columns.length === headers.length &&
    mapping.columns.every(field => {
      if (field === null) return true;
      const id = customFieldIdOf(field);
      return id === null ? allowed.has(field) : customIds.has(id);
    })
  );
}

/** The cells of a row mapped to custom fields, by field id (first non-empty cell wins). */
export function customCells(mapping: ColumnMapping, row: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  mapping.columns.forEach((target, i) => {
    const id = customFieldIdOf(target);
    const cell = withoutFormulaGuard((row[i] ?? '').trim());
    if (id !== null && cell.length > 0 && !out.has(id)) out.set(id, cell);
  });
  return out;
}

/** Splits a multi-value cell: line breaks, `;`, Google's ` ::: `, and for e-mails also `,`. */
function valuesOf(field: ImportField, cell: string): string[] {
  const separators = field === 'phones' ? /\s*(?::::|[\n;])\s*/u : /\s*(?::::|[\n;,])\s*/u;
  return cell
    .split(separators)
    .map(v => v.trim())
    .filter(v => v.length > 0)
    .filter(v => field !== 'tags' || !v.startsWith('* ')); // Google's system labels
}

/**
 * A cell without the apostrophe an export puts before = + - @ so that a spreadsheet shows the
 * cell as text (src-main/exports/csv.ts): «'+380671234567» is the phone «+380671234567».
 */
export function withoutFormulaGuard(cell: string): string {
  return cell.replace(/^'(?=[=+\-@])/u, '');
}

/** The cells of a row gathered per field: multi-value fields as lists, others first non-empty. */
export function gatherRow(
  mapping: ColumnMapping,
  row: readonly string[],
): Map<ImportField, string[]> {
  const out = new Map<ImportField, string[]>();
  mapping.columns.forEach((target, i) => {
    const cell = withoutFormulaGuard((row[i] ?? '').trim());
    if (target === null || customFieldIdOf(target) !== null || cell.length === 0) return;
    const field = target as ImportField;
    const list = out.get(field) ?? [];
    if (MULTI_VALUE_FIELDS.has(field) && field !== 'notes') list.push(...valuesOf(field, cell));
    else if (field === 'notes' || list.length === 0) list.push(cell);
    out.set(field, list);
  });
  return out;
}

function one(cells: Map<ImportField, string[]>, field: ImportField): string | undefined {
  return cells.get(field)?.[0];
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/** The raw contact input (before the schema) a row gives. */
export function contactDraft(
  mapping: ColumnMapping,
  row: readonly string[],
): Record<string, unknown> {
  const cells = gatherRow(mapping, row);
  const full = one(cells, 'fullName');
  const split = full ? splitFullName(full, mapping.nameOrder) : null;
  const surname = one(cells, 'surname') ?? split?.surname ?? '';
  const givenName = one(cells, 'givenName') ?? split?.givenName ?? '';
  const patronymic = one(cells, 'patronymic') ?? split?.patronymic ?? '';
  const draft: Record<string, unknown> = { surname, givenName };
  if (patronymic) draft.patronymic = patronymic;
  for (const field of ['companyName', 'position', 'address', 'source'] as const) {
    const value = one(cells, field);
    if (value !== undefined) draft[field] = value;
  }
  const notes = cells.get('notes');
  if (notes) draft.notes = notes.join('\n');
  const phones = dedupe(cells.get('phones') ?? []);
  if (phones.length) draft.phones = phones.map(number => ({ number }));
  const emails = dedupe(cells.get('emails') ?? []);
  if (emails.length) draft.emails = emails;
  const tags = cells.get('tags');
  if (tags) draft.tags = tags;
  const messengers: Record<string, string> = {};
  for (const field of ['telegram', 'viber', 'whatsapp'] as const) {
    const value = one(cells, field);
    if (value !== undefined) messengers[field] = value;
  }
  if (Object.keys(messengers).length) draft.messengers = messengers;
  return draft;
}

/** The raw company input (before the schema) a row gives. */
export function companyDraft(
  mapping: ColumnMapping,
  row: readonly string[],
): Record<string, unknown> {
  const cells = gatherRow(mapping, row);
  const draft: Record<string, unknown> = { name: one(cells, 'name') ?? '' };
  for (const field of ['edrpou', 'rnokpp', 'legalAddress', 'actualAddress', 'website'] as const) {
    const value = one(cells, field);
    if (value !== undefined) draft[field] = value;
  }
  const notes = cells.get('notes');
  if (notes) draft.notes = notes.join('\n');
  const phones = dedupe(cells.get('phones') ?? []);
  if (phones.length) draft.phones = phones.map(number => ({ number }));
  return draft;
}

/** A row parsed for its record type: the normalised input, or the form's issue codes. */
export type ParsedRow =
  | { ok: true; type: 'contacts'; input: ContactInput }
  | { ok: true; type: 'companies'; input: CompanyInput }
  | { ok: false; issues: (ContactFieldIssue | CompanyFieldIssue)[] };

/** Parses one row with the form's schema (never carries the rejected values). */
export function parseRow(mapping: ColumnMapping, row: readonly string[]): ParsedRow {
  if (mapping.type === 'contacts') {
    const result = contactInputSchema.safeParse(contactDraft(mapping, row));
    return result.success
      ? { ok: true, type: 'contacts', input: result.data }
      : { ok: false, issues: contactIssues(result.error) };
  }
  const result = companyInputSchema.safeParse(companyDraft(mapping, row));
  return result.success
    ? { ok: true, type: 'companies', input: result.data }
    : { ok: false, issues: companyIssues(result.error) };
}
