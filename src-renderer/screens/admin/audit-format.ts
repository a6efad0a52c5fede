/**
 * How audit entries read on screen: action names in words, field names, values before → after,
 * local times. Shared by the audit screen and the entity history.
 */
import type { TFunction } from 'i18next';
import type { AuditEntryView, AuditValue } from '../../../src-shared/ipc/audit';
import { CURRENCIES } from '../../../src-shared/deals/codes';
import { formatMoney } from '../../../src-shared/deals/money';

/** Longest value text shown inline; longer values are cut with an ellipsis (the CSV has them whole). */
const MAX_VALUE_CHARS = 160;

/** The action in words where known (`admin.actions.<feature>.<verb>`), else its raw name. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`admin.actions.${action}`, { defaultValue: action });
}

/** A field's name in words where known, else the raw field name. */
export function fieldLabel(t: TFunction, field: string): string {
  return t(`admin.fields.${field}`, { defaultValue: field });
}

/** The record type in words (`contact` → "Contact"), else the raw type. */
export function entityTypeLabel(t: TFunction, entityType: string): string {
  return t(`admin.audit.entities.${entityType}`, { defaultValue: entityType });
}

/** A timestamp in the user's local time and language, e.g. "29.11.2026, 07:05:12". */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Four-digit years: ICU's short Ukrainian date is "29.11.26", which reads ambiguously in a log.
  return date.toLocaleString(language === 'uk' ? 'uk-UA' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

function plain(value: AuditValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plain).filter(Boolean).join(', ');
  // An object such as a phone `{ number, kind }`: its parts in order, without the keys.
  return Object.values(value).map(plain).filter(Boolean).join(' ');
}

/**
 * A stored value as short text: lists joined with commas, objects by their parts, empty values as
 * "empty", `[redacted]` as "hidden".
 */
export function formatValue(t: TFunction, value: AuditValue | undefined): string {
  if (value === '[redacted]') return t('admin.history.redacted');
  const text = plain(value).trim();
  if (text === '') return t('admin.history.empty_value');
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** A grants map in words: "View contacts (own); Read the audit log". */
function grantsText(t: TFunction, value: AuditValue | undefined): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.entries(value)
    .map(([permission, grant]) => {
      const name = t(`admin.permissions.${permission}`, { defaultValue: permission });
      return typeof grant === 'string' ? `${name} (${t(`admin.scopes.${grant}`)})` : name;
    })
    .join('; ');
}

/** What turns stored values into words on a screen. */
export interface ValueContext {
  /** User id → name, where the screen knows them (the users list or the colleagues' names). */
  names?: ReadonlyMap<string, string>;
  /** The interface language: timestamps read as local date and time in it (else as stored). */
  language?: string;
  /**
   * Shown for an owner or share id the screen cannot name. Without it the id itself is shown (the
   * audit log keeps ids as forensic detail); a record's history never shows a raw id.
   */
  unknownUser?: string;
  /** The record's currency where the entry names it: amounts then read as money ("12 500 ₴"). */
  currency?: string;
}

/** Fields whose values are integer minor units (kopecks, cents). */
const MONEY_FIELDS: ReadonlySet<string> = new Set(['amountMinor']);

/** Minor units as money in the interface language; without a currency, a grouped number. */
export function moneyText(minor: number, language: string, currency?: string): string {
  const locale = language === 'en' ? 'en-GB' : 'uk-UA';
  const digits = minor % 100 === 0 ? 0 : 2;
  const options: Intl.NumberFormatOptions = {
    minimumFractionDigits: digits,
    maximumFractionDigits: 2,
  };
  // The deals' own money format: grouping and the currency's sign ("12 500 ₴", "$700").
  const known = CURRENCIES.find(c => c === currency);
  if (known) return formatMoney(minor, known, locale);
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    return new Intl.NumberFormat(locale, { ...options, style: 'currency', currency }).format(
      minor / 100,
    );
  }
  return new Intl.NumberFormat(locale, options).format(minor / 100);
}

