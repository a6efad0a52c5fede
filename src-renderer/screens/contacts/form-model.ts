/**
 * The contact form's values and their checks, with the record form model (components/records): the
 * shared zod schema the main process parses with gives the live errors, so the form and the router
 * can never disagree on what is valid.
 */
import {
  CONTACT_TEXT_FIELD_NAMES,
  contactInputSchema,
  contactIssues,
  isContactIssueCode,
  type Contact,
  type ContactInput,
  type ContactIssueCode,
  type ContactTextField,
} from '../../../src-shared/contacts';
import {
  createFormModel,
  filledPhones,
  filledRows,
  phoneRowsOf,
  type FieldErrors as RecordFieldErrors,
  type PhoneRow,
} from '../../components/records/form-model';
import { formatPhone } from './format';

export type { PhoneRow } from '../../components/records/form-model';

/** The form's fields as typed (strings, before normalisation). */
export interface ContactFormValues extends Record<ContactTextField, string> {
  surname: string;
  givenName: string;
  patronymic: string;
  /** The linked company's id ('' = none) and, for the picker, its name. */
  companyId: string;
  companyLabel: string;
  phones: PhoneRow[];
  emails: string[];
  telegram: string;
  viber: string;
  whatsapp: string;
  tags: string[];
}

/** Field path → message code, e.g. `phones.1.number` → `contact.phone_invalid`. */
export type FieldErrors = RecordFieldErrors<ContactIssueCode>;

/** The free-text fields' form values, given in CONTACT_TEXT_FIELD_NAMES order. */
function textOf(values: string[]): Record<ContactTextField, string> {
  return Object.fromEntries(CONTACT_TEXT_FIELD_NAMES.map((name, i) => [name, values[i]])) as Record<
    ContactTextField,
    string
  >;
}

/** A blank form with one empty phone and e-mail row. */
export function emptyValues(): ContactFormValues {
  return valuesFromContact(null);
}

/** The form filled from a stored contact (phones shown as people write them); blank for null. */
export function valuesFromContact(contact: Contact | null): ContactFormValues {
  const messengers = contact?.messengers ?? {};
  return {
    surname: contact?.surname ?? '',
    givenName: contact?.givenName ?? '',
    patronymic: contact?.patronymic ?? '',
    ...textOf(CONTACT_TEXT_FIELD_NAMES.map(name => contact?.[name] ?? '')),
    companyId: contact?.companyId ?? '',
    // A link to a company outside the reader's scope has no name here: the picker shows the id.
    companyLabel: contact?.company?.name ?? '',
    phones: phoneRowsOf(contact?.phones ?? []),
    emails: contact && contact.emails.length > 0 ? [...contact.emails] : [''],
    telegram: messengers.telegram ?? '',
    viber: messengers.viber ? formatPhone(messengers.viber) : '',
    whatsapp: messengers.whatsapp ? formatPhone(messengers.whatsapp) : '',
    tags: [...(contact?.tags ?? [])],
  };
}

/**
 * The raw input for the schema plus, for the repeatable rows, which form row each entry came
 * from (blank rows are left out, so `phones.1` in an error may be the form's third row).
 */
function rawInput(values: ContactFormValues) {
  const { phones, phoneIndex } = filledPhones(values.phones);
  const emailRows = filledRows(values.emails, email => email.trim() !== '');
  const input = {
    surname: values.surname,
    givenName: values.givenName,
    patronymic: values.patronymic,
    ...textOf(CONTACT_TEXT_FIELD_NAMES.map(name => values[name])),
    companyId: values.companyId,
    phones,
    emails: emailRows.map(({ row }) => row),
    messengers: { telegram: values.telegram, viber: values.viber, whatsapp: values.whatsapp },
    tags: values.tags,
  };
  return { input, index: { phones: phoneIndex, emails: emailRows.map(r => r.index) } };
}

/** The form as the channel's input (before normalisation): what create and update send. */
export type RawContactInput = ReturnType<typeof rawInput>['input'];

const FIELD_KEYS: readonly (keyof ContactInput)[] = [
  'surname',
  'givenName',
  'patronymic',
  ...CONTACT_TEXT_FIELD_NAMES,
  'companyId',
  'phones',
  'emails',
  'messengers',
  'tags',
];

/** The contact form's model: checks, server errors and patches with the shared schema. */
export const contactFormModel = createFormModel({
  empty: emptyValues,
  valuesOf: valuesFromContact,
  rawInput,
  schema: { safeParse: input => contactInputSchema.safeParse(input), issues: contactIssues },
  isCode: isContactIssueCode,
  keys: FIELD_KEYS,
});
