/**
 * The company form's values and their checks, with the record form model (components/records): the
 * same shared zod schema the main process parses with gives the live errors, so the form and the
 * router never disagree on what is valid.
 */
import {
  companyInputSchema,
  companyIssues,
  isCompanyIssueCode,
  type Company,
  type CompanyInput,
  type CompanyIssueCode,
} from '../../../src-shared/companies';
import {
  createFormModel,
  filledPhones,
  phoneRowsOf,
  type FieldErrors as RecordFieldErrors,
  type PhoneRow,
} from '../../components/records/form-model';

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
export type FieldErrors = RecordFieldErrors<CompanyIssueCode>;

/** A blank form with one empty phone row. */
export function emptyValues(): CompanyFormValues {
  return valuesFromCompany(null);
}

/** The form filled from a stored company; blank for null. */
export function valuesFromCompany(company: Company | null): CompanyFormValues {
  return {
    name: company?.name ?? '',
    edrpou: company?.edrpou ?? '',
    rnokpp: company?.rnokpp ?? '',
    legalAddress: company?.legalAddress ?? '',
    actualAddress: company?.actualAddress ?? '',
    phones: phoneRowsOf(company?.phones ?? []),
    website: company?.website ?? '',
    notes: company?.notes ?? '',
  };
}

/** The raw input and, for phones, which form row each entry came from (blank rows left out). */
function rawInput(values: CompanyFormValues) {
  const { phones, phoneIndex } = filledPhones(values.phones);
  const input = {
    name: values.name,
    edrpou: values.edrpou,
    rnokpp: values.rnokpp,
    legalAddress: values.legalAddress,
    actualAddress: values.actualAddress,
    phones,
    website: values.website,
    notes: values.notes,
  };
  return { input, index: { phones: phoneIndex } };
}

/** The form as the channel's input (before normalisation). */
export type RawCompanyInput = ReturnType<typeof rawInput>['input'];

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

/** The company form's model: checks, server errors and patches with the shared schema. */
export const companyFormModel = createFormModel({
  empty: emptyValues,
  valuesOf: valuesFromCompany,
  rawInput,
  schema: { safeParse: input => companyInputSchema.safeParse(input), issues: companyIssues },
  isCode: isCompanyIssueCode,
  keys: FIELD_KEYS,
});
