/**
 * Input schemas for activities. Times are ISO 8601 with an offset; a task needs a due time, its
 * reminder must not come after it, and only tasks carry due/reminder times. At least one record
 * (contact, company or deal) must be named.
 */
import { z } from 'zod';
import { withWellFormedText } from '../text/well-formed';
import { ACTIVITY_KINDS } from './types';

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

const fields = {
  kind: z.enum(ACTIVITY_KINDS),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().max(10_000).nullable().optional(),
  occurredAt: isoTimeSchema.optional(),
  dueAt: isoTimeSchema.nullable().optional(),
  remindAt: isoTimeSchema.nullable().optional(),
};

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
    })
    .strict()
    .superRefine((v, ctx) => {
      if (!v.contactId && !v.companyId && !v.dealId) {
        ctx.addIssue({
          code: 'custom',
          path: ['contactId'],
          message: 'name a contact, company or deal',
        });
      }
      for (const issue of taskTimeIssues(v)) {
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
    })
    .strict()
    .refine(p => Object.values(p).some(v => v !== undefined), {
      message: 'patch: nothing to change',
    }),
  TEXT_MALFORMED,
);
export type ActivityPatch = z.output<typeof activityPatchSchema>;
