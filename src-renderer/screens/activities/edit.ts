/**
 * The activity form's values and what a save sends: reminder choices, a draft pre-filled from a
 * saved activity, and the patch of an edit (only the fields the user changed, so an untouched
 * reminder is not delivered again and the audit entry lists real changes). Pure functions.
 */
import type { Activity, ActivityPatch } from '../../../src-shared/activities';
import { localInputToIso, localInputValue } from './format';

/** Minutes before the due time for each reminder choice (null: none). */
export const REMINDERS = { none: null, at: 0, m15: 15, h1: 60, d1: 24 * 60 } as const;
/** One of the fixed reminder choices. */
export type Reminder = keyof typeof REMINDERS;
/** A fixed choice, or `keep`: an edited task's reminder that matches none of them stays as it is. */
export type ReminderChoice = Reminder | 'keep';

/** What the form holds (times as `datetime-local` values, local time). */
export interface ActivityDraft {
  subject: string;
  body: string;
  occurred: string;
  due: string;
  reminder: ReminderChoice;
}

/** Why a draft cannot be saved (keys under `activities.form`). */
export type DraftProblem =
  | 'subjectRequired'
  | 'dueRequired'
  | 'occurredRequired'
  | 'remindLate'
  | 'durationInvalid'
  | 'nextSubjectRequired'
  | 'nextDueRequired'
  | 'nextRemindLate'
  | 'invalid';

/** The reminder choice that gives `remindAt` for `dueAt` (`keep` when none does). */
export function reminderOf(dueAt: string | null, remindAt: string | null): ReminderChoice {
  if (remindAt === null) return 'none';
  if (dueAt === null) return 'keep';
  const minutes = (Date.parse(dueAt) - Date.parse(remindAt)) / 60_000;
  const found = (Object.keys(REMINDERS) as Reminder[]).find(key => REMINDERS[key] === minutes);
  return found ?? 'keep';
}

/** The reminder time of a choice for a due time (`keep` returns the saved one). */
export function remindAtFor(
  dueAt: string | null,
  choice: ReminderChoice,
  saved: string | null,
): string | null {
  if (choice === 'keep') return saved;
  const before = REMINDERS[choice];
  if (dueAt === null || before === null) return null;
  return new Date(Date.parse(dueAt) - before * 60_000).toISOString();
}

/** The form pre-filled with a saved activity. */
export function draftOf(activity: Activity): ActivityDraft {
  return {
    subject: activity.subject,
    body: activity.body ?? '',
    occurred: localInputValue(new Date(activity.occurredAt)),
    due: activity.dueAt ? localInputValue(new Date(activity.dueAt)) : '',
    reminder: reminderOf(activity.dueAt, activity.remindAt),
  };
}

/** Same instant (both null, or both readable and equal). */
function sameTime(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a) === Date.parse(b);
}

/**
 * The edit a draft makes to `activity`: a problem to show, or the changed fields (`patch: null`
 * when nothing changed). Times are compared to the minute the form shows, so opening and saving
 * an activity logged at 10:15:42 does not move it to 10:15.
 */
export function patchOf(
  activity: Activity,
  draft: ActivityDraft,
): { problem: DraftProblem } | { patch: ActivityPatch | null } {
  const original = draftOf(activity);
  const subject = draft.subject.trim();
  if (subject === '') return { problem: 'subjectRequired' };
  const patch: ActivityPatch = {};
  if (subject !== activity.subject) patch.subject = subject;
  const body = draft.body.trim() === '' ? null : draft.body.trim();
  if (body !== activity.body) patch.body = body;
  if (draft.occurred !== original.occurred) {
    const occurredAt = localInputToIso(draft.occurred);
    if (occurredAt === null) return { problem: 'occurredRequired' };
    patch.occurredAt = occurredAt;
  }
  if (activity.kind === 'task') {
    const dueAt = draft.due === original.due ? activity.dueAt : localInputToIso(draft.due);
    if (dueAt === null) return { problem: 'dueRequired' };
    const remindAt = remindAtFor(dueAt, draft.reminder, activity.remindAt);
    if (remindAt !== null && Date.parse(remindAt) > Date.parse(dueAt)) {
      return { problem: 'remindLate' };
    }
    if (!sameTime(dueAt, activity.dueAt)) patch.dueAt = dueAt;
    if (!sameTime(remindAt, activity.remindAt)) patch.remindAt = remindAt;
  }
  return { patch: Object.keys(patch).length === 0 ? null : patch };
}
