// @vitest-environment jsdom
/**
 * Approvals: the owner's waiting computers listed, approved with a role and team or refused; a
 * head's list (its team's requests only) offers only "manager" of its own team.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WaitingDeviceView } from '../../../src-shared/ipc/office';
import { OWNER } from '../../app/test-support';
import { inputsOf, ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { DevicesScreen } from './DevicesScreen';

setUpScreenTests(OWNER);
beforeAll(() => {
  // jsdom has no layout; Mantine's combobox scrolls the chosen option into view.
  Element.prototype.scrollIntoView ??= () => undefined;
});

const ANNA: WaitingDeviceView = {
  deviceId: '3f2a9c1e-0000-4000-8000-000000000001',
  userId: 'u-anna',
  name: 'Анна Коваль',
  requestedAt: '2026-12-06T09:30:00.000Z',
  roles: ['administrator', 'head', 'manager', 'auditor'],
  teamId: null,
  asHead: false,
};
const BORYS: WaitingDeviceView = { ...ANNA, deviceId: 'b0b0b0b0-1111', name: 'Борис' };

describe('computers waiting for approval', () => {
  it('approves one with a role and team, refuses another, and lists what is left', async () => {
    let waiting = [ANNA, BORYS];
    const { api, calls } = scriptedApi({
      office: {
        waiting: async () => ok(waiting),
        approve: async input => {
          waiting = waiting.filter(d => d.deviceId !== input.deviceId);
          return ok({ deviceId: input.deviceId, userId: 'u-anna', partitions: 2 });
        },
        refuse: async input => {
          waiting = waiting.filter(d => d.deviceId !== input.deviceId);
          return ok({ deviceId: input.deviceId });
        },
      },
      teams: {
        list: async () =>
          ok([
            { id: 'team-north', name: 'Північ', headUserId: null, memberIds: [] },
            { id: 'old free text team', name: 'Стара', headUserId: null, memberIds: [] },
          ]),
      },
    });
    renderWithApi(<DevicesScreen />, api);
    const table = await screen.findByTestId('office-waiting');
    const annaRow = within(table).getByText('Анна Коваль').closest('tr') as HTMLElement;
    expect(annaRow.textContent).toContain('3f2a9c1e');
    expect(annaRow.textContent).not.toContain('3f2a9c1e-0000');
    fireEvent.click(within(annaRow).getByLabelText('Role', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Team head' }));
    fireEvent.click(within(annaRow).getByLabelText('Team', { selector: 'input' }));
    expect(screen.queryByRole('option', { name: 'Стара' })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: 'Північ' }));
    fireEvent.click(within(annaRow).getByRole('button', { name: 'Approve' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Computer approved: 2 keys handed over.',
    );
    expect(inputsOf(calls, 'office.approve')).toEqual([
      { deviceId: ANNA.deviceId, role: 'head', teamId: 'team-north' },
    ]);
    await waitFor(() => expect(screen.queryByText('Анна Коваль')).toBeNull());
    const borysRow = screen.getByText('Борис').closest('tr') as HTMLElement;
    fireEvent.click(within(borysRow).getByRole('button', { name: 'Refuse' }));
    expect(await screen.findByText('Nobody is waiting for approval.')).toBeTruthy();
    expect(inputsOf(calls, 'office.refuse')).toEqual([{ deviceId: BORYS.deviceId }]);
  });

  it('offers a head only a manager of its own team, both fixed', async () => {
    const asked: WaitingDeviceView = {
      ...ANNA,
      roles: ['manager'],
      teamId: 'team-north',
      asHead: true,
    };
    const { api, calls } = scriptedApi({
      office: {
        waiting: async () => ok([asked]),
        approve: async input => ok({ deviceId: input.deviceId, userId: 'u-anna', partitions: 3 }),
      },
      teams: {
        list: async () =>
          ok([{ id: 'team-north', name: 'Північ', headUserId: null, memberIds: [] }]),
      },
    });
    renderWithApi(<DevicesScreen />, api);
    const table = await screen.findByTestId('office-waiting');
    expect(screen.getByTestId('office-head-note').textContent).toContain('team head');
    const row = within(table).getByText('Анна Коваль').closest('tr') as HTMLElement;
    const role = within(row).getByLabelText('Role', { selector: 'input' }) as HTMLInputElement;
    const team = within(row).getByLabelText('Team', { selector: 'input' }) as HTMLInputElement;
    expect([role.value, role.disabled]).toEqual(['Manager', true]);
    await waitFor(() => expect([team.value, team.disabled]).toEqual(['Північ', true]));
    fireEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Computer approved: 3 keys handed over.',
    );
    expect(inputsOf(calls, 'office.approve')).toEqual([
      { deviceId: ANNA.deviceId, role: 'manager', teamId: 'team-north' },
    ]);
  });
});
