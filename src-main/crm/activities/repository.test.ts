/**
 * Logging, editing, completing and deleting activities on real SQLCipher vaults: what the owner of
 * an activity and a colleague see, and that bad input changes nothing.
 */
import { closedAfterEach, rejectionCode as failure } from '../record/vaults.test-support';
import { describe, expect, it } from 'vitest';
import { activityInputSchema, activityPatchSchema } from '../../../src-shared/activities';
import {
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  myTasks,
  updateActivity,
} from '.';
import { createActivitiesTestVault, roleViewer } from './activities.test-support';

const office = closedAfterEach(createActivitiesTestVault);

const T = new Date('2026-11-29T09:00:00.000Z');

describe('logging activities', () => {
  it('logs a call on a readable contact; the owner reads it back, a colleague gets not_found', async () => {
    const { db, staff, contact } = await office();
    const c = await contact(staff.anna);
    const anna = roleViewer(staff.anna, 'manager');
    const input = activityInputSchema.parse({
      kind: 'call',
      subject: 'Дзвінок щодо договору',
      contactId: c,
    });
    const { before, after } = await createActivity(db, anna, input, T);
    expect(before).toBeNull();
    expect(after).toMatchObject({
      kind: 'call',
      ownerId: staff.anna,
      contactId: c,
      occurredAt: T.toISOString(),
    });
    expect((await getActivity(db, anna, after.id)).subject).toBe('Дзвінок щодо договору');
    expect(await failure(getActivity(db, roleViewer(staff.borys, 'manager'), after.id))).toBe(
      'not_found',
    );
    expect((await getActivity(db, roleViewer(staff.head, 'head'), after.id)).id).toBe(after.id);
  });

  it("refuses to log on another manager's contact and writes nothing", async () => {
    const { db, staff, contact } = await office();
    const c = await contact(staff.anna);
    const borys = roleViewer(staff.borys, 'manager');
    const input = activityInputSchema.parse({ kind: 'note', subject: 'чуже', contactId: c });
    expect(await failure(createActivity(db, borys, input, T))).toBe('not_found');
    expect(await failure(createActivity(db, borys, { ...input, contactId: 'no-such' }, T))).toBe(
      'not_found',
    );
    const count = await db
      .selectFrom('activities')
      .select(eb => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it('schemas refuse a task without a due time, a reminder after it, and an activity on nothing', () => {
    expect(
      activityInputSchema.safeParse({ kind: 'task', subject: 'x', contactId: 'c' }).success,
    ).toBe(false);
    expect(
      activityInputSchema.safeParse({
        kind: 'task',
        subject: 'x',
        contactId: 'c',
        dueAt: '2026-11-29T10:00:00.000Z',
        remindAt: '2026-11-29T11:00:00.000Z',
      }).success,
    ).toBe(false);
    expect(activityInputSchema.safeParse({ kind: 'call', subject: 'x' }).success).toBe(false);
    expect(
      activityInputSchema.safeParse({
        kind: 'call',
        subject: 'x',
        contactId: 'c',
        dueAt: '2026-11-29T10:00:00.000Z',
      }).success,
    ).toBe(false);
    expect(activityPatchSchema.safeParse({}).success).toBe(false);
  });
});

describe('editing and tasks', () => {
  it('edits with optimistic concurrency; a stale edit is a conflict and changes nothing', async () => {
    const { db, staff, contact } = await office();
    const anna = roleViewer(staff.anna, 'manager', 'activities.update');
    const c = await contact(staff.anna);
    const { after } = await createActivity(
      db,
      anna,
      activityInputSchema.parse({ kind: 'meeting', subject: 'Зустріч', contactId: c }),
      T,
    );
    const edited = await updateActivity(
      db,
      anna,
      after.id,
      { subject: 'Зустріч в офісі' },
      after.updatedAt,
      T,
    );
    expect(edited.after.subject).toBe('Зустріч в офісі');
    expect(
      await failure(updateActivity(db, anna, after.id, { subject: 'x' }, after.updatedAt, T)),
    ).toBe('conflict');
    expect(
      await failure(
        updateActivity(
          db,
          anna,
          after.id,
          { dueAt: '2026-12-01T09:00:00.000Z' },
          edited.after.updatedAt,
          T,
        ),
      ),
    ).toBe('invalid_input');
    expect((await getActivity(db, anna, after.id)).subject).toBe('Зустріч в офісі');
    const borys = roleViewer(staff.borys, 'manager', 'activities.update');
    expect(
      await failure(
        updateActivity(db, borys, after.id, { subject: 'y' }, edited.after.updatedAt, T),
      ),
    ).toBe('not_found');
  });

  it('my tasks lists only my open tasks, soonest first; done and deleted ones leave it', async () => {
    const { db, staff, contact } = await office();
    const anna = roleViewer(staff.anna, 'manager', 'activities.update');
    const c = await contact(staff.anna);
    const task = (subject: string, dueAt: string) =>
      createActivity(
        db,
        anna,
        activityInputSchema.parse({ kind: 'task', subject, dueAt, contactId: c }),
        T,
      );
    const late = (await task('Надіслати рахунок', '2026-11-28T09:00:00.000Z')).after;
    const soon = (await task('Передзвонити', '2026-11-30T09:00:00.000Z')).after;
    const done = (await task('Готово', '2026-11-29T12:00:00.000Z')).after;
    const gone = (await task('Видалено', '2026-11-29T13:00:00.000Z')).after;
    await completeActivity(db, anna, done.id, true, T);
    await deleteActivity(db, roleViewer(staff.anna, 'manager', 'activities.delete'), gone.id, T);
    const page = await myTasks(db, staff.anna, { limit: 1 }, T);
    expect(page.items.map(i => i.id)).toEqual([late.id]);
    const next = await myTasks(db, staff.anna, { limit: 1, cursor: page.nextCursor ?? '' }, T);
    expect(next.items.map(i => i.id)).toEqual([soon.id]);
    expect(next.nextCursor).toBeNull();
    expect((await myTasks(db, staff.borys, { limit: 10 }, T)).items).toEqual([]);
    expect(await failure(myTasks(db, staff.anna, { limit: 1, cursor: 'bad' }, T))).toBe(
      'invalid_input',
    );
  });

  it('only tasks can be completed; completing again changes nothing', async () => {
    const { db, staff, contact } = await office();
    const anna = roleViewer(staff.anna, 'manager', 'activities.update');
    const c = await contact(staff.anna);
    const note = (
      await createActivity(
        db,
        anna,
        activityInputSchema.parse({ kind: 'note', subject: 'n', contactId: c }),
        T,
      )
    ).after;
    expect(await failure(completeActivity(db, anna, note.id, true, T))).toBe('invalid_input');
    const task = (
      await createActivity(
        db,
        anna,
        activityInputSchema.parse({
          kind: 'task',
          subject: 't',
          contactId: c,
          dueAt: '2026-11-30T09:00:00Z',
        }),
        T,
      )
    ).after;
    const first = await completeActivity(db, anna, task.id, true, T);
    expect(first.after.doneAt).not.toBeNull();
    const again = await completeActivity(db, anna, task.id, true, T);
    expect(again.after.updatedAt).toBe(first.after.updatedAt);
  });
});
