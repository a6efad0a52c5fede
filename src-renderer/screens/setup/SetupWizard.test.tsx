// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import { App } from '../../app/App';
import { fail, fakeApi, ok, OWNER, statusOf } from '../../app/test-support';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();
beforeAll(() => {
  URL.createObjectURL ??= () => 'blob:zamok-test';
  URL.revokeObjectURL ??= () => undefined;
});

const GOOD_PASSWORD = 'lemon tractor violin harbour';
const KIT = {
  vaultId: 'vault-1',
  user: OWNER,
  recoveryKey: 'ZMK1-7Q4M-XK2P-9WZR-3HFD-T6NB-KV8C-2JYE',
  recoveryCodes: Array.from({ length: 10 }, (_, i) => `ABCD-EFG${i}-JKMN`),
  deviceBinding: 'bound' as const,
};

function renderApp(api: ZamokApi) {
  renderWithApi(<App />, api);
}

async function fillAccountStep(password: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
  fireEvent.change(await screen.findByLabelText('Login'), { target: { value: 'olena' } });
  fireEvent.change(screen.getByLabelText('Full name'), { target: { value: OWNER.displayName } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: password } });
}

describe('setup wizard', () => {
  it('will not continue with a weak password and says why', async () => {
    const { api } = fakeApi(() => statusOf('no_vault'));
    renderApp(api);
    await fillAccountStep('olena2024');
    await screen.findByText('Weak', { exact: false });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('heading', { name: 'The owner account' })).toBeTruthy();
    expect(screen.getByText('Use at least 12 characters.')).toBeTruthy();
    expect(screen.getByText('The password must not contain your login.')).toBeTruthy();
  });

  it('creates the vault, shows the recovery kit once, and opens the app only after "stored"', async () => {
    const created: unknown[] = [];
    let state = statusOf('no_vault');
    const { api } = fakeApi(() => state, {
      createVault: async input => {
        created.push(input);
        state = statusOf('signed_in');
        return ok(KIT);
      },
    });
    renderApp(api);
    expect((await screen.findByLabelText('Vault folder')).getAttribute('value')).toBe(
      '/home/olena/.config/Zamok/vault',
    );
    await fillAccountStep(GOOD_PASSWORD);
    await screen.findByText('The password meets the requirements.');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    expect(
      await screen.findByRole('img', { name: 'QR code for the authenticator app' }),
    ).toBeTruthy();
    expect(screen.getByTestId('totp-manual-key').textContent).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP',
    );
    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '12a3456' } });
    expect((screen.getByLabelText('Code from the app') as HTMLInputElement).value).toBe('123456');
    fireEvent.click(screen.getByRole('button', { name: 'Create the vault' }));

    expect((await screen.findByTestId('recovery-key')).textContent).toBe(KIT.recoveryKey);
    expect(screen.getByTestId('recovery-codes').querySelectorAll('li')).toHaveLength(10);
    expect(created).toEqual([
      {
        vaultDir: '/home/olena/.config/Zamok/vault',
        login: 'olena',
        displayName: OWNER.displayName,
        password: GOOD_PASSWORD,
        totpCode: '123456',
        deviceBinding: true,
      },
    ]);
    // The password is gone from the page once the vault exists.
    expect(document.body.innerHTML).not.toContain(GOOD_PASSWORD);

    const open = screen.getByRole('button', { name: 'Open Zamok' });
    expect(open.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('The recovery kit is stored in a safe place'));
    expect(open.hasAttribute('disabled')).toBe(false);
    fireEvent.click(open);
    expect(await screen.findByRole('navigation')).toBeTruthy();
    expect(screen.queryByText(KIT.recoveryKey)).toBeNull();
  });

  it('a wrong confirmation code keeps the user on the two-factor step with the reason', async () => {
    const { api } = fakeApi(() => statusOf('no_vault'), {
      createVault: async () => fail('auth_failed'),
    });
    renderApp(api);
    await fillAccountStep(GOOD_PASSWORD);
    await screen.findByText('The password meets the requirements.');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.change(await screen.findByLabelText('Code from the app'), {
      target: { value: '000000' },
    });
    await screen.findByRole('img', { name: 'QR code for the authenticator app' });
    fireEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/code/i);
    expect(screen.getByRole('heading', { name: 'Two-step sign-in' })).toBeTruthy();
  });

  it('a folder that already holds a vault sends the user back to step 1, with a way to sign in', async () => {
    // E.g. a restore that finished while the wizard was open: the vault is there, sign in to it.
    let state = statusOf('no_vault');
    const { api } = fakeApi(() => state, {
      createVault: async () => {
        state = statusOf('locked');
        return fail('vault_exists');
      },
    });
    renderApp(api);
    await fillAccountStep(GOOD_PASSWORD);
    await screen.findByText('The password meets the requirements.');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('img', { name: 'QR code for the authenticator app' });
    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the vault' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Where to keep the vault' })).toBeTruthy(),
    );
    expect(screen.getByRole('alert').textContent).toMatch(/already/i);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in to this vault' }));
    expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
  });
});
