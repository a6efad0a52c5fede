import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS } from '../../../src-shared/ipc/backup';
import { appendAudit } from '../../audit';
import { stateWithSettings, writeLocalState } from '../../backup/state';
import type { OpenVault } from '../../vault';
import { createTestVault } from '../../vault/temp-vault.test-support';
import { DEFAULT_GUARD_SETTINGS } from '../settings';
import { backupFindings, defaultBackupStatus } from './backup';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

describe('backup status the security check reads', () => {
  it('sees runs made while locked (backup-state.json) and runs in the audit log, newest first', async () => {
    const { vault, dir } = await createTestVault();
    opened.push(vault);
    expect(await defaultBackupStatus(vault)).toEqual({
      lastSuccessAt: null,
      lastVerifiedAt: null,
      destinations: [],
    });
    // A scheduled run while the app was locked: only the state file knows about it.
    const settings = { ...DEFAULT_BACKUP_SETTINGS, destinations: [{ id: 'usb', path: dir }] };
    const state = stateWithSettings(
      null,
      vault.vaultId,
      settings,
      new Date('2026-01-01T00:00:00Z'),
    );
    const usb = state.destinations.usb;
    if (!usb) throw new Error('no destination state');
    usb.lastSuccessAt = '2026-01-05T13:00:00.000Z';
    writeLocalState(dir, state);
    const locked = await defaultBackupStatus(vault);
    expect(locked).toEqual({
      lastSuccessAt: '2026-01-05T13:00:00.000Z',
      lastVerifiedAt: null,
      destinations: [dir],
    });
    const now = new Date('2026-01-06T00:00:00Z');
    expect(backupFindings(locked, dir, DEFAULT_GUARD_SETTINGS, now).map(f => f.id)).toEqual([
      'backup_unverified',
      'backup_same_disk',
    ]);
    // A later run with the vault open, verified, as the backup service records it.
    const base = {
      userLogin: 'owner',
      entityType: 'backup',
      entityId: 'usb',
      outcome: 'ok' as const,
    };
    appendAudit(vault, { ...base, action: 'backup.run' }, new Date('2026-01-06T13:00:00Z'));
    appendAudit(vault, { ...base, action: 'backup.verify' }, new Date('2026-01-06T13:01:00Z'));
    expect(await defaultBackupStatus(vault)).toMatchObject({
      lastSuccessAt: '2026-01-06T13:00:00.000Z',
      lastVerifiedAt: '2026-01-06T13:01:00.000Z',
    });
  });
});
