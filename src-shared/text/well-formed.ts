/**
 * Record text must be well-formed Unicode. A lone UTF-16 surrogate (half of an emoji, cut by a
 * buggy paste or a crafted call) cannot be stored as UTF-8: SQLite would silently turn it into
 * U+FFFD, so what was saved would not be what was sent. The record schemas refuse it instead, with
 * their own message code (`contact.text_malformed`, …) at the field's path, through one refinement.
 */
import type { z } from 'zod';

// With the `u` flag a valid pair is one code point, so only a lone surrogate matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** True when `text` holds no lone surrogate (every string a record may store). */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The paths of the strings in `value` (nested objects and arrays) that are not well-formed. */
export function malformedTextPaths(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[][] {
  if (typeof value === 'string') return isWellFormedText(value) ? [] : [path];
  if (Array.isArray(value))
    return value.flatMap((item, i) => malformedTextPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => malformedTextPaths(item, [...path, key]));
  }
  return [];
}

/**
 * `schema` refusing any parsed string with a lone surrogate: one issue per such field, at its path,
 * with the message code `code` (a record's `<record>.text_malformed`).
 */
export function withWellFormedText<T extends z.ZodType>(schema: T, code: string): T {
  return schema.superRefine((value, ctx) => {
    for (const path of malformedTextPaths(value)) {
      ctx.addIssue({ code: 'custom', message: code, path });
    }
  });
}
