// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { AlertList, AlertSettings, AlertView } from '../../../src-shared/ipc/alerts';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { ok, OWNER } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { AlertBell } from './AlertBell';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests(OWNER);

const REQUEST = '3f0d2a4e-8b1c-4d5e-9f60-7a8b9c0d1e2f';
const WAITING: AlertView = {
  id: '0b5c1d4e-0000-4000-8000-0000000000b2',
  rule: 'export_approval',
  severity: 'high',
  data: true,
  createdAt: '2026-11-29T04:00:00Z',
  lastAt: '2026-11-29T04:00:00Z',
  occurrences: 1,
  userId: 'u-2',
  entityType: 'export_request',
  entityId: REQUEST,
  auditSeq: 12,
  details: { requestId: REQUEST, count: 500, format: 'csv' },
  acknowledgedAt: null,
  acknowledgedBy: null,
};

const SETTINGS = { exportApprovalAbove: null } as unknown as AlertSettings;

function renderBell(api: ZamokApi) {
  renderWithApi(<AlertBell />, api);
}

describe('export approval in the alert centre', () => {
  it('the owner approves a waiting export from its alert', async () => {
    let decided = false;
    const list = (): AlertList => ({
      unread: decided ? 0 : 1,
      items: [decided ? { ...WAITING, acknowledgedAt: '2026-11-29T05:00:00Z' } : WAITING],
      securityCheckDue: false,
    });
    const { api, calls } = scriptedApi({
      alerts: {
        list: async () => ok(list()),
        settings: async () => ok(SETTINGS),
        approveExport: async () => {
          decided = true;
          return ok({
            id: REQUEST,
            userId: 'u-2',
            count: 500,
            format: 'csv',
            requestedAt: WAITING.createdAt,
            decision: 'approved' as const,
            decidedAt: '2026-11-29T05:00:00Z',
            decidedBy: OWNER.id,
            consumedAt: null,
          });
        },
      },
    });
    renderBell(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Alerts: 1 unread' }));
    const drawer = await screen.findByRole('dialog', { name: 'Security alerts' });
    expect(
      within(drawer).getByText(
        'A staff member wants to export 500 contacts (csv). Approve or deny it.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: 'Approve' }));
    expect(
      await within(drawer).findByText(/Approved: the staff member gets the file once/),
    ).toBeTruthy();
    expect(calls.find(c => c.name === 'alerts.approveExport')?.input).toEqual({
      requestId: REQUEST,
    });
    await waitFor(() => expect(within(drawer).queryByRole('button', { name: 'Deny' })).toBeNull());
  });

  it('turns on approval above a limit', async () => {
    const { api, calls } = scriptedApi({
      alerts: {
        list: async () => ok({ unread: 0, items: [], securityCheckDue: false }),
        settings: async () => ok(SETTINGS),
        updateSettings: async () => ok({ ...SETTINGS, exportApprovalAbove: 100 }),
      },
    });
    renderBell(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Alerts' }));
    const drawer = await screen.findByRole('dialog', { name: 'Security alerts' });
    const toggle = within(drawer).getByLabelText('Exports above the limit wait for my approval');
    await waitFor(() => expect((toggle as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(toggle);
    const limit = within(drawer).getByLabelText('Limit (records)');
    fireEvent.change(limit, { target: { value: '100' } });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Save' }));
    expect(await within(drawer).findByText('Saved.')).toBeTruthy();
    expect(calls.find(c => c.name === 'alerts.updateSettings')?.input).toEqual({
      exportApprovalAbove: 100,
    });
  });

  it('an administrator (settings.manage without exports.control) sees no approval setting', async () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'administrator', grants: BUILT_IN_GRANTS.administrator },
    });
    const { api } = scriptedApi({
      alerts: {
        list: async () => ok({ unread: 0, items: [], securityCheckDue: false }),
        settings: async () => ok(SETTINGS),
      },
    });
    renderBell(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Alerts' }));
    const drawer = await screen.findByRole('dialog', { name: 'Security alerts' });
    expect(within(drawer).queryByText('Approval of large exports')).toBeNull();
    expect(
      within(drawer).queryByLabelText('Exports above the limit wait for my approval'),
    ).toBeNull();
  });
});
