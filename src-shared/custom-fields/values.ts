/**
 * Checking a record's custom values against the fields' definitions, per kind: text within its
 * length, a finite number within ±10^12 (two decimals at most), a real calendar date as
 * `YYYY-MM-DD`, a choice among the field's options, yes/no as a boolean. Used by main before
 * anything is written and by the forms for live messages; each problem is a message code
 * (`custom.number_range`) at the field's id.
 */
import { z } from 'zod';
import {
  CUSTOM_FIELD_LIMITS,
  type CustomField,
  type CustomValue,
  type CustomValues,
} from './types';

/** Every problem a custom value can have. */
export const CUSTOM_VALUE_ISSUES = [
  'unknown_field',
  'archived',
  'wrong_kind',
  'text_too_long',
  'number_invalid',
  'number_range',
  'date_invalid',
  'choice_invalid',
] as const;
/** One of {@link CUSTOM_VALUE_ISSUES}. */
export type CustomValueIssue = (typeof CUSTOM_VALUE_ISSUES)[number];

/** One problem: the field's id and the message code `custom.<issue>`. */
export interface CustomValueProblem {
  fieldId: string;
  code: `custom.${CustomValueIssue}`;
}

/** The raw values a call may send: a value per field id, null clearing it. */
export const customValuesInputSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9-]+$/),
    z.union([z.string().max(CUSTOM_FIELD_LIMITS.text * 4), z.number(), z.boolean(), z.null()]),
  )
  .refine(
    values => {
      const n = Object.keys(values).length;
      return n > 0 && n <= CUSTOM_FIELD_LIMITS.fields;
    },
    { message: 'values: one to 50 fields' },
  );

/** Raw values as {@link customValuesInputSchema} parses them. */
export type CustomValuesInput = Record<string, CustomValue | null>;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The stored form of one value of `field`, '' and null meaning "no value"; or the problem. */
export function checkCustomValue(
  field: CustomField,
  raw: CustomValue | null,
): { value: CustomValue | null } | { issue: CustomValueIssue } {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  switch (field.kind) {
    case 'text': {
      if (typeof raw !== 'string') return { issue: 'wrong_kind' };
      const text = raw.trim().replace(/\s+/gu, ' ');
      return [...text].length > CUSTOM_FIELD_LIMITS.text
        ? { issue: 'text_too_long' }
        : { value: text };
    }
    case 'number': {
      const n = typeof raw === 'string' ? Number(raw.trim().replace(',', '.')) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { issue: 'number_invalid' };
      if (Math.abs(n) > CUSTOM_FIELD_LIMITS.number) return { issue: 'number_range' };
      if (Math.round(n * 100) / 100 !== n) return { issue: 'number_invalid' };
      return { value: n };
    }
    case 'date':
      if (typeof raw !== 'string') return { issue: 'wrong_kind' };
      return isCalendarDate(raw.trim()) ? { value: raw.trim() } : { issue: 'date_invalid' };
    case 'choice':
      if (typeof raw !== 'string') return { issue: 'wrong_kind' };
      return field.options.includes(raw.trim())
        ? { value: raw.trim() }
        : { issue: 'choice_invalid' };
    case 'yesno':
      return typeof raw === 'boolean' ? { value: raw } : { issue: 'wrong_kind' };
  }
}

/**
 * `current` with `changes` laid over it, each checked against `fields` (the record type's
 * definitions). A value for an unknown or archived field, or of the wrong kind, is a problem;
 * nothing is half applied: the caller writes `values` only when `problems` is empty.
 */
export function mergeCustomValues(
  fields: readonly CustomField[],
  current: CustomValues,
  changes: CustomValuesInput,
): { values: CustomValues; problems: CustomValueProblem[] } {
  const values = new Map(Object.entries(current));
  const problems: CustomValueProblem[] = [];
  for (const [fieldId, raw] of Object.entries(changes)) {
    const field = fields.find(f => f.id === fieldId);
    if (!field) {
      problems.push({ fieldId, code: 'custom.unknown_field' });
      continue;
    }
    if (field.archived && raw !== null) {
      problems.push({ fieldId, code: 'custom.archived' });
      continue;
    }
    const checked = checkCustomValue(field, raw);
    if ('issue' in checked) problems.push({ fieldId, code: `custom.${checked.issue}` });
    else if (checked.value === null) values.delete(fieldId);
    else values.set(fieldId, checked.value);
  }
  return { values: Object.fromEntries(values), problems };
}

/** Stored JSON → values (anything malformed reads as no values). */
export function parseStoredValues(text: string | null | undefined): CustomValues {
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: CustomValues = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        out[key] = value;
    }
    return out;
  } catch {
    return {};
  }
}
