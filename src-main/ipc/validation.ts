/**
 * Turns a zod failure into an `invalid_input` error that names the fields and what is wrong with them,
 * without echoing any value (zod's own messages can quote unknown keys or received values).
 */
import type { z } from 'zod';
import type { CallError } from '../../src-shared/ipc/contract';

const MAX_FIELDS = 8;
const MESSAGE_CODE = /^[a-z]+\.[a-z_]+$/;

/** `invalid_input` naming field paths (`login`, `items.0.name`) and zod issue codes, never values. */
export function describeZodError(error: z.ZodError): CallError {
  const fields: string[] = [];
  const parts: string[] = [];
  // Message codes a shared schema set on purpose (`contact.phone_invalid`): fixed strings, never values.
  const codes: { field: string; code: string }[] = [];
  for (const issue of error.issues.slice(0, MAX_FIELDS)) {
    const path = issue.path.length === 0 ? '(root)' : issue.path.map(safeSegment).join('.');
    if (!fields.includes(path)) fields.push(path);
    parts.push(`${path} (${issue.code})`);
    if (MESSAGE_CODE.test(issue.message)) codes.push({ field: path, code: issue.message });
  }
  return {
    code: 'invalid_input',
    message: `Invalid input: ${parts.join(', ')}.`,
    details: codes.length > 0 ? { fields, codes } : { fields },
  };
}

function safeSegment(segment: PropertyKey): string {
  if (typeof segment === 'number') return String(segment);
  // Record keys come from the caller: show only short identifier-like names.
  if (typeof segment === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(segment)) return segment;
  return '?';
}
