// @vitest-environment jsdom
/**
 * Joining from the sync panel: the form sends the server and code to `office.join`, the panel then
 * shows "waiting for approval" (staff) and "Check now"; failures say what to do next; the owner
 * gets an invitation code for a colleague.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../src-shared/ipc/sync';
import { OWNER } from '../../app/test-support';
import { fail, inputsOf, ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { OfficeSyncPanel } from './OfficeSyncPanel';

setUpScreenTests(OWNER);

const OFF: SyncStatusView = {
  state: 'off',
  waiting: 0,
  conflicts: 0,
  lastSyncAt: null,
  serverUrl: null,
  fingerprint: null,
  deviceId: null,
};
const CODE = `ZI1.${'i'.repeat(32)}.${'k'.repeat(43)}.${'AB'.repeat(32)}`;

function fillAndJoin(server: string, code: string) {
  fireEvent.change(screen.getByLabelText(/Server address/), { target: { value: server } });
  fireEvent.change(screen.getByLabelText(/Enrolment code/), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Join' }));
}

describe('joining an office from the sync panel', () => {
  it('joins with a colleague code and then waits for approval', async () => {
    let status = OFF;
    const { api, calls } = scriptedApi({
      sync: {
        status: async () => ok(status),
        now: async () => fail('auth_failed'),
      },
      office: {
        join: async () => {
          status = { ...OFF, state: 'pending', serverUrl: 'https://10.0.0.5:8443' };
          return ok({ state: 'pending' as const, deviceId: 'd-1', officeId: 'o-1', queued: 0 });
        },
      },
    });
    renderWithApi(<OfficeSyncPanel />, api);
    await screen.findByRole('heading', { name: 'Join an office' });
    fillAndJoin(' https://10.0.0.5:8443 ', CODE);
    expect(await screen.findByTestId('office-pending')).toBeTruthy();
    expect(inputsOf(calls, 'office.join')).toEqual([
      { server: 'https://10.0.0.5:8443', code: CODE },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(
      await screen.findByText(
        'The owner has not approved this computer yet (or refused the request).',
      ),
    ).toBeTruthy();
  });

  it.each([
    [fail('office_unreachable', { office: 'offline' }), /does not answer\. Check the address/],
    [
      fail('office_unreachable', { office: 'certificate_mismatch' }),
      /does not match the fingerprint/,
    ],
    [fail('auth_failed', { office: 'unauthenticated' }), /wrong, used or expired\. Ask the owner/],
    [fail('invalid_input', { office: 'bad_code' }), /not an enrolment code/],
    [
      fail('office_unreachable', { office: 'rate_limited' }),
      /Too many attempts from this computer\. Wait/,
    ],
  ])('says what to do next on %#', async (answer, sentence) => {
    const { api } = scriptedApi({
      sync: { status: async () => ok(OFF) },
      office: { join: async () => answer },
    });
    renderWithApi(<OfficeSyncPanel />, api);
    await screen.findByRole('heading', { name: 'Join an office' });
    fillAndJoin('https://10.0.0.5:8443', CODE);
    expect((await screen.findByRole('alert')).textContent).toMatch(sentence);
    expect(screen.getByRole('heading', { name: 'Join an office' })).toBeTruthy();
  });

  it('gives the owner an invitation code for a colleague', async () => {
    const { api } = scriptedApi({
      sync: {
        status: async () =>
          ok({ ...OFF, state: 'synced' as const, serverUrl: 'https://10.0.0.5:8443' }),
      },
      office: {
        invite: async () => ok({ code: CODE, expiresAt: '2026-12-13T10:00:00.000Z' }),
      },
    });
    renderWithApi(<OfficeSyncPanel />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Invite a colleague' }));
    expect((await screen.findByTestId('office-invite-code')).textContent).toBe(CODE);
    expect(screen.getByText(/Valid until/)).toBeTruthy();
  });
});
