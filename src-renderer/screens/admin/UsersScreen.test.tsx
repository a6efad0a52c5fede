// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { SignedInUser } from '../../../src-shared/ipc/auth';
import type { RoleMatrixRow } from '../../../src-shared/ipc/roles';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { fail, ok, OWNER } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { BUILT_IN_ROLE_INFOS, staff } from './admin-test-support';
import { UsersScreen } from './UsersScreen';
import { inputsOf, scriptedApi, type Script } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();

const OLENA = staff('0b5c1d4e-0000-4000-8000-000000000001', 'olena', 'Олена Коваленко', 'owner');
const TARAS = staff('0b5c1d4e-0000-4000-8000-000000000002', 'taras', 'Taras Melnyk', 'manager');
const IRYNA = staff('0b5c1d4e-0000-4000-8000-000000000003', 'iryna', 'Iryna Bondar', 'head');
const GONE = staff('0b5c1d4e-0000-4000-8000-000000000004', 'petro', 'Petro Old', 'manager', {
  status: 'dismissed',
});
const HEAD: SignedInUser = {
  id: IRYNA.id,
  login: 'iryna',
  displayName: 'Iryna Bondar',
  role: 'head',
  grants: BUILT_IN_GRANTS.head,
};

function signIn(user: SignedInUser) {
  useSessionStore.setState({ user: { ...user, id: user.role === 'owner' ? OLENA.id : user.id } });
}

function renderScreen(api: ZamokApi) {
  renderWithApi(<UsersScreen />, api);
}

function matrix(): RoleMatrixRow[] {
  return BUILT_IN_ROLE_INFOS.map(role => ({
    role,
    users: [OLENA, TARAS, IRYNA]
      .filter(u => u.role === role.id)
      .map(u => ({ id: u.id, login: u.login, displayName: u.displayName })),
  }));
}

function scripted(extra: Script = {}) {
  return scriptedApi({
    users: { list: async () => ok([OLENA, TARAS, IRYNA, GONE]), ...extra.users },
    roles: {
      list: async () => ok(BUILT_IN_ROLE_INFOS),
      matrix: async () => ok(matrix()),
      ...extra.roles,
    },
  });
}

