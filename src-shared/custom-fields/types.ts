/**
 * Custom fields (issue 18 point 7): fields the owner adds to contacts, companies or deals, each of
 * one kind. Definitions live in the vault's `custom_fields` table (migration 0030); a record's
 * values live in its own row as a JSON object keyed by field id.
 */

/** The record types that can carry custom fields. */
export const CUSTOM_RECORD_TYPES = ['contact', 'company', 'deal'] as const;
/** One of {@link CUSTOM_RECORD_TYPES}. */
export type CustomRecordType = (typeof CUSTOM_RECORD_TYPES)[number];

/** What a custom field holds. */
export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'choice', 'yesno'] as const;
/** One of {@link CUSTOM_FIELD_KINDS}. */
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

/** A field as the forms, lists and the admin tab see it. */
export interface CustomField {
  id: string;
  recordType: CustomRecordType;
  label: string;
  kind: CustomFieldKind;
  /** The choices of a `choice` field, in order (empty for other kinds). */
  options: string[];
  /** Order on the form (1 first). */
  position: number;
  /** An archived field is hidden from forms and filters; its values stay. */
  archived: boolean;
  /**
   * Shown in its record type's list rows (contacts, companies), as the owner chose; main always
   * says, absent reads as not shown.
   */
  showInList?: boolean;
}

/** A stored value: text, date (`YYYY-MM-DD`) and choice as strings, numbers, yes/no as booleans. */
export type CustomValue = string | number | boolean;

/** A record's values by field id (a field without a value is absent). */
export type CustomValues = Record<string, CustomValue>;

/** Limits the forms show and main enforces. */
export const CUSTOM_FIELD_LIMITS = {
  label: 60,
  options: 50,
  option: 60,
  text: 500,
  /** Numbers stay within ±10^12 with at most two decimals (money, areas, counts). */
  number: 1e12,
  /** Fields per record type. */
  fields: 50,
} as const;

/** The table of a record type. */
export const CUSTOM_TABLE = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
} as const satisfies Record<CustomRecordType, string>;
