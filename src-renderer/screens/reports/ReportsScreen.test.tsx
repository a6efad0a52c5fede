// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { MonthlyReview } from '../../../src-shared/ipc/reports';
import type { RegulationFacts } from '../../../src-shared/reports/regulation-facts';
import { regulationDocument } from '../../../src-shared/reports/regulation';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { OWNER } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { ok, scriptedApi } from '../../test-support/scripted-api';
import { monthLabel } from '../dashboard/format';
import { currentMonth } from './report-files';
import { ReportsScreen } from './ReportsScreen';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();

const FACTS: RegulationFacts = {
  generatedAt: '2026-11-29T07:00:00.000Z',
  appVersion: '0.9.0',
  password: { minLength: 12, minScore: 3 },
  lockout: {
    freeFailures: 4,
    firstBackoffSeconds: 30,
    lockoutFromFailure: 8,
    lockoutSeconds: 900,
    forgetAfterSeconds: 86400,
  },
  kdfFloor: { memoryKiB: 65536, iterations: 3, parallelism: 1 },
  withoutTwoFactor: [],
  autoLockMinutes: 10,
  users: [{ login: 'olena', displayName: 'Олена', role: 'owner', teamId: null, totpEnabled: true }],
  dismissedCount: 0,
  roles: [
    {
      id: 'owner',
      name: 'owner',
      builtIn: true,
      permissions: [{ permission: 'contacts.read', scope: 'all' }],
      activeUsers: 1,
    },
  ],
  backup: {
    schedule: { kind: 'daily', time: '13:00', weekday: 1 },
    destinations: [],
    retention: { daily: 7, weekly: 4, monthly: 12 },
    encryption: 'recovery_key',
  },
  guard: {
    allowedHours: null,
    allowedNetworks: null,
    allowedGatewayMacs: null,
    requireApprovedDevices: false,
    approvedDevices: [],
    failedPerLogin: 5,
    failedAcrossLogins: 20,
    failedWindowMinutes: 10,
    exportRecords: 200,
    exportWindowMinutes: 10,
    deleteRecords: 20,
    deleteWindowMinutes: 10,
    backupMaxAgeDays: 7,
    dormantDays: 30,
    checkReminderDays: 90,
  },
};

/** Last month on this computer's calendar (always among the review's choices). */
const LAST_MONTH = currentMonth(new Date(new Date().getFullYear(), new Date().getMonth() - 1, 1));

const REVIEW: MonthlyReview = {
  month: '2026-11',
  timeZone: 'UTC',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  coverage: 'team',
  generatedAt: '2026-11-29T07:00:00.000Z',
  systemAlerts: 0,
  users: [
    {
      userId: 'u-2',
      login: 'anna',
      displayName: 'Анна',
      role: 'manager',
      status: 'active',
      signIns: 3,
      firstSignInAt: '2026-11-02T08:00:00.000Z',
      lastSignInAt: '2026-11-28T08:00:00.000Z',
      devices: ['dev-1'],
      failedSignIns: 1,
      records: [{ feature: 'contacts', created: 2, changed: 1, deleted: 0, exported: 0 }],
      totals: { created: 2, changed: 1, deleted: 0, exported: 0 },
      alertsRaised: 0,
      alertsAcknowledged: 0,
    },
  ],
};

function renderAs(grants: typeof OWNER.grants, api: ZamokApi) {
  useSessionStore.setState({ screen: 'app', user: { ...OWNER, grants } });
  renderWithApi(<ReportsScreen />, api);
}

describe('reports screen', () => {
  beforeEach(() => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
  });

  it('shows the owner the regulation from main, printable', async () => {
    const { api, calls } = scriptedApi({
      reports: {
        regulation: async ({ lang }) =>
          ok({ facts: FACTS, document: regulationDocument(FACTS, lang) }),
      },
    });
    const print = vi.fn();
    Object.assign(window, { print });
    renderAs(BUILT_IN_GRANTS.owner, api);
    expect(screen.getByRole('tab', { name: 'Access regulation' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Monthly review' })).toBeTruthy();
    expect(
      await screen.findByRole('heading', {
        name: 'Regulation of work with the CRM and access to client data',
      }),
    ).toBeTruthy();
    expect(calls[0]).toEqual({ name: 'reports.regulation', input: { lang: 'en' } });
    const roles = screen.getByRole('table', { name: '5. Roles and permissions' });
    expect(within(roles).getByText('View contacts (all)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('gives a head only the review of their team, and the CSV as a download', async () => {
    const { api, calls } = scriptedApi({
      reports: {
        review: async () => ok(REVIEW),
        reviewCsv: async () =>
          ok({ fileName: 'zamok-review-2026-11.csv', mimeType: 'text/csv', text: '\uFEFFPerson' }),
      },
    });
    renderAs(BUILT_IN_GRANTS.head, api);
    expect(screen.queryByRole('tab', { name: 'Access regulation' })).toBeNull();
    // Months are named in the app's language; last month is always in the list.
    const month = screen.getByLabelText('Month', { selector: 'select' });
    expect(within(month).getByRole('option', { name: monthLabel(LAST_MONTH, 'en') })).toBeTruthy();
    fireEvent.change(month, { target: { value: LAST_MONTH } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('You see the people of your own team only.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Sign-ins and actions per person' });
    expect(within(table).getByText('anna')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await vi.waitFor(() => expect(URL.createObjectURL).toHaveBeenCalledOnce());
    expect(calls.map(c => c.name)).toEqual(['reports.review', 'reports.reviewCsv']);
    expect(calls[1]?.input).toEqual({ month: LAST_MONTH, lang: 'en' });
  });

  it('refuses a month it cannot read without calling main', () => {
    const { api, calls } = scriptedApi();
    renderAs(BUILT_IN_GRANTS.head, api);
    fireEvent.change(screen.getByLabelText('Month', { selector: 'select' }), {
      target: { value: '' },
    });
    expect(screen.getByText('Choose a month from the list.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(calls).toEqual([]);
  });
});