/** Fields whose values are user ids (one, or a list). */
const USER_FIELDS: ReadonlySet<string> = new Set(['ownerId', 'sharedWith']);

/** A stored UTC timestamp as main writes them (`2026-11-29T10:07:43.689Z`). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A user id as the person's name, else `unknownUser`, else the id. */
function userText(id: string, context: ValueContext): string {
  return context.names?.get(id) ?? context.unknownUser ?? id;
}

/**
 * A field's value in words where the field's values are known codes (roles, account status,
 * grants), user ids (as names) or timestamps (local time), else {@link formatValue}.
 */
export function fieldValueText(
  t: TFunction,
  field: string,
  value: AuditValue | undefined,
  context: ValueContext = {},
): string {
  if (field === 'grants') {
    const text = grantsText(t, value);
    if (text) return text;
  }
  if (USER_FIELDS.has(field)) {
    if (typeof value === 'string' && value !== '') return userText(value, context);
    if (Array.isArray(value) && value.length > 0) {
      return value.map(id => (typeof id === 'string' ? userText(id, context) : '')).join(', ');
    }
  }
  if (MONEY_FIELDS.has(field) && typeof value === 'number') {
    return moneyText(value, context.language ?? 'uk', context.currency);
  }
  if (typeof value === 'string') {
    if (field === 'status') return t(`admin.users.${value}`, { defaultValue: value });
    if (field === 'role') return t(`shell.roles.${value}`, { defaultValue: value });
    if (context.language && TIMESTAMP.test(value)) return formatTime(value, context.language);
    // A user id (reassigned to…) reads as the person's name when the screen knows it.
    const name = context.names?.get(value);
    if (name) return name;
  }
  return formatValue(t, value);
}

/**
 * A detail value that is a code, in words: an audit action (`backup.run` → "Scheduled backup"), a
 * role id (`administrator` → "System administrator"), an error code (its sentence); else null.
 */
export function detailCodeText(t: TFunction, key: string, value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (key === 'action') return actionLabel(t, value);
  if (key === 'role' || key === 'roleBefore' || key === 'roleAfter') {
    return t(`shell.roles.${value}`, { defaultValue: value });
  }
  if (key === 'error') return t([`errors.${value}`, 'common.unexpectedError']);
  return null;
}

/** An entry's extra detail name in words where known (`reassignedCount` → "Records moved"). */
export function detailLabel(t: TFunction, key: string): string {
  return t(`admin.detailKeys.${key}`, { defaultValue: key });
}

/** A short form of a record id for the table (the full id is in the details and the tooltip). */
export function shortId(id: string): string {
  return id.replace(/^custom-/, '').slice(0, 8);
}

/** One field's change ready to show. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/**
 * An entry's field changes in display form (fields in the order the entry lists them); `context`
 * names user ids and formats timestamps (see {@link ValueContext}).
 */
export function fieldChanges(
  t: TFunction,
  entry: Pick<AuditEntryView, 'changes'>,
  context: ValueContext = {},
): FieldChange[] {
  if (!entry.changes) return [];
  const empty = t('admin.history.empty_value');
  const currencyChange = entry.changes['currency'] as
    { before?: unknown; after?: unknown } | undefined;
  const currency = [currencyChange?.after, currencyChange?.before, context.currency].find(
    (c): c is string => typeof c === 'string',
  );
  const withCurrency = { ...context, currency };
  return (
    Object.entries(entry.changes)
      .map(([field, change]) => ({
        field,
        label: fieldLabel(t, field),
        // Creations and deletions log only one side; the missing side reads "empty".
        before: fieldValueText(t, field, (change as { before?: AuditValue }).before, withCurrency),
        after: fieldValueText(t, field, (change as { after?: AuditValue }).after, withCurrency),
      }))
      // A created record's empty list ("Phones: empty → empty") says nothing: not shown. Other
      // equal sides stay ("Notes: hidden → hidden" still says the notes changed).
      .filter(change => change.before !== empty || change.after !== empty)
  );
}
