/**
 * Validation issue codes for deals and pipelines, and the limits they enforce. Each code is a
 * message key (`deal.<issue>`) translated by ./messages.ts; the same code reaches the renderer's
 * live validation and the router's `invalid_input` details.
 */

/** Every issue a deal or pipeline field can have. */
export const DEAL_ISSUES = [
  'title_required',
  'text_too_long',
  'text_malformed',
  'amount_format',
  'amount_too_large',
  'currency_invalid',
  'probability_invalid',
  'date_invalid',
  'lost_reason_required',
  'name_required',
  'stages_mismatch',
  'patch_empty',
  'invalid',
] as const;
export type DealIssue = (typeof DEAL_ISSUES)[number];

/** A message key of the deals catalogue, e.g. `deal.amount_format`. */
export type DealIssueCode = `deal.${DealIssue}`;

/** True for `deal.<issue>` strings this build knows. */
export function isDealIssueCode(value: unknown): value is DealIssueCode {
  return (
    typeof value === 'string' &&
    value.startsWith('deal.') &&
    (DEAL_ISSUES as readonly string[]).includes(value.slice('deal.'.length))
  );
}

/** Length and size limits. Exported so forms can show counters. */
export const DEAL_LIMITS = {
  title: 200,
  notes: 10_000,
  lostReason: 500,
  stageName: 60,
  pipelineName: 100,
  stages: 20,
  /** Largest amount in minor units (a trillion hryvnias): exact in a JS number and in SQLite. */
  amountMinor: 100_000_000_000_000,
  /** Raw amount text ("12 500,50"). */
  amountText: 40,
} as const;

/** Currencies a deal can be in (ISO 4217); all have two minor digits. UAH is the default. */
export const CURRENCIES = ['UAH', 'USD', 'EUR', 'PLN'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** What a stage means for its deals: still open, won or lost. */
export const STAGE_OUTCOMES = ['open', 'won', 'lost'] as const;
export type StageOutcome = (typeof STAGE_OUTCOMES)[number];
