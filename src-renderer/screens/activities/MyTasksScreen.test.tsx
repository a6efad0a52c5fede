// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../../src-shared/activities';
import { ok, OWNER } from '../../app/test-support';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { useCompaniesStore } from '../companies/store';
import { useDealsStore } from '../deals/store';
import { MyTasksScreen } from './MyTasksScreen';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();
beforeEach(() => useSessionStore.setState({ user: OWNER }));

function task(id: string, subject: string, links: Partial<Activity>): Activity {
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
    ...links,
  };
}

function renderTasks(language: 'uk' | 'en') {
  const { api } = scriptedApi({
    activities: {
      myTasks: async () =>
        ok({
          items: [
            task('a-1', 'Подзвонити Коваль', { contactId: 'c-1', dealId: 'd-1' }),
            task('a-2', 'Звірка з ТОВ «Ромашка»', { companyId: 'co-1' }),
            task('a-3', 'Надіслати рахунок за борошно', { dealId: 'd-7' }),
          ],
          nextCursor: null,
          now: '2026-11-29T10:00:00.000Z',
        }),
    },
  });
  renderWithApi(<MyTasksScreen />, api, language);
}

describe('My tasks', () => {
  it('links each task to its record: contact first, else company, else deal', async () => {
    renderTasks('en');
    expect(
      await screen.findByRole('button', { name: 'Open contact: Подзвонити Коваль' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Open company: Звірка з ТОВ «Ромашка»' }),
    ).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: 'Open deal: Надіслати рахунок за борошно' }),
    );
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState().view).toEqual({ kind: 'detail', id: 'd-7' });
  });

  it('opens a company task’s company page, in Ukrainian too', async () => {
    renderTasks('uk');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Відкрити компанію: Звірка з ТОВ «Ромашка»' }),
    );
    expect(useNavigationStore.getState().section).toBe('companies');
    expect(useCompaniesStore.getState().view).toEqual({ kind: 'detail', id: 'co-1' });
    expect(screen.getByRole('button', { name: 'Відкрити угоду: Надіслати рахунок за борошно' }));
  });
});
