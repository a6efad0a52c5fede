// @vitest-environment jsdom
/**
 * The reminder's actions with a fixed clock (no waiting): snooze sends the time 10 minutes, an hour
 * or tomorrow at 9:00 after that clock; done completes the task; open jumps to its record. Each
 * action takes the reminder away.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity, DueReminder } from '../../../src-shared/activities';
import { ok, OWNER } from '../../app/test-support';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { snoozeUntil } from './reminder-actions';
import { ReminderToasts } from './ReminderToasts';

setUpScreenTests();
beforeEach(() => useSessionStore.setState({ user: OWNER }));

/** A fixed local clock: 2 December 2026, 16:20. */
const NOW = new Date(2026, 11, 2, 16, 20, 0);

const DUE: DueReminder = {
  id: 'a-9',
  subject: 'Передзвонити Олені',
  dueAt: '2026-12-02T15:00:00.000Z',
  contactId: 'c-1',
  companyId: null,
  dealId: null,
};

function renderToasts() {
  let handed = false;
  const main = scriptedApi({
    activities: {
      dueReminders: async () => {
        const once = handed ? [] : [DUE];
        handed = true;
        return ok(once);
      },
      snooze: async () => ok({ id: 'a-9' } as Activity),
      complete: async () => ok({ id: 'a-9' } as Activity),
    },
  });
  renderWithApi(<ReminderToasts now={() => NOW} />, main.api, 'uk');
  return main;
}

describe('reminder actions', () => {
  it('snooze choices count from the clock: 10 minutes, an hour, tomorrow at 9:00', () => {
    expect(snoozeUntil('m10', NOW)).toEqual(new Date(2026, 11, 2, 16, 30));
    expect(snoozeUntil('h1', NOW)).toEqual(new Date(2026, 11, 2, 17, 20));
    expect(snoozeUntil('tomorrow', NOW)).toEqual(new Date(2026, 11, 3, 9, 0));
    expect(snoozeUntil('tomorrow', new Date(2026, 11, 31, 23, 0))).toEqual(
      new Date(2027, 0, 1, 9, 0),
    );
  });

  it('snoozes until tomorrow 9:00 and the reminder leaves', async () => {
    const { calls } = renderToasts();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Відкласти нагадування «Передзвонити Олені»' }),
    );
    fireEvent.click(await screen.findByRole('menuitem', { name: 'До завтра, 9:00' }));
    await waitFor(() => expect(screen.queryByText(/Передзвонити Олені/)).toBeNull());
    expect(calls.find(c => c.name === 'activities.snooze')?.input).toEqual({
      id: 'a-9',
      until: new Date(2026, 11, 3, 9, 0).toISOString(),
    });
  });

  it('done completes the task; open jumps to the contact', async () => {
    const { calls } = renderToasts();
    fireEvent.click(await screen.findByRole('button', { name: 'Виконано' }));
    await waitFor(() =>
      expect(calls.find(c => c.name === 'activities.complete')?.input).toEqual({
        id: 'a-9',
        done: true,
      }),
    );
    await waitFor(() => expect(screen.queryByText(/Передзвонити Олені/)).toBeNull());
  });

  it('open goes to the task’s record', async () => {
    renderToasts();
    fireEvent.click(await screen.findByRole('button', { name: 'Відкрити' }));
    expect(useNavigationStore.getState().section).toBe('contacts');
  });
});
