// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import { fail, ok, statusOf } from '../../app/test-support';
import { App } from '../../app/App';
import { useSessionStore } from '../../stores/session';
import { RestoreFromBackupLink } from './FirstRunRestore';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();

const FILE = '/media/usb/zamok/zamok-2026-11-28.age';

function renderLink(api: ZamokApi) {
  useSessionStore.setState({ screen: 'setup', status: statusOf('no_vault') });
  renderWithApi(<RestoreFromBackupLink />, api);
}

async function fillAndRestore() {
  fireEvent.click(screen.getByRole('button', { name: 'Restore from a backup' }));
  const dialog = await screen.findByRole('dialog', { name: 'Restore from a backup' });
  fireEvent.change(within(dialog).getByRole('textbox', { name: /^Backup file/ }), {
    target: { value: FILE },
  });
  fireEvent.click(within(dialog).getByRole('radio', { name: 'Backup passphrase' }));
  fireEvent.change(
    within(dialog).getByLabelText(/^Backup passphrase/, { selector: 'input[type=password]' }),
    {
      target: { value: 'long backup phrase' },
    },
  );
  fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
  return dialog;
}

describe('first-run restore', () => {
  it('a file that is not a backup gets one clear sentence and stays on the form', async () => {
    const { api } = scriptedApi({
      backup: { restoreFirstRun: async () => fail('invalid_input', { reason: 'not_a_backup' }) },
    });
    renderLink(api);
    const dialog = await fillAndRestore();
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This file is not a Zamok backup. Check the file path.',
    );
    expect(useSessionStore.getState().screen).toBe('setup');
  });

  it('restores into the default folder and goes to sign-in', async () => {
    const { api, calls } = scriptedApi({
      auth: { status: async () => ok(statusOf('locked')) },
      backup: {
        restoreFirstRun: async () =>
          ok({
            vaultDir: '/home/olena/.config/Zamok/vault',
            safetyCopy: null,
            createdAt: '2026-11-28T13:00:00Z',
            databaseChecked: true,
          }),
      },
    });
    renderLink(api);
    const dialog = await fillAndRestore();
    expect(await within(dialog).findByText('Vault restored')).toBeTruthy();
    expect(calls.find(c => c.name === 'backup.restoreFirstRun')?.input).toEqual({
      file: FILE,
      passphrase: 'long backup phrase',
      vaultDir: '/home/olena/.config/Zamok/vault',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Go to sign-in' }));
    await waitFor(() => expect(useSessionStore.getState().screen).toBe('sign-in'));
  });

  it('from the setup wizard, shows "restored" and sign-in; the wizard does not move on', async () => {
    // The dialog's form lives in a portal inside the wizard's vault-step form: its submit used to
    // bubble there, jump to the owner step and unmount the dialog before "restored" was shown.
    let state = statusOf('no_vault');
    const { api, calls } = scriptedApi({
      auth: { status: async () => ok(state) },
      backup: {
        restoreFirstRun: async () => {
          state = statusOf('locked');
          return ok({
            vaultDir: '/home/olena/.config/Zamok/vault',
            safetyCopy: null,
            createdAt: '2026-11-28T13:00:00Z',
            databaseChecked: true,
          });
        },
      },
    });
    renderWithApi(<App />, api);
    await screen.findByRole('heading', { name: 'Where to keep the vault' });
    const dialog = await fillAndRestore();
    expect(await within(dialog).findByText('Vault restored')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'The owner account' })).toBeNull();
    expect(calls.filter(c => c.name === 'backup.restoreFirstRun')).toHaveLength(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Go to sign-in' }));
    expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
  });
});
