/**
 * The contact's optional free-text fields, in form order: the one list the schema, the stored
 * columns (each the field's snake_case name, nullable text), the audit view and the form model
 * read. Each has its limit (characters after tidying) and whether line breaks are kept; one-line
 * ones have their spaces tidied like names. Fields with their own rules (names, phones, e-mails,
 * messengers, tags, the company link) stay written out where they are used.
 */
export const CONTACT_TEXT_FIELDS = {
  companyName: { limit: 200, multiline: false },
  position: { limit: 120, multiline: false },
  address: { limit: 500, multiline: true },
  source: { limit: 100, multiline: false },
  notes: { limit: 10_000, multiline: true },
} as const;

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
