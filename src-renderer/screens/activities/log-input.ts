/**
 * What the activity form sends when it logs a new entry: the draft, a call's or meeting's facts and
 * its next step turned into the channel's input, checked with the same zod schema main uses
 * (src-shared/activities), so the form and the router refuse the same things. Pure functions.
 */
import {
  activityInputSchema,
  type ActivityInput,
  type ActivityKind,
  type CallDirection,
  type CallOutcome,
  type TimelineEntity,
} from '../../../src-shared/activities';
import { remindAtFor, type ActivityDraft, type DraftProblem, type Reminder } from './edit';
import { localInputToIso, localInputValue } from './format';

/** A call's or meeting's facts as the form holds them (duration as typed). */
export interface FactsDraft {
  direction: CallDirection | null;
  duration: string;
  outcome: CallOutcome | null;
}

/** The next step as the form holds it (`on`: the user asked for one). */
export interface NextStepDraft {
  on: boolean;
  subject: string;
  due: string;
  reminder: Reminder;
}

/** Empty facts. */
export function newFacts(): FactsDraft {
  return { direction: null, duration: '', outcome: null };
}

/** A next step, off, due tomorrow at this time. */
export function newNextStep(now: Date): NextStepDraft {
  const due = localInputValue(new Date(now.getTime() + 24 * 3600_000));
  return { on: false, subject: '', due, reminder: 'm15' };
}

/** The record an activity is logged on (none: a standalone task). */
export type RecordLink = { entity: TimelineEntity; id: string } | null;

/** The problem the first failing field of the schema shows (keys under `activities.form`). */
const PROBLEMS: Record<string, DraftProblem> = {
  subject: 'subjectRequired',
  dueAt: 'dueRequired',
  remindAt: 'remindLate',
  occurredAt: 'occurredRequired',
  durationMinutes: 'durationInvalid',
  'nextStep.subject': 'nextSubjectRequired',
  'nextStep.dueAt': 'nextDueRequired',
  'nextStep.remindAt': 'nextRemindLate',
};

function linkOf(link: RecordLink) {
  if (link === null) return {};
  if (link.entity === 'contact') return { contactId: link.id };
  if (link.entity === 'company') return { companyId: link.id };
  return { dealId: link.id };
}

function duration(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed.replace(',', '.'));
}

/** The new activity's input, or the problem to show; checked with `activityInputSchema`. */
export function logInput(o: {
  kind: ActivityKind;
  draft: ActivityDraft;
  facts: FactsDraft;
  next: NextStepDraft;
  link: RecordLink;
}): { input: ActivityInput } | { problem: DraftProblem } {
  const { kind, draft, facts, next } = o;
  const dueAt = kind === 'task' ? localInputToIso(draft.due) : null;
  const occurredAt = kind === 'task' ? null : localInputToIso(draft.occurred);
  const withFacts = kind === 'call' || kind === 'meeting';
  const nextDue = localInputToIso(next.due);
  const raw = {
    kind,
    subject: draft.subject,
    ...(draft.body.trim() ? { body: draft.body } : {}),
    ...(occurredAt !== null ? { occurredAt } : {}),
    ...(kind === 'task' ? { dueAt, remindAt: remindAtFor(dueAt, draft.reminder, null) } : {}),
    ...(kind === 'call' && facts.direction ? { direction: facts.direction } : {}),
    ...(withFacts && facts.duration.trim() ? { durationMinutes: duration(facts.duration) } : {}),
    ...(withFacts && facts.outcome ? { outcome: facts.outcome } : {}),
    ...(withFacts && next.on
      ? {
          nextStep: {
            subject: next.subject,
            dueAt: nextDue,
            remindAt: remindAtFor(nextDue, next.reminder, null),
          },
        }
      : {}),
    ...linkOf(o.link),
  };
  const parsed = activityInputSchema.safeParse(raw);
  if (parsed.success) return { input: parsed.data };
  const path = parsed.error.issues[0]?.path.join('.') ?? '';
  return { problem: PROBLEMS[path] ?? 'invalid' };
}
