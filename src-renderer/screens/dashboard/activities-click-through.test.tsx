// @vitest-environment jsdom
/**
 * The dashboard's "activities per person" opens the records behind a bar (issue 18 point 2): a
 * person's button (or bar) opens the tasks section at its address on a tab of that person's
 * activities over exactly the chart's window, asked from main with `activities.logged`.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PlannedActivity } from '../../../src-shared/activities';
import type { Dashboard } from '../../../src-shared/ipc/analytics';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { OWNER } from '../../app/test-support';
import { currentRoute, formatHash } from '../../shell/routes';
import '../../shell/route-table';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { inputsOf, ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { MyTasksScreen } from '../activities/MyTasksScreen';
import { useActivitiesStore } from '../activities/store';
import { DashboardScreen } from './DashboardScreen';

setUpScreenTests();

const SINCE = '2026-11-07T12:00:00.000Z';

const FIGURES: Dashboard = {
  months: ['2026-12'],
  pipeline: [],
  wonLost: [{ month: '2026-12', won: 0, lost: 0 }],
  activities: [
    { userId: 'u-iryna', displayName: 'Ірина Бондар', activities: 2 },
    { userId: 'u-taras', displayName: 'Тарас Мельник', activities: 1 },
  ],
  activitiesSince: SINCE,
  newContacts: [{ month: '2026-12', count: 0 }],
};

function logged(id: string, kind: 'call' | 'note', subject: string): PlannedActivity {
  return {
    id,
    ownerId: 'u-iryna',
    ownerName: 'Ірина Бондар',
    kind,
    subject,
    body: null,
    occurredAt: '2026-12-01T09:30:00.000Z',
    dueAt: null,
    remindAt: null,
    remindedAt: null,
    doneAt: null,
    contactId: id === 'a-1' ? 'c-1' : null,
    companyId: null,
    dealId: null,
    direction: null,
    durationMinutes: null,
    outcome: null,
    createdAt: '2026-12-01T09:30:00.000Z',
    updatedAt: '2026-12-01T09:30:00.000Z',
    deletedAt: null,
    contactName: id === 'a-1' ? 'Олена Коваль' : null,
    companyName: null,
    dealTitle: null,
  };
}

describe('dashboard: activities per person', () => {
  it('opens that person’s activities of the chart’s window, at the tasks address', async () => {
    const { api, calls } = scriptedApi({
      analytics: { dashboard: async () => ok(FIGURES) },
      activities: {
        logged: async () =>
          ok({
            items: [logged('a-1', 'call', 'Дзвінок щодо поставки'), logged('a-2', 'note', 'Ціни')],
            nextCursor: null,
            now: '2026-12-07T12:00:00.000Z',
          }),
        tasks: async () => ok({ items: [], nextCursor: null, now: '2026-12-07T12:00:00.000Z' }),
      },
    });
    useSessionStore.setState({ screen: 'app', user: { ...OWNER, grants: BUILT_IN_GRANTS.head } });
    renderWithApi(<DashboardScreen />, api, 'uk');
    const group = await screen.findByRole('group', { name: 'Відкрити активності працівника:' });
    expect(
      within(group)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['Ірина Бондар · 2', 'Тарас Мельник · 1']);
    fireEvent.click(within(group).getByRole('button', { name: 'Ірина Бондар · 2' }));

    expect(useNavigationStore.getState().section).toBe('activities');
    expect(formatHash(currentRoute('activities'))).toBe('#/activities');
    // The dashboard counted [since, since + 30 days]: the same range, to the millisecond.
    const person = {
      ownerId: 'u-iryna',
      name: 'Ірина Бондар',
      from: SINCE,
      before: '2026-12-07T12:00:00.001Z',
    };
    expect(useActivitiesStore.getState()).toMatchObject({ tab: 'person', person });

    renderWithApi(<MyTasksScreen />, api, 'uk');
    const list = await screen.findByRole('list', {
      name: 'Ірина Бондар: активності з 7 листопада 2026 р. по 7 грудня 2026 р.',
    });
    expect(inputsOf(calls, 'activities.logged')).toEqual([
      { ownerId: 'u-iryna', from: SINCE, before: person.before },
    ]);
    const entries = within(list).getAllByRole('listitem');
    expect(entries.map(e => e.textContent)).toEqual([
      expect.stringContaining('ДзвінокДзвінок щодо поставки'),
      expect.stringContaining('НотаткаЦіни'),
    ]);
    expect(
      within(entries[0] as HTMLElement).getByRole('button', { name: 'Клієнт: Олена Коваль' }),
    ).toBeTruthy();
    // "Close" returns to the task list and takes the person's tab away.
    fireEvent.click(screen.getByRole('button', { name: 'Закрити' }));
    expect(useActivitiesStore.getState()).toMatchObject({ tab: 'list', person: null });
    expect(screen.queryByRole('tab', { name: 'Активності працівника' })).toBeNull();
  });
});
