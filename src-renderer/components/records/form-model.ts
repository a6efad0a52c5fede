/**
 * What every record form's model does the same way: the shared zod schema (the one the main process
 * parses with) gives the live errors; repeatable rows (phones, e-mails) are sent without their blank
 * rows, so an error's row number is mapped back to the form's own row; a server rejection's field
 * codes land on the same fields; an edit is sent as a patch of only the changed fields.
 */
import type { CallError } from '../../../src-shared/ipc/contract';
import { formatPhone } from './format';

/** One phone row as typed. */
export interface PhoneRow {
  number: string;
  label: string;
}

/** Field path → message code, e.g. `phones.1.number` → `contact.phone_invalid`. */
export type FieldErrors<C extends string = string> = Readonly<Record<string, C>>;

/** The result of checking a form: normalised input, or the first problem of each field. */
export type FormCheck<I, Raw, C extends string> =
  { ok: true; input: I; raw: Raw } | { ok: false; errors: FieldErrors<C> };

/** For each repeatable field, which form row each sent entry came from. */
export type RowIndex = Readonly<Record<string, readonly number[]>>;

/** A record's stored phones as form rows (shown as people write them); one blank row if none. */
export function phoneRowsOf(
  phones: readonly { e164: string; label?: string | null }[],
): PhoneRow[] {
  return phones.length > 0
    ? phones.map(p => ({ number: formatPhone(p.e164), label: p.label ?? '' }))
    : [{ number: '', label: '' }];
}

/** The rows worth sending (not blank) with their place in the form. */
export function filledRows<T>(rows: readonly T[], filled: (row: T) => boolean) {
  return rows.map((row, index) => ({ row, index })).filter(({ row }) => filled(row));
}

/** The phone rows to send: blank ones left out, an empty label dropped. */
export function filledPhones(phones: readonly PhoneRow[]) {
  const rows = filledRows(phones, row => row.number.trim() !== '' || row.label.trim() !== '');
  return {
    phones: rows.map(({ row }) => (row.label.trim() ? row : { number: row.number })),
    phoneIndex: rows.map(r => r.index),
  };
}

/** Maps a schema path (entries without blank rows) back to the form's own row numbers. */
export function formPath(path: string, index: RowIndex): string {
  const parts = path.split('.');
  const position = Number(parts[1]);
  const rows = index[parts[0] ?? ''];
  if (rows && parts.length > 1 && Number.isInteger(position))
    parts[1] = String(rows[position] ?? position);
  return parts.join('.');
}

/** A record type's schema check, as {@link checkWith} uses it. */
export interface RecordSchema<I, C extends string> {
  safeParse: (input: unknown) => { success: true; data: I } | { success: false; error: unknown };
  issues: (error: never) => readonly { field: string; code: C }[];
}

/** Checks `raw` with the shared schema; errors are keyed by the form's own paths. */
export function checkWith<I, Raw, C extends string>(
  schema: RecordSchema<I, C>,
  raw: Raw,
  index: RowIndex,
): FormCheck<I, Raw, C> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data, raw };
  const errors: Record<string, C> = {};
  for (const issue of schema.issues(parsed.error as never))
    errors[formPath(issue.field, index)] ??= issue.code;
  return { ok: false, errors };
}

/**
 * Field errors from a server `invalid_input` (`details.codes`: `{ field: 'contact.phones.0.number',
 * code }`). The first path segment is the call's wrapper (`contact`, `company` or `patch`). Row
 * numbers count only non-blank rows, as the form sent them.
 */
export function serverErrorsOf<C extends string>(
  error: CallError,
  index: RowIndex,
  isCode: (code: unknown) => code is C,
): FieldErrors<C> {
  const codes = error.code === 'invalid_input' ? error.details?.['codes'] : undefined;
  if (!Array.isArray(codes)) return {};
  const errors: Record<string, C> = {};
  for (const entry of codes as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { field, code } = entry as { field?: unknown; code?: unknown };
    if (typeof field !== 'string' || !isCode(code)) continue;
    errors[formPath(field.split('.').slice(1).join('.'), index)] ??= code;
  }
  return errors;
}

/**
 * An edit as a patch: the typed values of only the `keys` whose normalised value changed (so the
 * history shows what the user really changed). Empty when nothing changed.
 */
export function changedOf<I, Raw>(
  keys: readonly (keyof I & keyof Raw)[],
  before: I,
  after: I,
  raw: Raw,
): Partial<Raw> {
  const patch: Partial<Raw> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      patch[key] = raw[key];
  }
  return patch;
}

/** A record type's form model, as the form hook uses it. */
export interface RecordFormModel<V, I, Raw, R, C extends string> {
  empty: () => V;
  valuesOf: (record: R) => V;
  /** Checks the form with the shared schema (the same checks the main process runs). */
  check: (values: V) => FormCheck<I, Raw, C>;
  /** An edit as a patch of only the fields whose normalised value changed. */
  changedFields: (before: I, after: I, raw: Raw) => Partial<Raw>;
  /** Field errors from a server `invalid_input`, on the form's own rows. */
  serverFieldErrors: (error: CallError, values: V) => FieldErrors<C>;
}

/** Builds a record type's form model from its values, raw input, schema and patchable fields. */
export function createFormModel<V, I, Raw, R, C extends string>(spec: {
  empty: () => V;
  valuesOf: (record: R) => V;
  /** The form as the channel's input, and which form row each repeatable entry came from. */
  rawInput: (values: V) => { input: Raw; index: RowIndex };
  schema: RecordSchema<I, C>;
  isCode: (code: unknown) => code is C;
  /** The fields an edit may patch. */
  keys: readonly (keyof I & keyof Raw)[];
}): RecordFormModel<V, I, Raw, R, C> {
  return {
    empty: spec.empty,
    valuesOf: spec.valuesOf,
    check: values => {
      const { input, index } = spec.rawInput(values);
      return checkWith(spec.schema, input, index);
    },
    changedFields: (before, after, raw) => changedOf(spec.keys, before, after, raw),
    serverFieldErrors: (error, values) =>
      serverErrorsOf(error, spec.rawInput(values).index, spec.isCode),
  };
}
