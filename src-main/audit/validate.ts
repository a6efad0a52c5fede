/**
 * Validation of an appendAudit input. The zod schema is the definition; `validateAuditInput` first
 * runs a hand-written check that accepts a strict subset of what the schema accepts (plain objects,
 * known keys only, the same lengths and patterns) and skips the zod parse for those — every audited
 * call pays for this check, so it must be cheap. Anything the fast check does not accept goes through
 * zod, which either accepts it or produces the error message: the outcome is the schema's either way.
 */
import { z } from 'zod';
import { AUDIT_OUTCOMES, AuditInputError, type AuditInput } from './types';

const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const ENTITY_TYPE_PATTERN = /^[a-z][a-z0-9_]*$/;

const idSchema = z.string().min(1).max(200).nullish();

/** The schema of an appendAudit input. */
export const auditInputSchema = z.strictObject({
  userId: idSchema,
  userLogin: idSchema,
  deviceId: idSchema,
  action: z.string().max(100).regex(ACTION_PATTERN, 'action: lowercase feature.verb'),
  entityType: z
    .string()
    .max(64)
    .regex(ENTITY_TYPE_PATTERN, 'entityType: lowercase snake_case')
    .nullish(),
  entityId: idSchema,
  outcome: z.enum(AUDIT_OUTCOMES),
  changes: z
    .record(
      z.string().max(200),
      z.strictObject({ before: z.unknown().optional(), after: z.unknown().optional() }),
    )
    .nullish(),
  details: z.record(z.string().max(200), z.unknown()).nullish(),
});

/** An input the schema accepted. */
export type ValidAuditInput = z.output<typeof auditInputSchema>;

/** Zod issues as one readable line. */
export function validationMessage(error: z.ZodError): string {
  return (
    error.issues
      // String(): a path may hold a symbol key, which join() cannot convert.
      .map(
        issue => `${issue.path.map(part => String(part)).join('.') || 'entry'}: ${issue.message}`,
      )
      .join('; ')
  );
}

const INPUT_KEYS = new Set([
  'userId',
  'userLogin',
  'deviceId',
  'action',
  'entityType',
  'entityId',
  'outcome',
  'changes',
  'details',
]);

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (
    (proto === Object.prototype || proto === null) &&
    Object.getOwnPropertySymbols(value).length === 0
  );
}

function isId(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.length >= 1 && value.length <= 200)
  );
}

function keysFit(record: Record<string, unknown>): boolean {
  for (const key of Object.keys(record)) if (key.length > 200) return false;
  return true;
}

function isChanges(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!isPlainRecord(value) || !keysFit(value)) return false;
  for (const change of Object.values(value)) {
    if (!isPlainRecord(change)) return false;
    for (const key of Object.keys(change)) if (key !== 'before' && key !== 'after') return false;
  }
  return true;
}

/** True only for inputs the schema certainly accepts unchanged (false means "ask zod"). */
function plainlyValid(input: unknown): input is ValidAuditInput {
  if (!isPlainRecord(input)) return false;
  for (const key of Object.keys(input)) if (!INPUT_KEYS.has(key)) return false;
  const { action, entityType, outcome, details } = input;
  return (
    typeof action === 'string' &&
    action.length <= 100 &&
    ACTION_PATTERN.test(action) &&
    (entityType === undefined ||
      entityType === null ||
      (typeof entityType === 'string' &&
        entityType.length <= 64 &&
        ENTITY_TYPE_PATTERN.test(entityType))) &&
    (AUDIT_OUTCOMES as readonly unknown[]).includes(outcome) &&
    isId(input.userId) &&
    isId(input.userLogin) &&
    isId(input.deviceId) &&
    isId(input.entityId) &&
    isChanges(input.changes) &&
    (details === undefined || details === null || (isPlainRecord(details) && keysFit(details)))
  );
}

/** The validated input, or AuditInputError with the schema's message. */
export function validateAuditInput(input: AuditInput): ValidAuditInput {
  if (plainlyValid(input)) return input;
  const parsed = auditInputSchema.safeParse(input);
  if (!parsed.success) throw new AuditInputError(validationMessage(parsed.error));
  return parsed.data;
}
