/**
 * Desktop reminders without Electron: a due task of the signed-in user becomes one OS notification
 * that names no client and no subject; nothing while locked or for a role without activities.read.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activityInputSchema } from '../../src-shared/activities';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { createActivity } from '../crm/activities';
import { createActivitiesTestVault, roleViewer } from '../crm/activities/activities.test-support';
import type { Session } from '../ipc';
import type { OpenVault } from '../vault';
import { startDesktopReminders } from './reminders';

const opened: OpenVault[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const vault of opened.splice(0)) vault.close();
  vi.useRealTimers();
});

/** The loop's minute timer runs on fake time; database work and promises stay real. */
const MINUTE = 60_000;

describe('desktop reminders', () => {
  it('shows a due reminder once, in Ukrainian, without the subject; nothing for an auditor', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const t = await createActivitiesTestVault();
    opened.push(t.vault);
    const c = await t.contact(t.staff.anna);
    const now = new Date('2026-11-29T09:00:00.000Z');
    await createActivity(
      t.db,
      roleViewer(t.staff.anna, 'manager'),
      activityInputSchema.parse({
        kind: 'task',
        subject: 'Передзвонити Олені Коваль',
        contactId: c,
        dueAt: '2026-11-29T09:10:00.000Z',
        remindAt: '2026-11-29T08:55:00.000Z',
      }),
      now,
    );
    const session = (role: 'manager' | 'auditor'): Session => ({
      userId: t.staff.anna,
      login: 'anna',
      role,
      grants: BUILT_IN_GRANTS[role],
      teamId: null,
    });
    const auditorShown: string[] = [];
    let auditorChecks = 0;
    stops.push(
      startDesktopReminders({
        session: () => {
          auditorChecks++;
          return session('auditor');
        },
        openVault: () => t.vault,
        systemLocale: () => 'uk-UA',
        show: (title, body) => auditorShown.push(`${title}|${body}`),
        now: () => now,
      }),
    );
    const shown: string[] = [];
    const show = (title: string, body: string) => shown.push(`${title}|${body}`);
    // The check at start and one a minute for three minutes: never a notification for an auditor.
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(auditorChecks).toBe(4);
    expect(auditorShown).toEqual([]);
    stops.push(
      startDesktopReminders({
        session: () => session('manager'),
        openVault: () => t.vault,
        systemLocale: () => 'uk-UA',
        show,
        now: () => now,
      }),
    );
    await vi.waitFor(() => expect(shown).toHaveLength(1), { timeout: 5000 });
    expect(shown[0]).toContain('Нагадування Zamok');
    expect(shown[0]).not.toContain('Коваль');
    // Claimed once: the next checks show nothing more.
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(shown).toHaveLength(1);
  });
});
