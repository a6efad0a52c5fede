// @vitest-environment jsdom
/**
 * "Forget this office" on the office's owner device is the owner's (`office.forget` needs
 * `settings.manage` there): a manager signed in on that laptop is not offered the button; on a
 * staff laptop the manager still is.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../../src-shared/ipc/auth';
import type { SyncStatusView } from '../../../src-shared/ipc/sync';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { ok } from '../../app/test-support';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { OfficeSyncPanel } from './OfficeSyncPanel';

const MANAGER: SignedInUser = {
  id: 'u-2',
  login: 'taras',
  displayName: 'Тарас Бондар',
  role: 'manager',
  grants: BUILT_IN_GRANTS.manager,
};
setUpScreenTests(MANAGER);

const JOINED: SyncStatusView = {
  state: 'synced',
  waiting: 0,
  conflicts: 0,
  lastSyncAt: '2026-12-06T10:00:00Z',
  serverUrl: 'https://office.local:8443',
  fingerprint: null,
  deviceId: 'device-1',
};

async function panelWith(status: SyncStatusView): Promise<void> {
  const { api } = scriptedApi({ sync: { status: async () => ok(status) } });
  renderWithApi(<OfficeSyncPanel />, api);
  await screen.findByTestId('office-sync-facts');
}

describe('forgetting the office, as a manager', () => {
  it('is not offered on the office owner device', async () => {
    await panelWith({ ...JOINED, ownerDevice: true });
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Forget this office' })).toBeNull();
  });

  it('is offered on a staff laptop', async () => {
    await panelWith(JOINED);
    expect(screen.getByRole('button', { name: 'Forget this office' })).toBeTruthy();
  });
});
