// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { BackupPreview, BackupSettings, BackupStatus } from '../../../src-shared/ipc/backup';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { fail, ok, OWNER, statusOf } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { BackupsScreen } from './BackupsScreen';
import { scriptedApi, type Script } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests(OWNER);

const SETTINGS: BackupSettings = {
  destinations: [{ id: 'usb', path: '/media/usb/zamok' }],
  schedule: { kind: 'daily', time: '13:00', weekday: 1 },
  retention: { daily: 7, weekly: 4, monthly: 12 },
  encryption: 'recovery_key',
};
const STATUS: BackupStatus = {
  destinations: [
    {
      id: 'usb',
      path: '/media/usb/zamok',
      lastAttemptAt: '2026-11-28T13:00:00Z',
      lastSuccessAt: '2026-11-28T13:00:00Z',
      lastFile: '/media/usb/zamok/zamok-2026-11-28.age',
      lastVerifiedAt: null,
      lastVerifiedFile: null,
      lastError: null,
      warnings: ['unverified'],
    },
  ],
  lastVerified: null,
  nextRunAt: '2026-11-29T13:00:00Z',
};
const FILE = '/media/usb/zamok/zamok-2026-11-28.age';
const PREVIEW: BackupPreview = {
  file: FILE,
  vaultId: '0123456789abcdef0123456789abcdef',
  createdAt: '2026-11-28T13:00:00Z',
  createdBy: 'olena',
  appVersion: '0.9.0',
  schemaVersion: ['0001_init', '0002_contacts'],
  counts: { users: 3, contacts: 130, auditEntries: 912 },
  schemaNewer: false,
};

function renderScreen(api: ZamokApi) {
  renderWithApi(<BackupsScreen />, api);
}

function scripted(extra: Script['backup'] = {}) {
  return scriptedApi({
    auth: { status: async () => ok(statusOf('locked')) },
    backup: {
      getSettings: async () => ok(SETTINGS),
      status: async () => ok(STATUS),
      list: async () =>
        ok([{ file: FILE, createdAt: '2026-11-28T13:00:00Z', size: 2_345_678, verifiedAt: null }]),
      ...extra,
    },
  });
}

