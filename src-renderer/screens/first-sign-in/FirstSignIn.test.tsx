// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { SignedInUser } from '../../../src-shared/ipc/auth';
import { App } from '../../app/App';
import { fail, fakeApi, ok, statusOf } from '../../app/test-support';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();

const NEW_STAFF: SignedInUser = {
  id: 'u-2',
  login: 'taras',
  displayName: 'Тарас Мельник',
  role: 'manager',
  grants: BUILT_IN_GRANTS.manager,
  setupRequired: { changePassword: true, enrollTotp: true },
};
const OWN_PASSWORD = 'quiet orchard lantern pebble';
const CODES = Array.from({ length: 10 }, (_, i) => `QRST-UVW${i}-XYZA`);

function renderApp(api: ZamokApi) {
  renderWithApi(<App />, api);
}

async function signInWithoutCode() {
  fireEvent.change(await screen.findByLabelText('Login'), { target: { value: 'taras' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'setup-password-1' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('first sign-in', () => {
  it('a new staff member signs in without a code, sets a password and 2FA, sees codes once', async () => {
    const signIns: unknown[] = [];
    const completions: unknown[] = [];
    const { api } = fakeApi(() => statusOf('locked'), {
      signIn: async input => {
        signIns.push(input);
        return ok(NEW_STAFF);
      },
      completeFirstSignIn: async input => {
        completions.push(input);
        return ok({ user: { ...NEW_STAFF, setupRequired: undefined }, recoveryCodes: CODES });
      },
    });
    renderApp(api);
    await signInWithoutCode();

    expect(
      await screen.findByRole('heading', { name: 'Finish setting up your account' }),
    ).toBeTruthy();
    expect(signIns).toEqual([{ login: 'taras', password: 'setup-password-1' }]);
    expect(
      await screen.findByRole('img', { name: 'QR code for the authenticator app' }),
    ).toBeTruthy();
    // Not the app yet: no navigation, no client sections.
    expect(screen.queryByRole('navigation')).toBeNull();

    fireEvent.change(screen.getByLabelText('New password'), { target: { value: OWN_PASSWORD } });
    fireEvent.change(screen.getByLabelText('Repeat the password'), {
      target: { value: OWN_PASSWORD },
    });
    await screen.findByText('The password meets the requirements.');
    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and start working' }));

    expect(await screen.findByRole('heading', { name: 'Your recovery codes' })).toBeTruthy();
    expect(completions).toEqual([{ totpCode: '654321', newPassword: OWN_PASSWORD }]);
    expect(screen.getByTestId('recovery-codes').querySelectorAll('li')).toHaveLength(10);
    const start = screen.getByRole('button', { name: 'Start working' });
    expect(start.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('The recovery codes are stored in a safe place'));
    fireEvent.click(start);
    expect(await screen.findByRole('navigation')).toBeTruthy();
    expect(screen.queryByText(CODES[0] ?? '')).toBeNull();
  });

  it('a mismatching code says so and keeps the form; an expired enrolment fetches a new QR', async () => {
    let enrolments = 0;
    const answers = [fail('invalid_input', { field: 'totpCode' }), fail('invalid_input')];
    const { api } = fakeApi(() => statusOf('locked'), {
      signIn: async () =>
        ok({ ...NEW_STAFF, setupRequired: { changePassword: false, enrollTotp: true } }),
      beginTotpEnrollment: async () => {
        enrolments += 1;
        return ok({
          secret: `SECRETNUMBER${enrolments}AAAA`,
          uri: `otpauth://totp/x?secret=S${enrolments}`,
        });
      },
      completeFirstSignIn: async () => answers.shift() ?? fail('internal'),
    });
    renderApp(api);
    await signInWithoutCode();
    await screen.findByRole('img', { name: 'QR code for the authenticator app' });
    expect(screen.queryByLabelText('New password')).toBeNull();

    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and start working' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The code does not match');
    expect(enrolments).toBe(1);

    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '222222' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and start working' }));
    expect((await screen.findByRole('alert')).textContent).toContain('timed out');
    await screen.findByText('SECR ETNU MBER 2AAA A');
    expect(enrolments).toBe(2);
  });

  it('a refused password keeps the code typed and never reads as meeting the rules', async () => {
    const completions: unknown[] = [];
    const answers = [
      fail('invalid_input', { field: 'newPassword' }),
      ok({ user: { ...NEW_STAFF, setupRequired: undefined }, recoveryCodes: [] }),
    ];
    const { api } = fakeApi(() => statusOf('locked'), {
      signIn: async () => ok(NEW_STAFF),
      completeFirstSignIn: async input => {
        completions.push(input);
        return answers.shift() ?? fail('internal');
      },
    });
    renderApp(api);
    await signInWithoutCode();
    await screen.findByRole('img', { name: 'QR code for the authenticator app' });
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: OWN_PASSWORD } });
    fireEvent.change(screen.getByLabelText('Repeat the password'), {
      target: { value: OWN_PASSWORD },
    });
    await screen.findByText('The password meets the requirements.');
    fireEvent.change(screen.getByLabelText('Code from the app'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and start working' }));

    expect((await screen.findByRole('alert')).textContent).toContain('different from the one');
    expect(screen.queryByText('The password meets the requirements.')).toBeNull();
    expect(screen.getByLabelText('Code from the app')).toHaveProperty('value', '654321');

    const other = `${OWN_PASSWORD} meadow`;
    fireEvent.change(screen.getByLabelText('New password'), { target: { value: other } });
    fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: other } });
    await screen.findByText('The password meets the requirements.');
    fireEvent.click(screen.getByRole('button', { name: 'Save and start working' }));
    expect(await screen.findByRole('navigation')).toBeTruthy();
    expect(completions).toEqual([
      { totpCode: '654321', newPassword: OWN_PASSWORD },
      { totpCode: '654321', newPassword: other },
    ]);
  });
});
