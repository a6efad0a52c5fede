// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../src-shared/ipc';
import type { AppStatus } from '../../src-shared/ipc/auth';
import { createI18n } from '../i18n';
import { resetAllStores } from '../stores/registry';
import { useNavigationStore } from '../stores/navigation';
import { useSessionStore } from '../stores/session';
import { App } from './App';
import { Providers } from './Providers';
import { fail, fakeApi, installDomShims, ok, OWNER, statusOf } from './test-support';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  resetAllStores();
  vi.useRealTimers();
  window.history.replaceState(null, '', window.location.pathname);
});

function renderApp(api: ZamokApi, language: 'uk' | 'en' = 'en') {
  return render(
    <Providers api={api} i18n={createI18n(language)} env="test">
      <App />
    </Providers>,
  );
}

/** What a person (or a DOM scraper) could read on screen right now. */
function visibleText(): string {
  return document.body.textContent ?? '';
}

describe('lock', () => {
  it('Ctrl+L wipes the app from the DOM and the stores, then closes the vault', async () => {
    let current: AppStatus = statusOf('signed_in');
    const { api, calls } = fakeApi(() => current, {
      lock: async () => {
        current = statusOf('locked', { lockedLogin: 'olena' });
        return ok({ locked: true as const });
      },
    });
    renderApp(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Deals' }));
    expect(visibleText()).toContain('Owner');
    expect(useNavigationStore.getState().section).toBe('deals');

    fireEvent.keyDown(document.documentElement, { key: 'l', code: 'KeyL', ctrlKey: true });

    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeTruthy();
    await waitFor(() => expect(calls).toContain('lock'));
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(visibleText()).not.toContain('Deals');
    expect(visibleText()).not.toContain('Owner');
    expect(useSessionStore.getState().user).toBeNull();
    expect(useNavigationStore.getState().section).toBe('contacts');
    // The lock screen greets the locked user and offers only the way back in.
    expect(screen.getByTestId('locked-user').textContent).toContain(OWNER.displayName);
  });

  it('locks after the auto-lock minutes without activity, and not before', async () => {
    const { api, calls } = fakeApi(() => statusOf('signed_in', { autoLockMinutes: 2 }));
    // Only the clock and intervals are faked: promises and testing-library's own waits stay real.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    renderApp(api);
    await screen.findByRole('navigation');
    await waitFor(() => expect(useSessionStore.getState().status?.autoLockMinutes).toBe(2));
    await act(async () => {
      vi.advanceTimersByTime(90_000);
    });
    fireEvent.pointerMove(document.body);
    await act(async () => {
      vi.advanceTimersByTime(90_000);
    });
    expect(screen.queryByRole('navigation')).not.toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(40_000);
    });
    vi.useRealTimers();
    expect(
      await screen.findByText('The session was locked after a period of inactivity.'),
    ).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(calls).toContain('lock');
  });

  it('an OS lock done by the main process is noticed when the window regains focus', async () => {
    let current: AppStatus = statusOf('signed_in');
    const { api } = fakeApi(() => current);
    renderApp(api);
    await screen.findByRole('navigation');
    current = statusOf('locked', { lockedLogin: 'olena' });
    fireEvent.focus(window);
    expect(
      await screen.findByText(
        'The session was locked because the computer was locked or went to sleep.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('unlocking with password and code reopens the app', async () => {
    let current: AppStatus = statusOf('locked', { lockedLogin: 'olena' });
    const { api } = fakeApi(() => current, {
      signIn: async input => {
        if (input.password !== 'right password' || input.totpCode !== '123456')
          return fail('auth_failed');
        current = statusOf('signed_in');
        return ok(OWNER);
      },
    });
    renderApp(api);
    fireEvent.change(await screen.findByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.change(screen.getByLabelText('Code from the authenticator app'), {
      target: { value: '123456' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/login, password or code/i);
    // The failed password was cleared; the user types it again.
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right password' } });
    fireEvent.change(screen.getByLabelText('Code from the authenticator app'), {
      target: { value: '123456' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('navigation')).toBeTruthy();
  });
});

describe('sign-in', () => {
  it('a lockout shows the wait time and keeps the button disabled', async () => {
    const { api } = fakeApi(() => statusOf('locked'), {
      signIn: async () => fail('locked_out', { retryAfterSeconds: 300 }),
    });
    renderApp(api);
    fireEvent.change(await screen.findByLabelText('Login'), { target: { value: 'olena' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'guess' } });
    fireEvent.change(screen.getByLabelText('Code from the authenticator app'), {
      target: { value: '000000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByTestId('retry-wait')).textContent).toMatch(
      /try again in (5 min 00 s|4 min 5\d s)/,
    );
    expect(screen.getByRole('alert').textContent).toContain('Too many failed attempts');
    expect(screen.getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(true);
  });

  it('a vault bound to another computer names the recovery key, not a wrong password', async () => {
    const { api } = fakeApi(() => statusOf('locked'), {
      signIn: async () => fail('auth_failed', { reason: 'device_secret_missing' }),
    });
    renderApp(api);
    fireEvent.change(await screen.findByLabelText('Login'), { target: { value: 'olena' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right password' } });
    fireEvent.change(screen.getByLabelText('Code from the authenticator app'), {
      target: { value: '123456' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bound to the keychain of the computer it was made on');
    expect(alert.textContent).not.toContain('is wrong');
    fireEvent.click(
      screen.getByRole('button', { name: 'Set a new password with the recovery key' }),
    );
    expect(await screen.findByRole('heading', { name: 'New password', level: 1 })).toBeTruthy();
  });

  it('sends a recovery code instead of a TOTP code when the user switches', async () => {
    const seen: unknown[] = [];
    const { api } = fakeApi(() => statusOf('locked'), {
      signIn: async input => {
        seen.push(input);
        return fail('auth_failed');
      },
    });
    renderApp(api);
    fireEvent.change(await screen.findByLabelText('Login'), { target: { value: 'olena' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    fireEvent.change(screen.getByLabelText('Recovery code'), {
      target: { value: 'ABCD-EFGH-JKMN' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    expect(seen).toEqual([{ login: 'olena', password: 'pw', recoveryCode: 'ABCD-EFGH-JKMN' }]);
  });

  it('shows the interface in Ukrainian and switches to English', async () => {
    const { api } = fakeApi(() => statusOf('locked'));
    renderApp(api, 'uk');
    expect(await screen.findByRole('heading', { name: 'Вхід' })).toBeTruthy();
    expect(screen.getByLabelText('Пароль')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('English'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });
});