describe('backups page', () => {
  it('says under a folder why its last backup failed, and under a file what is wrong with it', async () => {
    const failing = STATUS.destinations.map(d => ({
      ...d,
      lastError: 'ENOSPC: no space left on device',
      lastErrorReason: 'truncated' as const,
    }));
    const { api } = scriptedApi({
      auth: { status: async () => ok(statusOf('locked')) },
      backup: {
        getSettings: async () => ok(SETTINGS),
        status: async () => ok({ ...STATUS, destinations: failing }),
        list: async () =>
          ok([
            {
              file: FILE,
              createdAt: PREVIEW.createdAt,
              size: 10,
              verifiedAt: null,
              condition: 'truncated',
            },
          ]),
      },
    });
    renderScreen(api);
    const path = await screen.findByText('/media/usb/zamok', { selector: 'p' });
    expect(path.parentElement?.textContent).toBe(
      '/media/usb/zamokLast error: The backup file is incomplete (cut short). Try another backup.',
    );
    const file = await screen.findByText('zamok-2026-11-28.age');
    expect(file.parentElement?.textContent).toBe(
      'zamok-2026-11-28.ageThis file is cut short (incomplete): it cannot be restored. Use another backup.',
    );
  });

  it('shows each destination with its state and history, and backs up now with progress', async () => {
    let finish: () => void = () => undefined;
    const { api, calls } = scripted({
      runNow: () =>
        new Promise(resolve => {
          finish = () =>
            resolve(
              ok([{ destinationId: 'usb', file: FILE, verified: true, pruned: 0, error: null }]),
            );
        }),
    });
    renderScreen(api);
    expect(await screen.findByText('/media/usb/zamok')).toBeTruthy();
    expect(screen.getByText('Not verified')).toBeTruthy();
    expect(await screen.findByText('zamok-2026-11-28.age')).toBeTruthy();
    expect(screen.getByText('2.3 MB')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByRole('progressbar', { name: 'Backing up…' })).toBeTruthy();
    finish();
    expect(await screen.findByText('/media/usb/zamok: backup created and verified.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(calls.filter(c => c.name === 'backup.runNow').map(c => c.input)).toEqual([{}]);
  });

  it('shows the running backup’s share, speed and time left from main’s byte counts', async () => {
    let finish: () => void = () => undefined;
    const { api, calls } = scripted({
      runNow: () =>
        new Promise(resolve => {
          finish = () =>
            resolve(
              ok([{ destinationId: 'usb', file: FILE, verified: true, pruned: 0, error: null }]),
            );
        }),
      // 12.3 MB/s for 10 s, a minute's worth left.
      progress: async () =>
        ok({
          phase: 'write' as const,
          bytesDone: 123_000_000,
          bytesTotal: 861_000_000,
          startedAt: Date.parse('2026-11-28T13:00:00Z'),
          elapsedMs: 10_000,
        }),
    });
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    const bar = await screen.findByRole('progressbar', { name: 'Backing up…' });
    expect(
      await screen.findByText('Writing the backup: 14 %, 12.3 MB/s, about 1 min left'),
    ).toBeTruthy();
    expect(bar.getAttribute('aria-valuenow')).toBe('14.285714285714286');
    finish();
    expect(await screen.findByText('/media/usb/zamok: backup created and verified.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(calls.some(c => c.name === 'backup.progress')).toBe(true);
  });

  it('adds a destination folder by path and saves the settings', async () => {
    const { api, calls } = scripted({ updateSettings: async ({ settings }) => ok(settings) });
    renderScreen(api);
    const field = await screen.findByLabelText('New backup folder');
    fireEvent.change(field, { target: { value: '/mnt/share/zamok' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add folder' }));
    await waitFor(() => expect(calls.some(c => c.name === 'backup.updateSettings')).toBe(true));
    const input = calls.find(c => c.name === 'backup.updateSettings')?.input as {
      settings: BackupSettings;
    };
    expect(input.settings.destinations.map(d => d.path)).toEqual([
      '/media/usb/zamok',
      '/mnt/share/zamok',
    ]);
  });

  it('hides the restore button from a role without backup.restore', async () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'administrator', grants: BUILT_IN_GRANTS.administrator },
    });
    renderScreen(scripted().api);
    expect(await screen.findByText('/media/usb/zamok')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore from a backup…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
  });
});

describe('what an administrator sees', () => {
  const asAdministrator = () =>
    useSessionStore.setState({
      user: { ...OWNER, role: 'administrator', grants: BUILT_IN_GRANTS.administrator },
    });

  it('the encryption choice is disabled with the reason; folders and schedule still save', async () => {
    asAdministrator();
    renderScreen(scripted().api);
    expect(
      await screen.findByText('Only the owner decides how backups are encrypted.'),
    ).toBeTruthy();
    const passphrase = screen.getByRole('radio', { name: 'A separate passphrase' });
    expect((passphrase as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByLabelText('New backup folder')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);
  });

  it("with the owner's passphrase backups nothing can be changed, and the page says why", async () => {
    asAdministrator();
    const { api } = scripted({
      getSettings: async () => ok({ ...SETTINGS, encryption: 'passphrase' }),
    });
    renderScreen(api);
    expect(await screen.findByText(/encrypted with the owner's passphrase/)).toBeTruthy();
    expect(screen.queryByLabelText('New backup folder')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeTruthy();
  });
});

describe('restore wizard', () => {
  async function openWizard(api: ZamokApi) {
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from a backup…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore from a backup' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Backup file/ }), {
      target: { value: FILE },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Recovery key/ }), {
      target: { value: 'ZAMOK-RK-AAAA-BBBB-CCCC-DDDD-EEEE' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open the backup' }));
    return dialog;
  }

  it('a wrong key says so and never calls restore', async () => {
    const { api, calls } = scripted({
      preview: async () => fail('auth_failed', { reason: 'wrong_key' }),
    });
    const dialog = await openWizard(api);
    expect(await within(dialog).findByRole('alert')).toHaveProperty(
      'textContent',
      'The passphrase or recovery key does not open this backup. Check it for typos.',
    );
    expect(calls.some(c => c.name === 'backup.restore')).toBe(false);
  });

  it('a backup of a newer schema cannot be restored', async () => {
    const { api } = scripted({ preview: async () => ok({ ...PREVIEW, schemaNewer: true }) });
    const dialog = await openWizard(api);
    expect(await within(dialog).findByText(/made by a newer Zamok/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Restore' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('previews, verifies, restores after confirmation and returns to sign-in', async () => {
    const { api, calls } = scripted({
      preview: async () => ok(PREVIEW),
      verify: async () =>
        ok({ ...PREVIEW, databaseChecked: true, verifiedAt: '2026-11-29T05:00:00Z' }),
      restore: async () =>
        ok({
          vaultDir: '/home/olena/.config/Zamok/vault',
          safetyCopy: '/home/olena/.config/Zamok/vault.before-restore',
          createdAt: PREVIEW.createdAt,
          databaseChecked: true,
        }),
    });
    const dialog = await openWizard(api);
    const preview = await within(dialog).findByTestId('backup-preview');
    expect(within(preview).getByText('130')).toBeTruthy();
    expect(within(preview).getByText('olena')).toBeTruthy();
    expect(within(preview).getByText('2')).toBeTruthy();
    const restore = within(dialog).getByRole('button', { name: 'Restore' });
    expect(restore).toHaveProperty('disabled', true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Verify the backup' }));
    expect(
      await within(dialog).findByText('Backup verified: the database is intact.'),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect(await within(dialog).findByText(/vault\.before-restore/)).toBeTruthy();
    expect(calls.find(c => c.name === 'backup.restore')?.input).toEqual({
      file: FILE,
      recoveryKey: 'ZAMOK-RK-AAAA-BBBB-CCCC-DDDD-EEEE',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Go to sign-in' }));
    await waitFor(() => expect(useSessionStore.getState().screen).toBe('sign-in'));
    expect(useSessionStore.getState().user).toBeNull();
  });
});
