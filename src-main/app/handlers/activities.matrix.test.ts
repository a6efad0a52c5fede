/**
 * Every activity channel × every built-in role × an activity (a task with a due reminder, on a
 * contact) of the caller's own and of another manager, through the router on a real vault. Refusal
 * by role is `forbidden`; an activity or record outside the role's scope is `not_found` (no existence
 * leak); in lists (timeline, my tasks, reminders) it is simply absent ("hidden").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityInputSchema,
  type Activity,
  type CalendarPage,
  type DueReminder,
  type TaskListPage,
  type TaskPage,
  type TimelinePage,
} from '../../../src-shared/activities';
import { contactInputSchema } from '../../../src-shared/contacts';
import { activitiesContract } from '../../../src-shared/ipc/activities';
import type { Result } from '../../../src-shared/ipc/contract';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createActivity } from '../../crm/activities';
import { roleViewer } from '../../crm/activities/activities.test-support';
import { createContact } from '../../crm/contacts';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import type { Router } from '../../ipc';
import type { Kysely } from 'kysely';
import type { Database, OpenVault } from '../../vault';
import type { VaultState } from '../vault-state';
import { composeTestApp, usersByRole } from './app.test-support';
import { activitiesHandlers } from './activities';

type Outcome = 'ok' | 'forbidden' | 'not_found' | 'hidden';
type Call = keyof typeof activitiesContract;
type Whose = 'own' | 'other';

const OWN_ONLY_LISTS = { myTasks: 'hidden', dueReminders: 'hidden' } as const;

/** What each role gets, per call, for its own activity and for another manager's. */
const EXPECTED: Record<BuiltInRole, Record<Call, Record<Whose, Outcome>>> = {
  owner: withOther(all('ok'), { ...OWN_ONLY_LISTS }),
  administrator: all('forbidden'),
  auditor: all('forbidden'),
  head: withOther(all('ok'), {
    ...OWN_ONLY_LISTS,
    update: 'not_found',
    complete: 'not_found',
    completeMany: 'not_found',
    snooze: 'not_found',
    delete: 'not_found',
  }),
  manager: withOther(all('ok'), {
    ...OWN_ONLY_LISTS,
    get: 'not_found',
    timeline: 'not_found',
    tasks: 'hidden',
    logged: 'hidden',
    calendar: 'hidden',
    create: 'not_found',
    update: 'not_found',
    complete: 'not_found',
    completeMany: 'not_found',
    snooze: 'not_found',
    delete: 'not_found',
  }),
};

function all(outcome: Outcome): Record<Call, Record<Whose, Outcome>> {
  const calls = Object.keys(activitiesContract) as Call[];
  return Object.fromEntries(calls.map(c => [c, { own: outcome, other: outcome }])) as Record<
    Call,
    Record<Whose, Outcome>
  >;
}

function withOther(
  base: Record<Call, Record<Whose, Outcome>>,
  other: Partial<Record<Call, Outcome>>,
): Record<Call, Record<Whose, Outcome>> {
  for (const [call, outcome] of Object.entries(other) as [Call, Outcome][]) {
    base[call] = { own: base[call].own, other: outcome };
  }
  return base;
}

let vault: OpenVault;
let state: VaultState;
let router: Router;
let users: Record<BuiltInRole | 'stranger', string>;
let db: Kysely<Database>;

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  db = vault.db;
  users = await usersByRole(t.db, t.staff);
  ({ state, router } = composeTestApp({
    vault,
    staff: t.staff,
    contract: { activities: activitiesContract },
    handlers: ({ openVault }) => ({ activities: activitiesHandlers({ openVault }) }),
    sessionGuard: false,
  }));
});

afterAll(() => vault.close());

/** A contact of `ownerId` with a task on it whose reminder is already due. */
async function record(ownerId: string): Promise<{ task: Activity; contactId: string }> {
  const contact = await createContact(
    db,
    { userId: ownerId },
    contactInputSchema.parse({ surname: 'Коваль', givenName: 'Олена' }),
  );
  const contactId = contact.after.id;
  const now = Date.now();
  const input = activityInputSchema.parse({
    kind: 'task',
    subject: 'Передзвонити',
    contactId,
    dueAt: new Date(now + 3_600_000).toISOString(),
    remindAt: new Date(now - 60_000).toISOString(),
  });
  const task = (await createActivity(db, roleViewer(ownerId, 'owner'), input)).after;
  return { task, contactId };
}

function inputFor(call: Call, r: { task: Activity; contactId: string }): unknown {
  switch (call) {
    case 'timeline':
      return { entityType: 'contact', entityId: r.contactId };
    case 'myTasks':
      return { limit: 200 };
    case 'dueReminders':
      return {};
    case 'create':
      return { activity: { kind: 'note', subject: 'Нотатка', contactId: r.contactId } };
    case 'update':
      return { id: r.task.id, patch: { subject: 'Зміна' }, expectedUpdatedAt: r.task.updatedAt };
    case 'tasks':
      return { view: 'open', timeZone: 'Europe/Kyiv', mine: false, limit: 200 };
    case 'logged': {
      const at = Date.parse(r.task.occurredAt);
      const from = new Date(at - 3_600_000).toISOString();
      const before = new Date(at + 3_600_000).toISOString();
      return { ownerId: r.task.ownerId, from, before, limit: 200 };
    }
    case 'calendar': {
      const due = Date.parse(r.task.dueAt ?? '');
      const from = new Date(due - 3_600_000).toISOString();
      return { from, before: new Date(due + 3_600_000).toISOString(), mine: false };
    }
    case 'completeMany':
      return { ids: [r.task.id] };
    case 'snooze':
      return { id: r.task.id, until: new Date(Date.now() + 600_000).toISOString() };
    default:
      return { id: r.task.id };
  }
}

function outcome(call: Call, result: Result<unknown>, id: string): Outcome {
  if (!result.ok) return result.error.code as Outcome;
  const has = (ids: string[]) => (ids.includes(id) ? 'ok' : 'hidden');
  if (call === 'timeline') return has((result.value as TimelinePage).items.map(i => i.id));
  if (call === 'myTasks') return has((result.value as TaskPage).items.map(i => i.id));
  if (call === 'dueReminders') return has((result.value as DueReminder[]).map(i => i.id));
  if (call === 'tasks') return has((result.value as TaskListPage).items.map(i => i.id));
  if (call === 'logged') return has((result.value as TaskListPage).items.map(i => i.id));
  if (call === 'calendar') return has((result.value as CalendarPage).items.map(i => i.id));
  return 'ok';
}

const cases = (Object.keys(EXPECTED) as BuiltInRole[]).flatMap(role =>
  (Object.keys(activitiesContract) as Call[]).flatMap(call =>
    (['own', 'other'] as const).map(whose => ({ role, call, whose })),
  ),
);

describe('activities permission matrix', () => {
  it.each(cases)('$role $call on $whose activity', async ({ role, call, whose }) => {
    const r = await record(whose === 'own' ? users[role] : users.stranger);
    state.signIn(vault, {
      userId: users[role],
      login: role,
      role,
      grants: BUILT_IN_GRANTS[role],
      teamId: null,
    });
    const result = await router.call(`zamok:activities.${call}`, inputFor(call, r), {
      host: 'cli',
    });
    expect(outcome(call, result, r.task.id)).toBe(EXPECTED[role][call][whose]);
  });
});
