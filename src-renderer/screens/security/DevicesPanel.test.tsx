// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { DevicesOverview } from '../../../src-shared/ipc/devices';
import { fail, ok, OWNER } from '../../app/test-support';
import { SecurityScreen } from './SecurityScreen';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests(OWNER);

const OVERVIEW: DevicesOverview = {
  settings: { requireApprovedDevices: false, allowedNetworks: null, allowedGatewayMacs: null },
  devices: [
    {
      id: 'dev-laptop',
      label: 'petro-laptop',
      status: 'pending',
      firstSeenAt: '2026-11-29T05:00:00Z',
      firstSeenUserId: 'u-2',
      lastSeenAt: '2026-11-29T05:00:00Z',
      lastSeenUserId: 'u-2',
      approvedAt: null,
      approvedBy: null,
      revokedAt: null,
      current: false,
    },
    {
      id: 'dev-office',
      label: 'reception',
      status: 'approved',
      firstSeenAt: '2026-11-28T05:00:00Z',
      firstSeenUserId: 'u-1',
      lastSeenAt: '2026-11-29T04:00:00Z',
      lastSeenUserId: 'u-1',
      approvedAt: '2026-11-28T05:00:00Z',
      approvedBy: 'u-1',
      revokedAt: null,
      current: true,
    },
  ],
  machine: {
    deviceId: 'dev-office',
    addresses: ['192.168.1.20', 'fe80::1'],
    gatewayMac: 'a4:2b:b0:11:22:33',
    deviceApproved: true,
    networkAllowed: true,
  },
};

function renderDevices(devices: Record<string, (input: never) => Promise<unknown>>) {
  const { api, calls } = scriptedApi({ devices } as never);
  renderWithApi(<SecurityScreen />, api as ZamokApi);
  fireEvent.click(screen.getByRole('tab', { name: 'Devices and networks' }));
  return calls;
}

describe('devices and networks tab', () => {
  it('lists computers pending first, approves one, and turns approval on', async () => {
    let current = OVERVIEW;
    const calls = renderDevices({
      list: async () => ok(current),
      approve: async () => {
        current = {
          ...current,
          devices: current.devices.map(d => ({ ...d, status: 'approved' as const })),
        };
        return ok(current.devices[0]);
      },
      updateSettings: async () => ok(current),
    });
    const table = await screen.findByRole('table', { name: 'Computers used to sign in' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toMatch(/petro-laptop.*Waiting for approval/);
    expect(rows[1]?.textContent).toMatch(/reception \(this computer\).*Approved/);
    expect(screen.getByText(/Waiting for approval: 1/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Approve: petro-laptop' }));
    await waitFor(() => expect(screen.queryByText(/Waiting for approval: 1/)).toBeNull());
    fireEvent.click(screen.getByRole('switch', { name: /only on computers you approved/ }));
    await waitFor(() => expect(calls.map(c => c.name)).toContain('devices.updateSettings'));
    expect(calls.find(c => c.name === 'devices.updateSettings')?.input).toEqual({
      requireApprovedDevices: true,
    });
  });

  it('checks network lines as you type, fills the router, and shows a lock-out refusal', async () => {
    const calls = renderDevices({
      list: async () => ok(OVERVIEW),
      updateSettings: async () => fail('conflict', { reason: 'would_lock_out_network' }),
    });
    const networks = await screen.findByLabelText('Allowed networks');
    expect(screen.getByTestId('machine-addresses').textContent).toContain('192.168.1.20, fe80::1');
    fireEvent.change(networks, { target: { value: '10.8.0.0/16\n10.0.0.0/33' } });
    expect(
      screen.getByText('Line 2: “10.0.0.0/33” is not a network. Example: 192.168.1.0/24.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save networks' })).toHaveProperty('disabled', true);
    fireEvent.change(networks, { target: { value: '10.8.0.0/16' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this network’s router' }));
    expect(
      (
        screen.getByLabelText(
          'MAC address of the office router (default gateway)',
        ) as HTMLTextAreaElement
      ).value,
    ).toBe('a4:2b:b0:11:22:33');
    fireEvent.click(screen.getByRole('button', { name: 'Save networks' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /on none of these networks: after saving you could not sign in/,
    );
    expect(calls.find(c => c.name === 'devices.updateSettings')?.input).toEqual({
      allowedNetworks: ['10.8.0.0/16'],
      allowedGatewayMacs: ['a4:2b:b0:11:22:33'],
    });
  });
});
