/**
 * The one error every record function (contacts, companies, deals, pipelines, activities,
 * documents) throws when it changes nothing: bad input, an id out of the caller's scope or deleted
 * (`not_found`, the same answer as a missing id so existence never leaks), a stale edit or a rule
 * (`conflict`). Messages hold ids at most, never personal data. The router answers with the code,
 * the message and the `details` (src-main/ipc/errors.ts), so handlers pass it on untouched.
 */
import type { ErrorCode } from '../../../src-shared/ipc/contract';

/** Codes a record function fails with (each is a bridge `ErrorCode`). */
export const RECORD_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden',
] as const satisfies readonly ErrorCode[];
export type RecordErrorCode = (typeof RECORD_ERROR_CODES)[number];

/**
 * What a failure tells the renderer besides its code, never personal data: the fields to mark
 * (as the router's zod validation does), a rule's `reason` (e.g. `stage_has_deals`, a document
 * rule) and the count that goes with it. A type alias so it is a bridge `details` record.
 */
export type RecordErrorDetails = {
  /** The one input field that points at a missing record (deal links). */
  field?: string;
  /** The input fields to mark, with a message code for each. */
  fields?: string[];
  codes?: { field: string; code: string }[];
  /** Which rule was broken; the renderer translates it. */
  reason?: string;
  /** How many deals still sit in a stage that cannot go. */
  deals?: number;
};

/** A record operation that changed nothing; `code`, `message` and `details` reach the caller. */
export class RecordError<Code extends ErrorCode = RecordErrorCode> extends Error {
  readonly code: Code;
  readonly details: RecordErrorDetails | undefined;

  constructor(
    code: Code,
    message: string,
    details?: RecordErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RecordError';
    this.code = code;
    this.details = details;
  }
}

/** True when `err` is a `RecordError` (or a subclass), optionally with the given code. */
export function isRecordError(err: unknown, code?: ErrorCode): err is RecordError<ErrorCode> {
  return err instanceof RecordError && (code === undefined || err.code === code);
}

/** The single answer for "no such <what> for you" (`No such contact.`, `No such record.`). */
export function recordNotFound(what: string): RecordError {
  return new RecordError('not_found', `No such ${what}.`);
}
