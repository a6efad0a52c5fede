/** What the list says about one optional free-text field. */
export interface ContactTextFieldSpec {
  /** Most characters after tidying. */
  readonly limit: number;
  /** Whether line breaks are kept (one-line fields have their spaces tidied like names). */
  readonly multiline: boolean;
  /** The field's name in each language: CSV header, detail label, audit log. */
  readonly label: { readonly uk: string; readonly en: string };
  /** The vCard 4.0 property the field is exported as (RFC 6350, or an `X-` extension). */
  readonly vcard: string;
}

/**
 * The contact's optional free-text fields, in form order: the one list the schema, the stored
 * columns (each the field's snake_case name, nullable text), the audit view, the form model, the
 * export files (CSV column, vCard property) and the detail page read. Fields with their own rules
 * (names, phones, e-mails, messengers, tags, the company link) stay written out where they are used.
 */
export const CONTACT_TEXT_FIELDS = {
  companyName: {
    limit: 200,
    multiline: false,
    label: { uk: 'Компанія', en: 'Company' },
    vcard: 'ORG',
  },
  position: {
    limit: 120,
    multiline: false,
    label: { uk: 'Посада', en: 'Job title' },
    vcard: 'TITLE',
  },
  address: { limit: 500, multiline: true, label: { uk: 'Адреса', en: 'Address' }, vcard: 'ADR' },
  // vCard's own SOURCE is a directory URI, not "where the client came from": an extension property.
  source: {
    limit: 100,
    multiline: false,
    label: { uk: 'Джерело', en: 'Source' },
    vcard: 'X-ZAMOK-SOURCE',
  },
  notes: { limit: 10_000, multiline: true, label: { uk: 'Нотатки', en: 'Notes' }, vcard: 'NOTE' },
} as const satisfies Record<string, ContactTextFieldSpec>;

/** The name of one optional free-text field (`companyName`, `notes`, …). */
export type ContactTextField = keyof typeof CONTACT_TEXT_FIELDS;

/** The optional free-text fields' names, in form order. */
export const CONTACT_TEXT_FIELD_NAMES = Object.keys(CONTACT_TEXT_FIELDS) as ContactTextField[];

/** The values of the optional free-text fields (null = empty). */
export type ContactTextValues = { [K in ContactTextField]: string | null };

/** The limits of the optional free-text fields, for CONTACT_LIMITS. */
export const CONTACT_TEXT_LIMITS = Object.fromEntries(
  CONTACT_TEXT_FIELD_NAMES.map(name => [name, CONTACT_TEXT_FIELDS[name].limit]),
) as { readonly [K in ContactTextField]: (typeof CONTACT_TEXT_FIELDS)[K]['limit'] };

/** Picks the optional free-text fields of `from`, each undefined one as null. */
export function contactTextOf(
  from: Partial<Record<ContactTextField, string | null>>,
): ContactTextValues {
  return Object.fromEntries(
    CONTACT_TEXT_FIELD_NAMES.map(name => [name, from[name] ?? null]),
  ) as ContactTextValues;
}

/** Whether `key` names an optional free-text field. */
export function isContactTextField(key: string): key is ContactTextField {
  return Object.hasOwn(CONTACT_TEXT_FIELDS, key);
}

/** The spec of one optional free-text field. */
export function contactTextSpec(name: ContactTextField): ContactTextFieldSpec {
  return CONTACT_TEXT_FIELDS[name];
}

/** The optional free-text fields' names in `locale`. */
export function contactTextLabels(locale: 'uk' | 'en'): Record<ContactTextField, string> {
  return Object.fromEntries(
    CONTACT_TEXT_FIELD_NAMES.map(name => [name, CONTACT_TEXT_FIELDS[name].label[locale]]),
  ) as Record<ContactTextField, string>;
}

/**
 * A layout of `K` items and text fields, with every text field `order` does not name inserted, in
 * list order, before `before` (at the end without it): where a new text field lands until a layout
 * places it on purpose.
 */
export function withContactTextFields<K extends string>(
  order: readonly (K | ContactTextField)[],
  before?: K,
): (K | ContactTextField)[] {
  const missing = CONTACT_TEXT_FIELD_NAMES.filter(name => !order.includes(name));
  const at = before === undefined ? -1 : order.indexOf(before);
  if (at < 0) return [...order, ...missing];
  return [...order.slice(0, at), ...missing, ...order.slice(at)];
}
