// @vitest-environment jsdom
/**
 * First-sync progress on screen: while `sync.now` runs the panel asks for the status again and
 * shows the bar with "N of M changes received"; the header badge shows the count too.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../src-shared/ipc/sync';
import { OWNER } from '../../app/test-support';
import { ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { SyncBadge } from '../../shell/SyncBadge';
import { OfficeSyncPanel } from './OfficeSyncPanel';

setUpScreenTests(OWNER);

const PENDING: SyncStatusView = {
  state: 'pending',
  waiting: 0,
  conflicts: 0,
  lastSyncAt: null,
  serverUrl: 'https://10.0.0.5:8443',
  fingerprint: null,
  deviceId: 'd-1',
};

describe('first-sync progress', () => {
  it('moves the panel bar while the round runs and clears it after', async () => {
    let status: SyncStatusView = PENDING;
    let finish: () => void = () => undefined;
    const { api } = scriptedApi({
      sync: {
        status: async () => ok(status),
        now: () =>
          new Promise(resolve => {
            status = { ...PENDING, progress: { applied: 0, total: 1050 } };
            finish = () => {
              status = { ...PENDING, state: 'synced', lastSyncAt: '2026-12-06T10:00:00Z' };
              resolve(ok({ pushed: 0, pulled: 1050, conflicts: 0, partitions: 1 }));
            };
          }),
      },
    });
    renderWithApi(<OfficeSyncPanel />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Check now' }));
    expect(await screen.findByText('0 of 1050 changes received')).toBeTruthy();
    status = { ...PENDING, progress: { applied: 400, total: 1050 } };
    const bar = await screen.findByRole('progressbar', { name: '400 of 1050 changes received' });
    expect(bar.getAttribute('aria-valuenow')).toBe(String((400 / 1050) * 100));
    finish();
    expect(await screen.findByText('Synced: 0 sent, 1050 received.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('sync-progress')).toBeNull());
  });

  it('shows the count in the header badge, without a total when the server gave none', async () => {
    let status: SyncStatusView = { ...PENDING, progress: { applied: 120, total: 1050 } };
    const { api } = scriptedApi({ sync: { status: async () => ok(status) } });
    renderWithApi(<SyncBadge />, api);
    expect((await screen.findByTestId('sync-badge')).textContent).toBe('First sync: 120 of 1050');
    status = { ...PENDING, progress: { applied: 700, total: null } };
    await waitFor(
      () => expect(screen.getByTestId('sync-badge').textContent).toBe('First sync: 700'),
      { timeout: 3000 },
    );
  });
});
