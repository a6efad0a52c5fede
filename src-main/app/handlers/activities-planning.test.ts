/**
 * Calls that carry facts, standalone tasks, the task list's views, the calendar, bulk completion
 * and snoozing, through the router (audit wrapper → session guard → permission → handler) on a
 * real vault. A call's next step and each task of a bulk completion get their own audit entry in
 * the call's transaction; one task out of reach fails the whole batch and changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Activity,
  CalendarPage,
  TaskListPage,
  TimelinePage,
} from '../../../src-shared/activities';
import type { Contact } from '../../../src-shared/contacts';
import { activitiesContract, type LoggedActivity } from '../../../src-shared/ipc/activities';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import { listAudit } from '../../audit';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { activitiesHandlers } from './activities';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { contactsHandlers } from './contacts';

afterEach(closeTestVaults);

/** Wednesday 2 December 2026, 10:00 in Kyiv (08:00 UTC). */
const NOW = new Date('2026-12-02T08:00:00.000Z');
const ZONE = 'Europe/Kyiv';

async function app() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const { call, signInStaff } = composeTestApp({
    vault,
    staff,
    contract: { activities: activitiesContract, contacts: contactsContract },
    handlers: ({ openVault }) => ({
      activities: activitiesHandlers({ openVault, now: () => NOW }),
      contacts: contactsHandlers({ openVault, now: () => NOW }),
    }),
  });
  signInStaff('anna');
  const contact = value<Contact>(
    await call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Олена' } }),
  );
  return { vault, staff, call, signInStaff, contact };
}

const count = (vault: { sqlite: { prepare(s: string): { get(): unknown } } }, where = '1') =>
  (
    vault.sqlite.prepare(`SELECT count(*) AS n FROM activities WHERE ${where}`).get() as {
      n: number;
    }
  ).n;

