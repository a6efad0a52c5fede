/**
 * The contact form's values and their checks. The same shared zod schema the main process parses
 * with gives the live errors, so the form and the router can never disagree on what is valid.
 */
import {
  contactInputSchema,
  contactIssues,
  isContactIssueCode,
  type Contact,
  type ContactInput,
  type ContactIssueCode,
} from '../../../src-shared/contacts';
import type { CallError } from '../../../src-shared/ipc/contract';
import { formatPhone } from './format';

/** One phone row as typed. */
export interface PhoneRow {
  number: string;
  label: string;
}

/** The form's fields as typed (strings, before normalisation). */
export interface ContactFormValues {
  surname: string;
  givenName: string;
  patronymic: string;
  companyName: string;
  /** The linked company's id ('' = none) and, for the picker, its name. */
  companyId: string;
  companyLabel: string;
  phones: PhoneRow[];
  emails: string[];
  telegram: string;
  viber: string;
  whatsapp: string;
  address: string;
  tags: string[];
  source: string;
  notes: string;
}

/** Field path → message code, e.g. `phones.1.number` → `contact.phone_invalid`. */
export type FieldErrors = Readonly<Record<string, ContactIssueCode>>;

/** A blank form with one empty phone and e-mail row. */
export function emptyValues(): ContactFormValues {
  return {
    surname: '',
    givenName: '',
    patronymic: '',
    companyName: '',
    companyId: '',
    companyLabel: '',
    phones: [{ number: '', label: '' }],
    emails: [''],
    telegram: '',
    viber: '',
    whatsapp: '',
    address: '',
    tags: [],
    source: '',
    notes: '',
  };
}

/** The form filled from a stored contact (phones shown as people write them). */
export function valuesFromContact(contact: Contact): ContactFormValues {
  return {
    surname: contact.surname,
    givenName: contact.givenName,
    patronymic: contact.patronymic ?? '',
    companyName: contact.companyName ?? '',
    companyId: contact.companyId ?? '',
    // A link to a company outside the reader's scope has no name here: the picker shows the id.
    companyLabel: contact.company?.name ?? '',
    phones:
      contact.phones.length > 0
        ? contact.phones.map(p => ({ number: formatPhone(p.e164), label: p.label ?? '' }))
        : [{ number: '', label: '' }],
    emails: contact.emails.length > 0 ? [...contact.emails] : [''],
    telegram: contact.messengers.telegram ?? '',
    viber: contact.messengers.viber ? formatPhone(contact.messengers.viber) : '',
    whatsapp: contact.messengers.whatsapp ? formatPhone(contact.messengers.whatsapp) : '',
    address: contact.address ?? '',
    tags: [...contact.tags],
    source: contact.source ?? '',
    notes: contact.notes ?? '',
  };
}

/**
 * The raw input for the schema plus, for the repeatable rows, which form row each entry came
 * from (blank rows are left out, so `phones.1` in an error may be the form's third row).
 */
function rawInput(values: ContactFormValues) {
  const phoneRows = values.phones
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.number.trim() !== '' || row.label.trim() !== '');
  const emailRows = values.emails
    .map((email, index) => ({ email, index }))
    .filter(({ email }) => email.trim() !== '');
  const input = {
    surname: values.surname,
    givenName: values.givenName,
    patronymic: values.patronymic,
    companyName: values.companyName,
    companyId: values.companyId,
    address: values.address,
    source: values.source,
    notes: values.notes,
    phones: phoneRows.map(({ row }) => (row.label.trim() ? row : { number: row.number })),
    emails: emailRows.map(({ email }) => email),
    messengers: { telegram: values.telegram, viber: values.viber, whatsapp: values.whatsapp },
    tags: values.tags,
  };
  return {
    input,
    phoneIndex: phoneRows.map(r => r.index),
    emailIndex: emailRows.map(r => r.index),
  };
}

/** Maps a schema path (entries without blank rows) back to the form's own row numbers. */
function formPath(path: string, phoneIndex: number[], emailIndex: number[]): string {
  const parts = path.split('.');
  const position = Number(parts[1]);
  if (parts.length > 1 && Number.isInteger(position)) {
    if (parts[0] === 'phones') parts[1] = String(phoneIndex[position] ?? position);
    if (parts[0] === 'emails') parts[1] = String(emailIndex[position] ?? position);
  }
  return parts.join('.');
}

/** The form as the channel's input (before normalisation): what create and update send. */
export type RawContactInput = ReturnType<typeof rawInput>['input'];

/** The result of checking the form: normalised input, or the first problem of each field. */
export type FormCheck =
  { ok: true; input: ContactInput; raw: RawContactInput } | { ok: false; errors: FieldErrors };

/** Checks the form with the shared schema (the same checks the main process runs). */
export function checkForm(values: ContactFormValues): FormCheck {
  const { input, phoneIndex, emailIndex } = rawInput(values);
  const parsed = contactInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data, raw: input };
  const errors: Record<string, ContactIssueCode> = {};
  for (const issue of contactIssues(parsed.error)) {
    const field = formPath(issue.field, phoneIndex, emailIndex);
    errors[field] ??= issue.code;
  }
  return { ok: false, errors };
}

/**
 * Field errors from a server `invalid_input` (`details.codes`: `{ field: 'contact.phones.0.number',
 * code }`). The first path segment is the call's wrapper (`contact` or `patch`). Row numbers count
 * only non-blank rows, as the form sent them.
 */
export function serverFieldErrors(error: CallError, values: ContactFormValues): FieldErrors {
  const codes = error.code === 'invalid_input' ? error.details?.['codes'] : undefined;
  if (!Array.isArray(codes)) return {};
  const { phoneIndex, emailIndex } = rawInput(values);
  const errors: Record<string, ContactIssueCode> = {};
  for (const entry of codes as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, code } = entry as { field?: unknown; code?: unknown };
    if (typeof field !== 'string' || !isContactIssueCode(code)) continue;
    const path = formPath(field.split('.').slice(1).join('.'), phoneIndex, emailIndex);
    errors[path] ??= code;
  }
  return errors;
}

const FIELD_KEYS = [
  'surname',
  'givenName',
  'patronymic',
  'companyName',
  'companyId',
  'address',
  'source',
  'notes',
  'phones',
  'emails',
  'messengers',
  'tags',
] as const satisfies readonly (keyof ContactInput)[];

/**
 * An edit as a patch: the typed values of only the fields whose normalised value changed (so the
 * history shows what the user really changed). Empty when nothing changed.
 */
export function changedFields(
  before: ContactInput,
  after: ContactInput,
  raw: RawContactInput,
): Partial<RawContactInput> {
  const patch: Partial<Record<keyof RawContactInput, unknown>> = {};
  for (const key of FIELD_KEYS) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      patch[key] = raw[key];
  }
  return patch as Partial<RawContactInput>;
}
