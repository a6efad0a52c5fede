/**
 * One person's logged activities (`activities.logged`, issue 18 point 2) on a real vault: the
 * records behind a bar of the dashboard's "activities per person". Within the caller's scope only
 * (a manager asking for a colleague gets nothing, a team scope only its team), exactly the activities the bar counts, newest
 * first, paged by cursor.
 */
import { describe, expect, it } from 'vitest';
import { activityInputSchema } from '../../../src-shared/activities';
import { activitiesByManager } from '../analytics/queries';
import { closedAfterEach } from '../record/vaults.test-support';
import { createActivitiesTestVault, roleViewer } from './activities.test-support';
import { loggedActivities } from './planned';
import { createActivity, deleteActivity } from './repository';

const open = closedAfterEach(createActivitiesTestVault);
const RANGE = { from: '2026-11-01T00:00:00.000Z', before: '2026-12-01T00:00:00.000Z' };

describe('a person’s logged activities', () => {
  it('lists exactly what the dashboard counts for that person, within the scope', async () => {
    const t = await open();
    const { anna, borys, vira, owner } = t.staff;
    const log = async (userId: string, subject: string, occurredAt: string, kind = 'call') => {
      const contactId = await t.contact(userId);
      const input = activityInputSchema.parse({ kind, subject, contactId, occurredAt });
      return (await createActivity(t.db, roleViewer(userId, 'manager', 'activities.read'), input))
        .after;
    };
    await log(anna, 'Дзвінок 1', '2026-11-03T09:00:00.000Z');
    await log(anna, 'Зустріч', '2026-11-20T09:00:00.000Z', 'meeting');
    await log(anna, 'Нотатка', '2026-11-25T09:00:00.000Z', 'note');
    const gone = await log(anna, 'Видалена', '2026-11-26T09:00:00.000Z');
    await deleteActivity(t.db, roleViewer(anna, 'manager', 'activities.delete'), gone.id);
    await log(anna, 'Жовтнева', '2026-10-31T23:59:00.000Z');
    await log(borys, 'Борисів дзвінок', '2026-11-05T09:00:00.000Z');
    await log(vira, 'Вірин дзвінок', '2026-11-06T09:00:00.000Z');

    const subjects = async (viewer: ReturnType<typeof roleViewer>, ownerId: string) =>
      (await loggedActivities(t.db, viewer, { ownerId, ...RANGE, limit: 50 })).items.map(
        a => a.subject,
      );
    const annaSelf = roleViewer(anna, 'manager');
    expect(await subjects(annaSelf, anna)).toEqual(['Нотатка', 'Зустріч', 'Дзвінок 1']);
    // A manager never reaches a colleague's activities through it.
    expect(await subjects(annaSelf, borys)).toEqual([]);
    // A team scope (a custom role for team north) sees Vira's, not Borys's (team south).
    const head = {
      ...roleViewer(t.staff.head, 'head', 'activities.read', 'north'),
      scope: 'team' as const,
    };
    expect(await subjects(head, vira)).toEqual(['Вірин дзвінок']);
    expect(await subjects(head, borys)).toEqual([]);

    // For each reader and person, as many as the dashboard's bar counts over the same range.
    for (const viewer of [annaSelf, head, roleViewer(owner, 'owner')]) {
      const bars = await activitiesByManager(t.db, viewer, {
        from: RANGE.from,
        to: RANGE.before,
      });
      for (const person of [anna, borys, vira]) {
        const bar = bars.find(b => b.userId === person)?.activities ?? 0;
        expect((await subjects(viewer, person)).length).toBe(bar);
      }
    }
  });

  it('pages newest first by cursor; a cursor of another person is refused', async () => {
    const t = await open();
    const { anna, borys } = t.staff;
    const contactId = await t.contact(anna);
    for (const day of ['10', '11', '12']) {
      const input = activityInputSchema.parse({
        kind: 'note',
        subject: `Нотатка ${day}`,
        contactId,
        occurredAt: `2026-11-${day}T09:00:00.000Z`,
      });
      await createActivity(t.db, roleViewer(anna, 'manager'), input);
    }
    const owner = roleViewer(t.staff.owner, 'owner');
    const first = await loggedActivities(t.db, owner, { ownerId: anna, ...RANGE, limit: 2 });
    expect(first.items.map(a => a.subject)).toEqual(['Нотатка 12', 'Нотатка 11']);
    const cursor = first.nextCursor ?? '';
    const next = await loggedActivities(t.db, owner, { ownerId: anna, ...RANGE, cursor, limit: 2 });
    expect(next.items.map(a => a.subject)).toEqual(['Нотатка 10']);
    expect(next.nextCursor).toBeNull();
    await expect(
      loggedActivities(t.db, owner, { ownerId: borys, ...RANGE, cursor, limit: 2 }),
    ).rejects.toThrow(/cursor/);
  });
});
