// @vitest-environment jsdom
/**
 * The tasks section as people see it: each task names its client, company and deal (links to their
 * pages; "Open …" when the reader may not see the name; "No client" for a standalone task); the
 * views ask main for their range in the user's zone; selected tasks are marked done in one call;
 * the calendar shows the month in the app's language, Monday first.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity, PlannedActivity } from '../../../src-shared/activities';
import { ok, OWNER } from '../../app/test-support';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { useCompaniesStore } from '../companies/store';
import { useDealsStore } from '../deals/store';
import { MyTasksScreen } from './MyTasksScreen';
import { monthTitle, TaskCalendar, weekdayNames } from './TaskCalendar';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();
beforeEach(() => useSessionStore.setState({ user: OWNER }));

function task(id: string, subject: string, links: Partial<PlannedActivity>): PlannedActivity {
  return {
    id,
    ownerId: OWNER.id,
    ownerName: OWNER.displayName,
    kind: 'task',
    subject,
    body: null,
    occurredAt: '2026-11-29T09:00:00.000Z',
    dueAt: '2026-12-02T09:00:00.000Z',
    remindAt: null,
    remindedAt: null,
    doneAt: null,
    contactId: null,
    companyId: null,
    dealId: null,
    direction: null,
    durationMinutes: null,
    outcome: null,
    createdAt: '2026-11-29T09:00:00.000Z',
    updatedAt: '2026-11-29T09:00:00.000Z',
    deletedAt: null,
    contactName: null,
    companyName: null,
    dealTitle: null,
    ...links,
  };
}

const TASKS = [
  task('a-1', 'Подзвонити Коваль', {
    contactId: 'c-1',
    contactName: 'Олена Коваль',
    dealId: 'd-1',
    dealTitle: 'Поставка борошна',
  }),
  task('a-2', 'Звірка з ТОВ «Ромашка»', { companyId: 'co-1', companyName: 'ТОВ «Ромашка»' }),
  task('a-3', 'Надіслати рахунок за борошно', { dealId: 'd-7' }),
  task('a-4', 'Подати звіт до податкової', {}),
];

function renderTasks(language: 'uk' | 'en') {
  const main = scriptedApi({
    activities: {
      tasks: async () => ok({ items: TASKS, nextCursor: null, now: '2026-11-29T10:00:00.000Z' }),
      completeMany: async input =>
        ok(
          (input as { ids: string[] }).ids.map((id): Activity => ({
            ...task(id, id, {}),
            doneAt: '2026-11-29T10:00:00.000Z',
          })),
        ),
    },
  });
  renderWithApi(<MyTasksScreen />, main.api, language);
  return main;
}

describe('the tasks section', () => {
  it('names each task’s records as links; a name the reader may not see reads “Open …”', async () => {
    renderTasks('en');
    expect(await screen.findByRole('button', { name: 'Client: Олена Коваль' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Deal: Поставка борошна' })).toBeTruthy();
    expect(screen.getByText('No client')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Open deal: Надіслати рахунок за борошно' }),
    );
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState().view).toEqual({ kind: 'detail', id: 'd-7' });
  });

  it('opens a company task’s company page, in Ukrainian too', async () => {
    renderTasks('uk');
    fireEvent.click(await screen.findByRole('button', { name: 'Компанія: ТОВ «Ромашка»' }));
    expect(useNavigationStore.getState().section).toBe('companies');
    expect(useCompaniesStore.getState().view).toEqual({ kind: 'detail', id: 'co-1' });
  });

  it('switching the view asks main for it with the user’s zone', async () => {
    const { calls } = renderTasks('uk');
    await screen.findByText('Подзвонити Коваль');
    fireEvent.click(screen.getByText('Прострочені'));
    await waitFor(() =>
      expect(calls.filter(c => c.name === 'activities.tasks').at(-1)?.input).toMatchObject({
        view: 'overdue',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }),
    );
  });

  it('marks the selected tasks done in one bulk call', async () => {
    const { calls } = renderTasks('uk');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Вибрати: Подзвонити Коваль' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Вибрати: Подати звіт до податкової' }));
    expect(screen.getByText('Вибрано: 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Позначити виконаними' }));
    expect(await screen.findByText('Виконано 2 завдання.')).toBeTruthy();
    expect(calls.find(c => c.name === 'activities.completeMany')?.input).toEqual({
      ids: ['a-1', 'a-4'],
      done: true,
    });
  });
});

describe('the calendar', () => {
  it('titles the month and names weekdays in the app’s language, Monday first', () => {
    expect(monthTitle(2026, 12, 'uk')).toBe('грудень 2026');
    expect(monthTitle(2026, 12, 'en')).toBe('December 2026');
    expect(weekdayNames('uk')[0]).toBe('пн');
    expect(weekdayNames('en')[6]).toBe('Sun');
    expect(weekdayNames('en', 0)[0]).toBe('Sun');
    expect(weekdayNames('uk', 0)[1]).toBe('пн');
  });

  it('puts tasks on their due day and asks for the whole grid', async () => {
    const main = scriptedApi({
      activities: {
        calendar: async () =>
          ok({
            items: [task('a-1', 'Передзвонити Олені', { dueAt: '2026-12-03T12:00:00.000Z' })],
            truncated: false,
          }),
      },
    });
    renderWithApi(<TaskCalendar today={new Date('2026-12-02T12:00:00.000Z')} />, main.api, 'uk');
    expect(await screen.findByText('грудень 2026')).toBeTruthy();
    const entry = await screen.findByText(/Передзвонити Олені/);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const cell = entry.closest('td');
    expect(cell?.getAttribute('data-day')).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date('2026-12-03T12:00:00Z')),
    );
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(6);
    const sent = main.calls.find(c => c.name === 'activities.calendar')?.input as {
      from: string;
      before: string;
    };
    expect(Date.parse(sent.before) - Date.parse(sent.from)).toBe(35 * 24 * 3600_000);
  });
});