describe('a call with facts and a next step', () => {
  it('logs the call and its task in one call; the audit log has an entry for each', async () => {
    const { vault, call, contact } = await app();
    const logged = value<LoggedActivity>(
      await call('activities.create', {
        activity: {
          kind: 'call',
          subject: 'Дзвінок щодо поставки',
          contactId: contact.id,
          occurredAt: '2026-12-02T07:30:00.000Z',
          direction: 'out',
          durationMinutes: 12,
          outcome: 'call_back',
          nextStep: {
            subject: 'Передзвонити Олені',
            dueAt: '2026-12-02T13:00:00.000Z',
            remindAt: '2026-12-02T12:50:00.000Z',
          },
        },
      }),
    );
    expect(logged).toMatchObject({ direction: 'out', durationMinutes: 12, outcome: 'call_back' });
    expect(logged.nextTask).toMatchObject({
      kind: 'task',
      subject: 'Передзвонити Олені',
      contactId: contact.id,
      dueAt: '2026-12-02T13:00:00.000Z',
    });
    const { entries } = await listAudit(vault.db, { limit: 10 });
    const creates = entries.filter(e => e.action === 'activities.create');
    expect(creates.map(e => e.entityId).sort()).toEqual([logged.id, logged.nextTask?.id].sort());
    const call_ = creates.find(e => e.entityId === logged.id);
    expect(call_?.changes).toMatchObject({ outcome: { after: 'call_back' } });
    const task = creates.find(e => e.entityId === logged.nextTask?.id);
    expect(task?.details).toMatchObject({ via: 'activities.create' });
    const page = value<TimelinePage>(
      await call('activities.timeline', { entityType: 'contact', entityId: contact.id }),
    );
    const onTimeline = page.items.find(i => i.id === logged.id);
    expect(onTimeline?.facts).toEqual({
      direction: 'out',
      durationMinutes: 12,
      outcome: 'call_back',
    });
    expect(page.items.find(i => i.id === logged.nextTask?.id)?.facts).toBeUndefined();
  });

  it('refuses facts on the wrong kind and a bad next step, writing nothing', async () => {
    const { vault, call, contact } = await app();
    const bad = [
      { kind: 'note', subject: 'Нотатка', contactId: contact.id, outcome: 'reached' },
      { kind: 'meeting', subject: 'Зустріч', contactId: contact.id, direction: 'in' },
      { kind: 'call', subject: 'Дзвінок', contactId: contact.id, durationMinutes: 1441 },
      {
        kind: 'note',
        subject: 'Нотатка',
        contactId: contact.id,
        nextStep: { subject: 'Задача', dueAt: '2026-12-03T08:00:00.000Z' },
      },
      {
        kind: 'call',
        subject: 'Дзвінок',
        contactId: contact.id,
        nextStep: {
          subject: 'Задача',
          dueAt: '2026-12-03T08:00:00.000Z',
          remindAt: '2026-12-03T09:00:00.000Z',
        },
      },
      { kind: 'call', subject: 'Дзвінок без запису' },
    ];
    for (const activity of bad) {
      const result = await call('activities.create', { activity });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(count(vault)).toBe(0);
  });

  it('a next step on a contact out of reach: not_found, neither the call nor the task is kept', async () => {
    const { vault, call, signInStaff, contact } = await app();
    signInStaff('borys');
    const result = await call('activities.create', {
      activity: {
        kind: 'call',
        subject: 'Чужий клієнт',
        contactId: contact.id,
        nextStep: { subject: 'Передзвонити', dueAt: '2026-12-03T08:00:00.000Z' },
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(count(vault)).toBe(0);
  });

  it('edits the facts; a fact the kind cannot carry is invalid_input', async () => {
    const { call, contact } = await app();
    const logged = value<Activity>(
      await call('activities.create', {
        activity: { kind: 'meeting', subject: 'Зустріч в офісі', contactId: contact.id },
      }),
    );
    const edited = value<Activity>(
      await call('activities.update', {
        id: logged.id,
        patch: { durationMinutes: 45, outcome: 'reached' },
        expectedUpdatedAt: logged.updatedAt,
      }),
    );
    expect(edited).toMatchObject({ durationMinutes: 45, outcome: 'reached', direction: null });
    const wrong = await call('activities.update', {
      id: logged.id,
      patch: { direction: 'in' },
      expectedUpdatedAt: edited.updatedAt,
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('standalone tasks, views and the calendar', () => {
  async function planned() {
    const ctx = await app();
    const task = async (subject: string, dueAt: string, link = true) =>
      value<Activity>(
        await ctx.call('activities.create', {
          activity: {
            kind: 'task',
            subject,
            dueAt,
            ...(link ? { contactId: ctx.contact.id } : {}),
          },
        }),
      );
    const overdue = await task('Вчорашній звіт', '2026-12-01T09:00:00.000Z');
    // 23:30 Kyiv on 2 December is still today there (21:30 UTC).
    const today = await task('Податкова: подати звіт', '2026-12-02T21:30:00.000Z', false);
    const sunday = await task('Підготувати договір', '2026-12-06T12:00:00.000Z');
    const nextWeek = await task('Нарада з постачальником', '2026-12-07T09:00:00.000Z');
    return { ...ctx, overdue, today, sunday, nextWeek };
  }

  const subjects = (page: TaskListPage) => page.items.map(i => i.subject);

  it('a task may name no record; the views cut by the day and the Monday week in the zone', async () => {
    const { call, overdue, today } = await planned();
    expect(today.contactId).toBeNull();
    const view = async (v: string) =>
      value<TaskListPage>(await call('activities.tasks', { view: v, timeZone: ZONE }));
    expect(subjects(await view('overdue'))).toEqual(['Вчорашній звіт']);
    expect(subjects(await view('today'))).toEqual(['Податкова: подати звіт']);
    expect(subjects(await view('week'))).toEqual([
      'Вчорашній звіт',
      'Податкова: подати звіт',
      'Підготувати договір',
    ]);
    const all = await view('open');
    expect(all.items).toHaveLength(4);
    expect(all.items[0]).toMatchObject({ id: overdue.id, contactName: 'Олена Коваль' });
    expect(all.items[1]).toMatchObject({ contactName: null, companyName: null, dealTitle: null });
  });

  it('another manager sees neither the tasks nor, through a shared list, the client names', async () => {
    const { call, signInStaff } = await planned();
    signInStaff('borys');
    const page = value<TaskListPage>(
      await call('activities.tasks', { view: 'open', timeZone: ZONE, mine: false }),
    );
    expect(page.items).toEqual([]);
    signInStaff('head');
    const head = value<TaskListPage>(
      await call('activities.tasks', { view: 'open', timeZone: ZONE, mine: false }),
    );
    expect(head.items.map(i => i.contactName)).toContain('Олена Коваль');
  });

  it('the head narrows the task list to one manager ("Відповідальний"), overdue ones too; the filter never widens a scope', async () => {
    const { call, signInStaff, staff } = await planned();
    signInStaff('head');
    const tasks = async (view: string, ownerId: string) =>
      value<TaskListPage>(
        await call('activities.tasks', { view, timeZone: ZONE, mine: false, ownerId }),
      );
    expect(subjects(await tasks('overdue', staff.anna))).toEqual(['Вчорашній звіт']);
    expect((await tasks('open', staff.anna)).items).toHaveLength(4);
    expect((await tasks('open', staff.vira)).items).toEqual([]);
    signInStaff('borys');
    expect((await tasks('open', staff.anna)).items).toEqual([]);
  });

  it('pages the task list soonest first after a cursor; a cursor of another view is refused', async () => {
    const { call, overdue, today, sunday, nextWeek } = await planned();
    const page = async (view: string, cursor?: string) =>
      call('activities.tasks', { view, timeZone: ZONE, limit: 3, ...(cursor ? { cursor } : {}) });
    const first = value<TaskListPage>(await page('open'));
    expect(first.items.map(i => i.id)).toEqual([overdue.id, today.id, sunday.id]);
    const cursor = first.nextCursor ?? '';
    const second = value<TaskListPage>(await page('open', cursor));
    expect(second.items.map(i => i.id)).toEqual([nextWeek.id]);
    expect(second.nextCursor).toBeNull();
    expect(await page('week', cursor)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses an unknown time zone', async () => {
    const { call } = await planned();
    const result = await call('activities.tasks', { view: 'today', timeZone: 'Mars/Olympus' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('the calendar holds tasks by due time and meetings by when, done ones too', async () => {
    const { call, contact, sunday } = await planned();
    value(
      await call('activities.create', {
        activity: {
          kind: 'meeting',
          subject: 'Зустріч у Києві',
          contactId: contact.id,
          occurredAt: '2026-12-04T10:00:00.000Z',
        },
      }),
    );
    value(await call('activities.complete', { id: sunday.id }));
    const page = value<CalendarPage>(
      await call('activities.calendar', {
        from: '2026-12-03T22:00:00.000Z',
        before: '2026-12-06T22:00:00.000Z',
      }),
    );
    expect(page.items.map(i => [i.kind, i.subject, i.doneAt !== null])).toEqual([
      ['meeting', 'Зустріч у Києві', false],
      ['task', 'Підготувати договір', true],
    ]);
    const long = await call('activities.calendar', {
      from: '2026-12-01T00:00:00.000Z',
      before: '2027-02-01T00:00:00.000Z',
    });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('bulk completion and snoozing', () => {
  async function tasks() {
    const ctx = await app();
    const make = async (subject: string) =>
      value<Activity>(
        await ctx.call('activities.create', {
          activity: { kind: 'task', subject, dueAt: '2026-12-03T09:00:00.000Z' },
        }),
      );
    return { ...ctx, a: await make('Перше'), b: await make('Друге') };
  }

  it('completes each task with the entry a single completion writes', async () => {
    const { vault, call, a, b } = await tasks();
    const done = value<Activity[]>(await call('activities.completeMany', { ids: [a.id, b.id] }));
    expect(done.map(t => t.doneAt !== null)).toEqual([true, true]);
    const { entries } = await listAudit(vault.db, { limit: 10 });
    const singles = entries.filter(e => e.action === 'activities.complete');
    expect(singles.map(e => e.entityId).sort()).toEqual([a.id, b.id].sort());
    expect(singles[0]?.changes).toHaveProperty('doneAt');
    expect(entries.find(e => e.action === 'activities.complete_many')?.details).toMatchObject({
      count: 2,
    });
  });

  it('one task out of reach fails the batch: not_found, nothing done, only a failed entry', async () => {
    const { vault, call, signInStaff, a } = await tasks();
    signInStaff('vira');
    const mine = value<Activity>(
      await call('activities.create', {
        activity: { kind: 'task', subject: 'Моє', dueAt: '2026-12-03T09:00:00.000Z' },
      }),
    );
    const result = await call('activities.completeMany', { ids: [mine.id, a.id] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(count(vault, 'done_at IS NOT NULL')).toBe(0);
    const { entries } = await listAudit(vault.db, { limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'activities.complete_many', outcome: 'failed' });
    expect(entries.some(e => e.action === 'activities.complete')).toBe(false);
  });

  it('snooze moves the reminder (and a due time before it) and delivers it again', async () => {
    const { call, a } = await tasks();
    const later = value<Activity>(
      await call('activities.snooze', { id: a.id, until: '2026-12-03T10:00:00.000Z' }),
    );
    expect(later).toMatchObject({
      remindAt: '2026-12-03T10:00:00.000Z',
      dueAt: '2026-12-03T10:00:00.000Z',
      remindedAt: null,
    });
    value(await call('activities.complete', { id: a.id }));
    const done = await call('activities.snooze', { id: a.id, until: '2026-12-03T11:00:00.000Z' });
    expect(done).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
