/**
 * Activities and the record timeline: domain types shared by main and renderer. Pure TypeScript.
 */

/** What was logged. Only tasks have a due time, a reminder and a done mark. */
export const ACTIVITY_KINDS = ['call', 'meeting', 'message', 'email', 'note', 'task'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Which way a call went. */
export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** How a call or a meeting ended. */
export const CALL_OUTCOMES = ['reached', 'no_answer', 'call_back', 'not_interested'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** The kinds that carry facts (duration, outcome); only calls have a direction. */
export const KINDS_WITH_FACTS = ['call', 'meeting'] as const satisfies readonly ActivityKind[];

/** The records a timeline belongs to. */
export const TIMELINE_ENTITIES = ['contact', 'company', 'deal'] as const;
export type TimelineEntity = (typeof TIMELINE_ENTITIES)[number];

/** Items per timeline page. */
export const TIMELINE_PAGE_SIZE = 30;

/** One activity as a channel returns it. Times are ISO 8601 UTC. */
export interface Activity {
  id: string;
  ownerId: string;
  ownerName: string;
  kind: ActivityKind;
  subject: string;
  body: string | null;
  occurredAt: string;
  dueAt: string | null;
  remindAt: string | null;
  remindedAt: string | null;
  doneAt: string | null;
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
  /** Calls: in or out. */
  direction: CallDirection | null;
  /** Calls and meetings: how long, in minutes. */
  durationMinutes: number | null;
  /** Calls and meetings: how it ended. */
  outcome: CallOutcome | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** Where a timeline item comes from. */
export const TIMELINE_SOURCES = ['activity', 'deal', 'document'] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];

/** One entry of a record's timeline (an activity, a deal of the record, or a document event). */
export interface TimelineItem {
  source: TimelineSource;
  /** Activity id, deal id, or the audit entry's sequence number for a document event. */
  id: string;
  /** Position on the timeline (activity: occurredAt; deal: created; document: audit time). */
  at: string;
  /** The activity kind; null for deals and documents. */
  kind: ActivityKind | null;
  /** Activity subject, deal title, or the document's name when the audit entry carries one. */
  subject: string;
  body: string | null;
  /** Who logged the activity, owns the deal, or acted on the document. */
  ownerId: string | null;
  ownerName: string | null;
  dueAt: string | null;
  doneAt: string | null;
  /** Document events: the audit action (e.g. `documents.upload`). */
  action: string | null;
  /** A call's or meeting's facts, when it has any. */
  facts?: CallFacts;
}

/** What a call or meeting recorded about itself (each null when not given). */
export interface CallFacts {
  direction: CallDirection | null;
  durationMinutes: number | null;
  outcome: CallOutcome | null;
}

/** One page of a timeline, newest first; `nextCursor` null on the last page. */
export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

/** One page of the caller's open tasks, soonest due first; `now` is the main process clock. */
export interface TaskPage {
  items: Activity[];
  nextCursor: string | null;
  now: string;
}

/** A reminder that fell due: shown once (OS notification in Electron, in-app in the test host). */
export interface DueReminder {
  id: string;
  subject: string;
  dueAt: string;
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
}

/**
 * A task or meeting in the task list or the calendar, with the names of its records when the
 * caller may read them (null otherwise, or when the activity names none).
 */
export interface PlannedActivity extends Activity {
  contactName: string | null;
  companyName: string | null;
  dealTitle: string | null;
}

/** One page of the task list, soonest due first; `now` is the main process clock. */
export interface TaskListPage {
  items: PlannedActivity[];
  nextCursor: string | null;
  now: string;
}

/** The tasks (by due time) and meetings (by when) of a calendar range; `truncated` past the cap. */
export interface CalendarPage {
  items: PlannedActivity[];
  truncated: boolean;
}

/** The most entries a calendar range returns. */
export const CALENDAR_LIMIT = 500;
