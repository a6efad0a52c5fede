/**
 * Test support for renderer unit tests (jsdom): a signed-in owner, a bridge with sign-in defaults
 * (built on ../test-support/scripted-api), and the browser APIs jsdom lacks. Never imported by the
 * app itself.
 */
import type { ZamokApi } from '../../src-shared/ipc';
import type { AppStatus, SignedInUser } from '../../src-shared/ipc/auth';
import type { Result } from '../../src-shared/ipc/contract';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { fail, ok, scriptedApi } from '../test-support/scripted-api';

/** A signed-in owner for tests. */
export const OWNER: SignedInUser = {
  id: 'u-1',
  login: 'olena',
  displayName: 'Олена Коваленко',
  role: 'owner',
  grants: BUILT_IN_GRANTS.owner,
};

/** A status with test defaults. */
export function statusOf(state: AppStatus['state'], extra: Partial<AppStatus> = {}): AppStatus {
  return {
    state,
    vaultDir: '/home/olena/.config/Zamok/vault',
    keychainAvailable: true,
    autoLockMinutes: 10,
    ...(state === 'signed_in' ? { user: OWNER } : {}),
    ...extra,
  };
}

export { fail, ok };

/**
 * A fake bridge (a `scriptedApi` with sign-in defaults): `status` is asked on every status call;
 * other auth handlers can be replaced. `calls` lists the auth calls made, by name.
 */
export function fakeApi(
  status: () => AppStatus,
  overrides: Partial<ZamokApi['auth']> = {},
): { api: ZamokApi; calls: string[] } {
  const calls: string[] = [];
  const handlers: Partial<ZamokApi['auth']> = {
    status: async () => ok(status()),
    beginTotpEnrollment: async ({ login }) =>
      ok({
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        uri: `otpauth://totp/Zamok:${login}?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP`,
      }),
    createVault: async () => fail('internal'),
    signIn: async () => fail('auth_failed'),
    resetPasswordWithRecoveryKey: async ({ login }) => ok({ login }),
    lock: async () => ok({ locked: true as const }),
    signOut: async () => ok({ signedOut: true as const }),
    changePassword: async () => ok({ changed: true as const }),
    ...overrides,
  };
  const recorded = Object.fromEntries(
    Object.entries(handlers).map(([call, handler]) => [
      call,
      (input: unknown) => {
        calls.push(call);
        return (handler as (input: unknown) => Promise<Result<unknown>>)(input);
      },
    ]),
  ) as Partial<ZamokApi['auth']>;
  return { api: scriptedApi({ auth: recorded }).api, calls };
}

/** jsdom lacks these browser APIs that Mantine uses. */
export function installDomShims(): void {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    Object.assign(window, {
      ResizeObserver: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  }
}
