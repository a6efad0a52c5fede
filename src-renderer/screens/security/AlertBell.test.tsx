// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { AlertList, AlertView } from '../../../src-shared/ipc/alerts';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { ok, OWNER } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { AlertBell } from './AlertBell';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests(OWNER);

const EXPORT: AlertView = {
  id: '0b5c1d4e-0000-4000-8000-0000000000a1',
  rule: 'mass_export',
  severity: 'high',
  data: true,
  createdAt: '2026-11-29T04:00:00Z',
  lastAt: '2026-11-29T04:10:00Z',
  occurrences: 2,
  userId: 'u-2',
  entityType: null,
  entityId: null,
  auditSeq: 41,
  details: { records: 500 },
  acknowledgedAt: null,
  acknowledgedBy: null,
};

function renderBell(api: ZamokApi) {
  renderWithApi(<AlertBell />, api);
}

describe('alert bell', () => {
  it('shows the unread count, the alert with its details, and acknowledges it', async () => {
    let acknowledged = false;
    const list = (): AlertList => ({
      unread: acknowledged ? 0 : 1,
      items: [acknowledged ? { ...EXPORT, acknowledgedAt: '2026-11-29T05:00:00Z' } : EXPORT],
      securityCheckDue: true,
    });
    const { api, calls } = scriptedApi({
      alerts: {
        list: async () => ok(list()),
        acknowledge: async () => {
          acknowledged = true;
          return ok(list().items[0] as AlertView);
        },
      },
    });
    renderBell(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Alerts: 1 unread' }));
    const drawer = await screen.findByRole('dialog', { name: 'Security alerts' });
    expect(within(drawer).getByText('One user exported 500 records in a short time.')).toBeTruthy();
    expect(within(drawer).getByText('Time to run the security check.')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() =>
      expect(within(drawer).queryByRole('button', { name: 'Acknowledge' })).toBeNull(),
    );
    expect(calls.find(c => c.name === 'alerts.acknowledge')?.input).toEqual({ id: EXPORT.id });
    expect(screen.getByRole('button', { name: 'Alerts', hidden: true })).toBeTruthy();
  });

  it('opens a breach incident from an alert in one click (privacy.manage)', async () => {
    const { api, calls } = scriptedApi({
      alerts: { list: async () => ok({ unread: 1, items: [EXPORT], securityCheckDue: false }) },
      privacy: {
        openBreachFromAlert: async () =>
          ok({
            id: 'b-1',
            title: 'Mass data export',
            detectedAt: EXPORT.createdAt,
            deadlineAt: '2026-12-02T04:00:00Z',
            status: 'open' as const,
            categories: [],
            subjectsCount: 0,
            recordsCount: 500,
            actions: '',
            alertId: EXPORT.id,
            notifiedAt: null,
            createdBy: 'u-1',
            createdAt: EXPORT.createdAt,
            updatedAt: EXPORT.createdAt,
          }),
      },
    });
    renderBell(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Alerts: 1 unread' }));
    const drawer = await screen.findByRole('dialog', { name: 'Security alerts' });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Open incident' }));
    expect(await within(drawer).findByText('Incident recorded')).toBeTruthy();
    expect(calls.find(c => c.name === 'privacy.openBreachFromAlert')?.input).toEqual({
      alertId: EXPORT.id,
      lang: 'en',
    });
  });

  it('is not shown to a role without alerts.read', () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'manager', grants: BUILT_IN_GRANTS.manager },
    });
    const { api, calls } = scriptedApi({});
    renderBell(api);
    expect(screen.queryByRole('button', { name: /Alerts/ })).toBeNull();
    expect(calls).toEqual([]);
  });
});
