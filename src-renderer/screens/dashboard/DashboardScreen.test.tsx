// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Dashboard } from '../../../src-shared/ipc/analytics';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { useSessionStore } from '../../stores/session';
import { inputsOf, ok, scriptedApi } from '../../test-support/scripted-api';
import { DashboardScreen } from './DashboardScreen';
import { useNavigationStore } from '../../stores/navigation';
import { useDealsStore } from '../deals/store';
import { useContactsStore } from '../contacts/store';
import { createdRange } from '../../components/records/created-range';
import { OWNER } from '../../app/test-support';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { currentRoute, formatHash } from '../../shell/routes';
import '../../shell/route-table';

setUpScreenTests();

const FIGURES: Dashboard = {
  months: ['2026-09', '2026-10', '2026-11'],
  pipeline: [
    {
      pipelineId: 'pipeline-default',
      pipelineName: 'Продажі',
      stageId: 'stage-new',
      stageName: 'Новий',
      position: 0,
      currency: 'UAH',
      deals: 3,
      amountMinor: 750050,
    },
  ],
  wonLost: [
    { month: '2026-09', won: 0, lost: 0 },
    { month: '2026-10', won: 1, lost: 1 },
    { month: '2026-11', won: 2, lost: 0 },
  ],
  activities: null,
  activitiesSince: '2026-10-16T12:00:00.000Z',
  newContacts: [
    { month: '2026-09', count: 0 },
    { month: '2026-10', count: 0 },
    { month: '2026-11', count: 0 },
  ],
};

/** A bridge whose analytics.dashboard answers `FIGURES`; the calls are recorded. */
function fakeAnalyticsApi() {
  return scriptedApi({ analytics: { dashboard: async () => ok(FIGURES) } });
}

function renderIn(lang: 'uk' | 'en', api: ZamokApi) {
  useSessionStore.setState({ screen: 'app', user: { ...OWNER, grants: BUILT_IN_GRANTS.head } });
  renderWithApi(<DashboardScreen />, api, lang);
}

function rows(testId: string): string[][] {
  return within(screen.getByTestId(testId))
    .getAllByRole('row')
    .map(r =>
      [...r.querySelectorAll('th, td')].map(c => (c.textContent ?? '').replace(/\s+/g, ' ')),
    );
}

describe('dashboard screen', () => {
  it('reads the figures to screen readers in Ukrainian, with month names', async () => {
    const { api, calls } = fakeAnalyticsApi();
    renderIn('uk', api);
    await screen.findByTestId('won-lost-table');
    expect(inputsOf(calls, 'analytics.dashboard')).toEqual([{ months: 12 }]);
    expect(rows('won-lost-table')).toEqual([
      ['Місяць', 'Виграно', 'Програно'],
      ['вересень 2026', '0', '0'],
      ['жовтень 2026', '1', '1'],
      ['листопад 2026', '2', '0'],
    ]);
    expect(rows('pipeline-table')[1]?.slice(0, 2)).toEqual(['Новий', '3']);
    expect(rows('pipeline-table')[1]?.[2]).toMatch(/^7 500,50 (₴|грн)$/);
    // No activities grant: said so; no contacts yet: said so.
    expect(screen.getByTestId('activities-empty').textContent).toBe(
      'Ваша роль не дає доступу до цих записів.',
    );
    expect(screen.getByTestId('contacts-empty').textContent).toBe('Ще немає даних за цей період.');
    expect(screen.queryByTestId('contacts-table')).toBeNull();
  });

  it('asks again for the period chosen', async () => {
    const { api, calls } = fakeAnalyticsApi();
    renderIn('en', api);
    await screen.findByTestId('won-lost-table');
    fireEvent.click(screen.getByText('3 months'));
    await screen.findByTestId('won-lost-table');
    expect(inputsOf(calls, 'analytics.dashboard').at(-1)).toEqual({ months: 3 });
  });

  it('opens the deal list behind a stage, filtered by it', async () => {
    const { api } = fakeAnalyticsApi();
    renderIn('uk', api);
    fireEvent.click(await screen.findByRole('button', { name: 'Новий · 3' }));
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState()).toMatchObject({
      view: { kind: 'list' },
      pipelineId: 'pipeline-default',
      preset: { stageId: 'stage-new' },
    });
  });

  it('opens the contacts list behind a month of new contacts, filtered by date created', async () => {
    const { api } = scriptedApi({
      analytics: {
        dashboard: async () =>
          ok({
            ...FIGURES,
            newContacts: [
              { month: '2026-02', count: 4 },
              { month: '2026-03', count: 0 },
            ],
          }),
      },
    });
    renderIn('uk', api);
    fireEvent.click(await screen.findByRole('button', { name: 'лютий 2026 · 4' }));
    expect(useNavigationStore.getState().section).toBe('contacts');
    const { query, view } = useContactsStore.getState();
    expect(view).toEqual({ kind: 'list' });
    expect(query.created).toEqual({ period: 'custom', from: '2026-02-01', to: '2026-02-28' });
    // The list asks main for exactly those local days (the toolbar shows the same filter).
    expect(createdRange(query.created, new Date())).toEqual({
      createdFrom: new Date(2026, 1, 1).toISOString(),
      createdBefore: new Date(2026, 2, 1).toISOString(),
    });
    // A month without new contacts offers no way to an empty list.
    expect(screen.queryByRole('button', { name: /березень 2026/ })).toBeNull();
  });

  it('opens the deal list behind a month of won (or lost) deals, at its address', async () => {
    const { api } = fakeAnalyticsApi();
    renderIn('uk', api);
    // One button per month and outcome with deals; none for a month without.
    expect(await screen.findByRole('button', { name: 'жовтень 2026: програно 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /вересень 2026/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'листопад 2026: програно 0' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'листопад 2026: виграно 2' }));
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(formatHash(currentRoute('deals'))).toBe('#/deals/list');
    expect(useDealsStore.getState()).toMatchObject({
      view: { kind: 'list' },
      home: 'list',
      preset: {
        outcome: 'won',
        closed: { period: 'custom', from: '2026-11-01', to: '2026-11-30' },
        allPipelines: true,
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'жовтень 2026: програно 1' }));
    expect(useDealsStore.getState().preset).toMatchObject({
      outcome: 'lost',
      closed: { from: '2026-10-01', to: '2026-10-31' },
    });
  });
});
