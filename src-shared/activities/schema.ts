/**
 * Input schemas for activities, shared by the form (it validates with them before sending) and the
 * router. Times are ISO 8601 with an offset; a task needs a due time, its reminder must not come
 * after it, and only tasks carry due/reminder times. Every kind but a task names at least one record
 * (contact, company or deal). Calls and meetings may carry facts (duration, outcome; calls also a
 * direction) and a next step: a task created with them, on the same records.
 */
import { z } from 'zod';
import { withWellFormedText } from '../text/well-formed';
import { ACTIVITY_KINDS, CALL_DIRECTIONS, CALL_OUTCOMES } from './types';

/** The message code of text with a lone surrogate (see ../text/well-formed.ts). */
const TEXT_MALFORMED = 'activity.text_malformed';

/** Record ids (UUIDs or the short ids tests use). */
export const activityRecordIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/, 'id: letters, digits and - only');

/** An ISO 8601 date-time with an offset, e.g. 2026-11-29T09:00:00.000Z. */
export const isoTimeSchema = z.iso.datetime({ offset: true });

/** The longest a call or meeting may last, in minutes (a day). */
export const MAX_DURATION_MINUTES = 1440;

const fields = {
  kind: z.enum(ACTIVITY_KINDS),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().max(10_000).nullable().optional(),
  occurredAt: isoTimeSchema.optional(),
  dueAt: isoTimeSchema.nullable().optional(),
  remindAt: isoTimeSchema.nullable().optional(),
  direction: z.enum(CALL_DIRECTIONS).nullable().optional(),
  durationMinutes: z.number().int().min(0).max(MAX_DURATION_MINUTES).nullable().optional(),
  outcome: z.enum(CALL_OUTCOMES).nullable().optional(),
};

/** Problems with a call's or meeting's facts: only those kinds carry them, only calls a direction. */
export function factIssues(v: {
  kind: string;
  direction?: string | null | undefined;
  durationMinutes?: number | null | undefined;
  outcome?: string | null | undefined;
}): { path: 'direction' | 'durationMinutes' | 'outcome'; message: string }[] {
  const issues: { path: 'direction' | 'durationMinutes' | 'outcome'; message: string }[] = [];
  if (v.kind !== 'call' && v.direction != null) {
    issues.push({ path: 'direction', message: 'only calls have a direction' });
  }
  if (v.kind !== 'call' && v.kind !== 'meeting') {
    if (v.durationMinutes != null) {
      issues.push({ path: 'durationMinutes', message: 'only calls and meetings have a duration' });
    }
    if (v.outcome != null) {
      issues.push({ path: 'outcome', message: 'only calls and meetings have an outcome' });
    }
  }
  return issues;
}

/** The next step of a call or meeting: a task on the same records, created in the same call. */
export const nextStepSchema = z
  .object({
    subject: fields.subject,
    dueAt: isoTimeSchema,
    remindAt: isoTimeSchema.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const issue of taskTimeIssues({ kind: 'task', ...v })) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });
export type NextStep = z.output<typeof nextStepSchema>;

/** Problems with a task's times (rules shared by a new activity and an edited one). */
export function taskTimeIssues(v: {
  kind: string;
  dueAt?: string | null | undefined;
  remindAt?: string | null | undefined;
}): { path: 'dueAt' | 'remindAt'; message: string }[] {
  if (v.kind !== 'task') {
    return v.dueAt || v.remindAt
      ? [{ path: 'dueAt', message: 'only tasks have dueAt/remindAt' }]
      : [];
  }
  if (!v.dueAt) return [{ path: 'dueAt', message: 'a task needs dueAt' }];
  if (v.remindAt && Date.parse(v.remindAt) > Date.parse(v.dueAt)) {
    return [{ path: 'remindAt', message: 'remindAt must not be after dueAt' }];
  }
  return [];
}

/** A new activity. */
export const activityInputSchema = withWellFormedText(
  z
    .object({
      ...fields,
      contactId: activityRecordIdSchema.optional(),
      companyId: activityRecordIdSchema.optional(),
      dealId: activityRecordIdSchema.optional(),
      nextStep: nextStepSchema.optional(),
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.kind !== 'task' && !v.contactId && !v.companyId && !v.dealId) {
        ctx.addIssue({
          code: 'custom',
          path: ['contactId'],
          message: 'name a contact, company or deal',
        });
      }
      if (v.nextStep && v.kind !== 'call' && v.kind !== 'meeting') {
        ctx.addIssue({
          code: 'custom',
          path: ['nextStep'],
          message: 'only calls and meetings have a next step',
        });
      }
      for (const issue of [...taskTimeIssues(v), ...factIssues(v)]) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
      }
    }),
  TEXT_MALFORMED,
);
export type ActivityInput = z.output<typeof activityInputSchema>;

/** An edit: any of the fields except kind and the linked records. */
export const activityPatchSchema = withWellFormedText(
  z
    .object({
      subject: fields.subject.optional(),
      body: fields.body,
      occurredAt: fields.occurredAt,
      dueAt: fields.dueAt,
      remindAt: fields.remindAt,
      direction: fields.direction,
      durationMinutes: fields.durationMinutes,
      outcome: fields.outcome,
    })
    .strict()
    .refine(p => Object.values(p).some(v => v !== undefined), {
      message: 'patch: nothing to change',
    }),
  TEXT_MALFORMED,
);
export type ActivityPatch = z.output<typeof activityPatchSchema>;
