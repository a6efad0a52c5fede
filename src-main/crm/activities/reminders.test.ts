/**
 * The reminder loop with a fake clock on a real vault: a reminder fires once when its time has come,
 * never early, never twice, never for a task done or deleted, and never for another user's task.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activityInputSchema, type DueReminder } from '../../../src-shared/activities';
import type { OpenVault } from '../../vault';
import { claimDueReminders, completeActivity, createActivity, startReminders } from '.';
import { createActivitiesTestVault, roleViewer } from './activities.test-support';

const opened: OpenVault[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const vault of opened.splice(0)) vault.close();
});

const T0 = new Date('2026-11-29T09:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function office() {
  const t = await createActivitiesTestVault();
  opened.push(t.vault);
  const c = await t.contact(t.staff.anna);
  const task = async (userId: string, subject: string, remindIn: number) =>
    (
      await createActivity(
        t.db,
        roleViewer(userId, 'manager', 'activities.update'),
        activityInputSchema.parse({
          kind: 'task',
          subject,
          contactId: userId === t.staff.anna ? c : await t.contact(userId),
          dueAt: minutes(remindIn + 15).toISOString(),
          remindAt: minutes(remindIn).toISOString(),
        }),
        T0,
      )
    ).after;
  return { ...t, task };
}

describe('reminders', () => {
  it('fires each due reminder once, at the first check after its time, for the signed-in user only', async () => {
    vi.useFakeTimers();
    let clock = T0;
    const t = await office();
    await t.task(t.staff.anna, 'Передзвонити Олені', 2);
    await t.task(t.staff.borys, 'Задача Бориса', 1);
    const shown: DueReminder[] = [];
    const loop = startReminders({
      source: () => ({ db: t.db, userId: t.staff.anna }),
      notify: r => shown.push(r),
      now: () => clock,
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown).toEqual([]);
    clock = minutes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown.map(r => r.subject)).toEqual(['Передзвонити Олені']);
    clock = minutes(5);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(shown).toHaveLength(1);
    loop.stop();
  });

  it('sends nothing while locked and nothing for a task already done', async () => {
    const t = await office();
    const done = await t.task(t.staff.anna, 'Готово', 0);
    await completeActivity(
      t.db,
      roleViewer(t.staff.anna, 'manager', 'activities.update'),
      done.id,
      true,
      T0,
    );
    const shown: DueReminder[] = [];
    const locked = startReminders({
      source: () => null,
      notify: r => shown.push(r),
      now: () => minutes(10),
    });
    expect(await locked.check()).toBe(0);
    locked.stop();
    expect(await claimDueReminders(t.db, t.staff.anna, minutes(10))).toEqual([]);
    expect(shown).toEqual([]);
  });
});
