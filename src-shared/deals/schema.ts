/**
 * Zod schemas for deal and pipeline input, used by the bridge contract (the router parses every
 * call with them) and by the renderer's forms. Every problem is a message code (`deal.amount_format`
 * at path `amountMinor`), translated by ./messages.ts. Amounts travel as integer minor units: the
 * form turns "12 500,50" into 1250050 with `parseMoney` before it sends anything.
 */
import { z } from 'zod';
import { tidyText } from '../contacts';
import { withWellFormedText } from '../text/well-formed';
import {
  CURRENCIES,
  DEAL_LIMITS,
  STAGE_OUTCOMES,
  isDealIssueCode,
  type DealIssue,
  type DealIssueCode,
} from './codes';

function code(issue: DealIssue): DealIssueCode {
  return `deal.${issue}`;
}

/** `schema` refusing text with a lone surrogate (`deal.text_malformed`). */
function wellFormed<T extends z.ZodType>(schema: T): T {
  return withWellFormedText(schema, code('text_malformed'));
}

/** A record id (UUIDs and test ids): letters, digits and '-'. */
export const dealIdSchema = z
  .string({ error: code('invalid') })
  .min(1, { error: code('invalid') })
  .max(100, { error: code('invalid') })
  .regex(/^[A-Za-z0-9-]+$/u, { error: code('invalid') });

/** A required one-line name (title, stage or pipeline name). */
function requiredLine(limit: number, empty: DealIssue) {
  return z
    .string({ error: code(empty) })
    .max(limit * 4, { error: code('text_too_long') })
    .transform((raw, ctx) => {
      const text = tidyText(raw);
      if (text.length === 0) ctx.addIssue({ code: 'custom', message: code(empty) });
      else if ([...text].length > limit)
        ctx.addIssue({ code: 'custom', message: code('text_too_long') });
      else return text;
      return z.NEVER;
    });
}

/** Optional multi-line text; '' or null clears it. */
function optionalText(limit: number) {
  return z
    .string({ error: code('invalid') })
    .max(limit * 4, { error: code('text_too_long') })
    .transform((raw, ctx): string | null => {
      const text = raw.normalize('NFC').replace(/\r\n?/gu, '\n').trim();
      if (text.length === 0) return null;
      if ([...text].length > limit) {
        ctx.addIssue({ code: 'custom', message: code('text_too_long') });
        return z.NEVER;
      }
      return text;
    })
    .nullable();
}

/** Amount in minor units: a whole number from 0 up to the limit. */
export const amountMinorSchema = z
  .number({ error: code('amount_format') })
  .int({ error: code('amount_format') })
  .min(0, { error: code('amount_format') })
  .max(DEAL_LIMITS.amountMinor, { error: code('amount_too_large') });

/** ISO 4217 code of an allowed currency. */
export const currencySchema = z.enum(CURRENCIES, { error: code('currency_invalid') });

/** Win probability in whole percent. */
export const probabilitySchema = z
  .number({ error: code('probability_invalid') })
  .int({ error: code('probability_invalid') })
  .min(0, { error: code('probability_invalid') })
  .max(100, { error: code('probability_invalid') });

/** A calendar date YYYY-MM-DD that exists (no 31 April); null clears. */
export const closeDateSchema = z
  .string({ error: code('date_invalid') })
  .max(10, { error: code('date_invalid') })
  .refine(isCalendarDate, { error: code('date_invalid') })
  .nullable();

/** True for an existing date written YYYY-MM-DD between 2000 and 2199. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2199) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Why a deal was lost: required when moving to a lost stage. */
export const lostReasonSchema = wellFormed(
  requiredLine(DEAL_LIMITS.lostReason, 'lost_reason_required'),
);

const optionalShapes = {
  currency: currencySchema.optional(),
  probability: probabilitySchema.optional(),
  expectedClose: closeDateSchema.optional(),
  contactId: dealIdSchema.nullable().optional(),
  companyId: dealIdSchema.nullable().optional(),
  notes: optionalText(DEAL_LIMITS.notes).optional(),
};

/**
 * A new deal. Without `stageId` it lands in the first stage of the default pipeline; without
 * `probability` it takes the stage's. Currency defaults to UAH.
 */
export const dealInputSchema = wellFormed(
  z
    .object({
      title: requiredLine(DEAL_LIMITS.title, 'title_required'),
      amountMinor: amountMinorSchema.default(0),
      stageId: dealIdSchema.optional(),
      ...optionalShapes,
    })
    .strict(),
);

/** An edit (the stage changes only through `deals.move`). An empty patch is `deal.patch_empty`. */
export const dealPatchSchema = wellFormed(
  z
    .object({
      title: requiredLine(DEAL_LIMITS.title, 'title_required').optional(),
      amountMinor: amountMinorSchema.optional(),
      ...optionalShapes,
    })
    .strict()
    .refine(patch => Object.values(patch).some(v => v !== undefined), {
      error: code('patch_empty'),
    }),
);

/** A parsed new deal. */
export type DealInput = z.output<typeof dealInputSchema>;
/** A parsed edit (undefined = unchanged, null = cleared). */
export type DealPatch = z.output<typeof dealPatchSchema>;

/** A pipeline name. */
export const pipelineNameSchema = wellFormed(
  requiredLine(DEAL_LIMITS.pipelineName, 'name_required'),
);

/** A stage as the owner or head defines it. */
export const stageInputSchema = wellFormed(
  z
    .object({
      name: requiredLine(DEAL_LIMITS.stageName, 'name_required'),
      probability: probabilitySchema,
      outcome: z.enum(STAGE_OUTCOMES, { error: code('invalid') }).default('open'),
    })
    .strict(),
);

/** A parsed stage definition. */
export type StageInput = z.output<typeof stageInputSchema>;

/** One problem found in deal input: where, and which message to show. */
export interface DealFieldIssue {
  field: string;
  code: DealIssueCode;
}

/** The issues of a failed parse as field + message code. Never carries the rejected values. */
export function dealIssues(error: z.ZodError): DealFieldIssue[] {
  return error.issues.map(issue => ({
    field: issue.path.map(String).join('.'),
    code: isDealIssueCode(issue.message) ? issue.message : code('invalid'),
  }));
}
