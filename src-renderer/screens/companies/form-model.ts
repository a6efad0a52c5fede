/**
 * The company form's values and their checks: the same shared zod schema the main process parses
 * with gives the live errors, so the form and the router never disagree on what is valid.
 */
import {
  companyInputSchema,
  companyIssues,
  isCompanyIssueCode,
  type Company,
  type CompanyInput,
  type CompanyIssueCode,
} from '../../../src-shared/companies';
import type { CallError } from '../../../src-shared/ipc/contract';
import { formatPhone } from '../contacts/format';
import type { PhoneRow } from '../contacts/form-model';

/** The form's fields as typed (strings, before normalisation). */
export interface CompanyFormValues {
  name: string;
  edrpou: string;
  rnokpp: string;
  legalAddress: string;
  actualAddress: string;
  phones: PhoneRow[];
  website: string;
  notes: string;
}

/** Field path → message code, e.g. `edrpou` → `company.edrpou_checksum`. */
export type FieldErrors = Readonly<Record<string, CompanyIssueCode>>;

/** A blank form with one empty phone row. */
export function emptyValues(): CompanyFormValues {
  return {
    name: '',
    edrpou: '',
    rnokpp: '',
    legalAddress: '',
    actualAddress: '',
    phones: [{ number: '', label: '' }],
    website: '',
    notes: '',
  };
}

/** The form filled from a stored company. */
export function valuesFromCompany(company: Company): CompanyFormValues {
  return {
    name: company.name,
    edrpou: company.edrpou ?? '',
    rnokpp: company.rnokpp ?? '',
    legalAddress: company.legalAddress ?? '',
    actualAddress: company.actualAddress ?? '',
    phones:
      company.phones.length > 0
        ? company.phones.map(p => ({ number: formatPhone(p.e164), label: p.label ?? '' }))
        : [{ number: '', label: '' }],
    website: company.website ?? '',
    notes: company.notes ?? '',
  };
}

/** The raw input and, for phones, which form row each entry came from (blank rows left out). */
function rawInput(values: CompanyFormValues) {
  const phoneRows = values.phones
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.number.trim() !== '' || row.label.trim() !== '');
  const input = {
    name: values.name,
    edrpou: values.edrpou,
    rnokpp: values.rnokpp,
    legalAddress: values.legalAddress,
    actualAddress: values.actualAddress,
    phones: phoneRows.map(({ row }) => (row.label.trim() ? row : { number: row.number })),
    website: values.website,
    notes: values.notes,
  };
  return { input, phoneIndex: phoneRows.map(r => r.index) };
}

function formPath(path: string, phoneIndex: number[]): string {
  const parts = path.split('.');
  const position = Number(parts[1]);
  if (parts[0] === 'phones' && parts.length > 1 && Number.isInteger(position))
    parts[1] = String(phoneIndex[position] ?? position);
  return parts.join('.');
}

/** The form as the channel's input (before normalisation). */
export type RawCompanyInput = ReturnType<typeof rawInput>['input'];

/** The result of checking the form: normalised input, or the first problem of each field. */
export type FormCheck =
  { ok: true; input: CompanyInput; raw: RawCompanyInput } | { ok: false; errors: FieldErrors };

/** Checks the form with the shared schema (the same checks the main process runs). */
export function checkForm(values: CompanyFormValues): FormCheck {
  const { input, phoneIndex } = rawInput(values);
  const parsed = companyInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data, raw: input };
  const errors: Record<string, CompanyIssueCode> = {};
  for (const issue of companyIssues(parsed.error))
    errors[formPath(issue.field, phoneIndex)] ??= issue.code;
  return { ok: false, errors };
}

/** Field errors from a server `invalid_input` (`details.codes`, first segment = `company`/`patch`). */
export function serverFieldErrors(error: CallError, values: CompanyFormValues): FieldErrors {
  const codes = error.code === 'invalid_input' ? error.details?.['codes'] : undefined;
  if (!Array.isArray(codes)) return {};
  const { phoneIndex } = rawInput(values);
  const errors: Record<string, CompanyIssueCode> = {};
  for (const entry of codes as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, code } = entry as { field?: unknown; code?: unknown };
    if (typeof field !== 'string' || !isCompanyIssueCode(code)) continue;
    errors[formPath(field.split('.').slice(1).join('.'), phoneIndex)] ??= code;
  }
  return errors;
}

const FIELD_KEYS = [
  'name',
  'edrpou',
  'rnokpp',
  'legalAddress',
  'actualAddress',
  'phones',
  'website',
  'notes',
] as const satisfies readonly (keyof CompanyInput)[];

/** An edit as a patch: the typed values of only the fields whose normalised value changed. */
export function changedFields(
  before: CompanyInput,
  after: CompanyInput,
  raw: RawCompanyInput,
): Partial<RawCompanyInput> {
  const patch: Partial<Record<keyof RawCompanyInput, unknown>> = {};
  for (const key of FIELD_KEYS) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      patch[key] = raw[key];
  }
  return patch as Partial<RawCompanyInput>;
}
