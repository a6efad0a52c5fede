// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../src-shared/ipc/sync';
import { ok, OWNER } from '../../app/test-support';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { OfficeSyncPanel } from './OfficeSyncPanel';

setUpScreenTests(OWNER);

const FINGERPRINT = 'AB:CD:'.repeat(15) + 'EF:01';

describe('office sync panel', () => {
  it('shows the server, fingerprint, device and last sync, and syncs now on the button', async () => {
    let status: SyncStatusView = {
      state: 'waiting',
      waiting: 3,
      conflicts: 0,
      lastSyncAt: null,
      serverUrl: 'https://office.local:8443',
      fingerprint: FINGERPRINT,
      deviceId: 'device-1234',
    };
    let rounds = 0;
    const { api } = scriptedApi({
      sync: {
        status: async () => ok(status),
        now: async () => {
          rounds += 1;
          status = { ...status, state: 'synced', waiting: 0, lastSyncAt: '2026-12-06T10:00:00Z' };
          return ok({ pushed: 3, pulled: 5, conflicts: 0, partitions: 2 });
        },
      },
    });
    renderWithApi(<OfficeSyncPanel />, api);
    const facts = await screen.findByTestId('office-sync-facts');
    expect(facts.textContent).toContain('https://office.local:8443');
    expect(facts.textContent).toContain(FINGERPRINT);
    expect(facts.textContent).toContain('device-1234');
    expect(facts.textContent).toContain('not yet');
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect((await screen.findByRole('status')).textContent).toBe('Synced: 3 sent, 5 received.');
    expect(rounds).toBe(1);
    await waitFor(() => expect(facts.textContent).not.toContain('not yet'));
  });

  it('says so when the vault does not sync, with no button', async () => {
    const { api } = scriptedApi({
      sync: {
        status: async () =>
          ok({
            state: 'off' as const,
            waiting: 0,
            conflicts: 0,
            lastSyncAt: null,
            serverUrl: null,
            fingerprint: null,
            deviceId: null,
          }),
      },
    });
    renderWithApi(<OfficeSyncPanel />, api);
    expect(await screen.findByText('This vault does not sync with an office server.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('forgets a refused office after the confirm dialog and shows the join form again', async () => {
    let status: SyncStatusView = {
      state: 'pending',
      waiting: 0,
      conflicts: 0,
      lastSyncAt: null,
      serverUrl: 'https://office.local:8443',
      fingerprint: FINGERPRINT,
      deviceId: 'device-1234',
    };
    const { api, calls } = scriptedApi({
      sync: { status: async () => ok(status) },
      office: {
        forget: async () => {
          status = { ...status, state: 'off', serverUrl: null, fingerprint: null, deviceId: null };
          return ok({
            officeId: 'office-1',
            deviceId: 'device-1234',
            state: 'pending' as const,
            partitions: 0,
            unsent: 0,
          });
        },
      },
    });
    renderWithApi(<OfficeSyncPanel />, api);
    expect(await screen.findByTestId('office-pending')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Forget this office' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('The records in this vault stay.');
    // Cancel changes nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(inputsOf(calls, 'office.forget')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Forget this office' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Forget the office' }),
    );
    expect((await screen.findByRole('status')).textContent).toBe(
      'Office forgotten. You can join again with a new code.',
    );
    expect(inputsOf(calls, 'office.forget')).toEqual([{}]);
    expect(await screen.findByText('This vault does not sync with an office server.')).toBeTruthy();
  });
});
