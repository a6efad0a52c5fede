// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../src-shared/ipc/sync';
import { ok, OWNER } from '../app/test-support';
import { scriptedApi } from '../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../test-support/render';
import { useOfficeView } from '../screens/office/store';
import { useNavigationStore } from '../stores/navigation';
import { SyncBadge } from './SyncBadge';

setUpScreenTests(OWNER);

const BASE: SyncStatusView = {
  state: 'synced',
  waiting: 0,
  conflicts: 0,
  lastSyncAt: '2026-12-06T10:00:00.000Z',
  serverUrl: 'https://office.local:8443',
  fingerprint: null,
  deviceId: 'd-1',
};

async function badgeFor(status: SyncStatusView): Promise<string | null> {
  let answered = false;
  const { api } = scriptedApi({
    sync: {
      status: async () => {
        answered = true;
        return ok(status);
      },
    },
  });
  const view = renderWithApi(<SyncBadge />, api);
  if (status.state === 'off') {
    await waitFor(() => expect(answered).toBe(true));
    await act(async () => {});
    const text = screen.queryByTestId('sync-badge')?.textContent ?? null;
    view.unmount();
    return text;
  }
  const text = (await screen.findByTestId('sync-badge')).textContent;
  view.unmount();
  return text;
}

describe('sync badge', () => {
  it('says synced, N waiting, offline, conflict or pending, and nothing outside an office', async () => {
    expect(await badgeFor(BASE)).toBe('Synced');
    expect(await badgeFor({ ...BASE, state: 'waiting', waiting: 50 })).toBe('50 changes waiting');
    expect(await badgeFor({ ...BASE, state: 'offline', waiting: 3 })).toBe(
      'Offline from the office',
    );
    expect(await badgeFor({ ...BASE, state: 'conflict', conflicts: 1 })).toBe('1 conflict');
    expect(await badgeFor({ ...BASE, state: 'pending' })).toBe('Waiting for approval');
    expect(await badgeFor({ ...BASE, state: 'off' })).toBeNull();
  });

  it('outside a conflict the badge opens the sync panel', async () => {
    const { api } = scriptedApi({ sync: { status: async () => ok(BASE) } });
    renderWithApi(<SyncBadge />, api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Office sync: Synced. Open the sync settings' }),
    );
    expect(useNavigationStore.getState().section).toBe('office');
    expect(useOfficeView.getState().page).toBe('settings');
  });
});