async function pickOption(label: string, option: string) {
  fireEvent.click(screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('users tab', () => {
  it('dismissing sends the colleague chosen to take over, only after the name is typed', async () => {
    signIn(OWNER);
    const { api, calls } = scripted({
      users: {
        dismiss: async ({ userId }) =>
          ok({
            user: { ...TARAS, id: userId, status: 'dismissed' as const },
            reassignedCount: 7,
            reassigned: { contacts: 7 },
          }),
      },
    });
    renderScreen(api);
    const row = (await screen.findByText('Taras Melnyk')).closest('tr');
    expect(row).not.toBeNull();
    // Dismissed people and the signed-in owner have no row menu.
    expect(screen.queryByRole('button', { name: 'Actions for Petro Old' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Actions for Олена Коваленко' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Taras Melnyk' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Dismiss' }));

    const dialog = await screen.findByRole('dialog', { name: 'Dismiss Taras Melnyk' });
    expect(dialog.textContent).toContain('its key to the vault is deleted');
    expect(dialog.textContent).toContain('its open session is ended');
    // Only active colleagues other than Taras can take over.
    fireEvent.click(
      within(dialog).getByLabelText(/^Who takes over the clients/, { selector: 'input' }),
    );
    const options = (await screen.findAllByRole('option')).map(o => o.textContent);
    expect(options).toEqual(['Олена Коваленко (olena)', 'Iryna Bondar (iryna)']);
    fireEvent.click(screen.getByRole('option', { name: 'Iryna Bondar (iryna)' }));

    const submit = within(dialog).getByRole('button', { name: 'Dismiss' });
    expect(submit).toHaveProperty('disabled', true);
    const confirm = within(dialog).getByLabelText('To confirm, type the name: Taras Melnyk');
    fireEvent.change(confirm, { target: { value: 'Taras' } });
    expect(within(dialog).getByText('The name does not match.')).toBeTruthy();
    expect(submit).toHaveProperty('disabled', true);
    fireEvent.change(confirm, { target: { value: '  taras melnyk ' } });
    expect(submit).toHaveProperty('disabled', false);
    fireEvent.click(submit);

    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Taras Melnyk: account disabled, clients moved: 7.',
    );
    expect(inputsOf(calls, 'users.dismiss')).toEqual([
      { userId: TARAS.id, reassignToUserId: IRYNA.id },
    ]);
    // The list is fetched again after the dismissal.
    expect(inputsOf(calls, 'users.list').length).toBe(2);
  });

  it('an office that could not be reached is said after the local dismissal', async () => {
    signIn(OWNER);
    const { api } = scripted({
      users: {
        dismiss: async ({ userId }) =>
          ok({
            user: { ...TARAS, id: userId, status: 'dismissed' as const },
            reassignedCount: 2,
            reassigned: { contacts: 2 },
            office: { state: 'failed' as const, code: 'offline', message: 'connect refused' },
          }),
      },
    });
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Actions for Taras Melnyk' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog');
    await pickOption('Who takes over the clients', 'Iryna Bondar (iryna)');
    fireEvent.change(within(dialog).getByLabelText('To confirm, type the name: Taras Melnyk'), {
      target: { value: 'Taras Melnyk' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Taras Melnyk: account disabled, clients moved: 2.');
    expect(status.textContent).toContain('The office server could not be reached');
  });

  it('a refused dismissal shows the reason and keeps the dialog open', async () => {
    signIn(OWNER);
    const { api } = scripted({ users: { dismiss: async () => fail('forbidden') } });
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Actions for Taras Melnyk' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog');
    await pickOption('Who takes over the clients', 'Iryna Bondar (iryna)');
    fireEvent.change(within(dialog).getByLabelText(/To confirm/), {
      target: { value: 'Taras Melnyk' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('without users.manage there is no Add user, no row menu and no Ctrl+N', async () => {
    signIn(HEAD);
    const { api, calls } = scripted();
    renderScreen(api);
    expect(await screen.findByText('Taras Melnyk')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Actions for/ })).toBeNull();
    fireEvent.keyDown(document.documentElement, { key: 'n', code: 'KeyN', ctrlKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();
    // The roles tab shows the matrix but no way to create or change roles.
    fireEvent.click(screen.getByRole('tab', { name: 'Roles and access' }));
    expect(await screen.findByRole('table', { name: 'Permissions by role' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create role' })).toBeNull();
    expect(inputsOf(calls, 'users.create')).toEqual([]);
  });

  it('an administrator is not offered a head’s role change, and dismisses without choosing an heir', async () => {
    signIn({ ...OWNER, id: 'admin', role: 'administrator', grants: BUILT_IN_GRANTS.administrator });
    const { api, calls } = scripted({
      users: {
        dismiss: async ({ userId }) =>
          ok({
            user: { ...TARAS, id: userId, status: 'dismissed' as const },
            reassignedCount: 2,
            reassigned: { contacts: 2 },
          }),
      },
    });
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Actions for Iryna Bondar' }));
    expect(await screen.findByRole('menuitem', { name: 'Reset 2FA' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Change role' })).toBeNull();
    fireEvent.keyDown(document.documentElement, { key: 'Escape' });

    fireEvent.click(await screen.findByRole('button', { name: 'Actions for Taras Melnyk' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Dismiss' }));
    const dialog = await screen.findByRole('dialog', { name: 'Dismiss Taras Melnyk' });
    expect(within(dialog).getByText(/clients move to the owner/)).toBeTruthy();
    expect(within(dialog).queryByLabelText(/^Who takes over the clients/)).toBeNull();
    fireEvent.change(within(dialog).getByLabelText(/^To confirm, type the name/), {
      target: { value: 'Taras Melnyk' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(inputsOf(calls, 'users.dismiss')).toEqual([{ userId: TARAS.id }]));
  });

  it('Add user offers only roles within the caller’s own and sends the setup password', async () => {
    signIn({
      ...OWNER,
      id: 'admin',
      role: 'administrator',
      grants: BUILT_IN_GRANTS.administrator,
    });
    const { api, calls } = scripted({
      users: {
        create: async input => ok(staff(TARAS.id, input.login, input.displayName, input.role)),
      },
    });
    renderScreen(api);
    fireEvent.keyDown(document.documentElement, { key: 'n', code: 'KeyN', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    fireEvent.click(within(dialog).getByLabelText(/^Role/, { selector: 'input' }));
    const options = (await screen.findAllByRole('option')).map(o => o.textContent);
    expect(options).toEqual(['System administrator']);
    fireEvent.click(screen.getByRole('option', { name: 'System administrator' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Login' }), {
      target: { value: 'marta' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Full name' }), {
      target: { value: 'Marta Shevchuk' },
    });
    const setup = 'copper window harbour seventy';
    fireEvent.change(within(dialog).getByLabelText('One-time setup password', { exact: false }), {
      target: { value: setup },
    });
    fireEvent.change(within(dialog).getByLabelText('Repeat the password', { exact: false }), {
      target: { value: setup },
    });
    await within(dialog).findByText('The password meets the requirements.', undefined, {
      timeout: 4000,
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(inputsOf(calls, 'users.create')).toEqual([
        {
          login: 'marta',
          displayName: 'Marta Shevchuk',
          role: 'administrator',
          setupPassword: setup,
        },
      ]),
    );
    expect((await screen.findByRole('status')).textContent).toBe('Account “marta” created.');
  });
});
