// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../src-shared/ipc/sync';
import { ok, OWNER } from '../../app/test-support';
import { scriptedApi } from '../../test-support/scripted-api';
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
});
