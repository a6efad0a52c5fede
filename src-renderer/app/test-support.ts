/**
 * Test support for renderer unit tests (jsdom): a scripted fake of the bridge with canned results,
 * and the browser APIs jsdom lacks. Never imported by the app itself.
 */
import { contract, type ZamokApi } from '../../src-shared/ipc';
import type { AppStatus, SignedInUser } from '../../src-shared/ipc/auth';
import { buildBridge, type CallError, type Result } from '../../src-shared/ipc/contract';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';

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

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result. */
export function fail(code: CallError['code'], details?: Record<string, unknown>): Result<never> {
  return { ok: false, error: { code, message: code, ...(details ? { details } : {}) } };
}

/** A fake bridge: `status` is asked on every status call; other handlers can be replaced. */
export function fakeApi(
  status: () => AppStatus,
  overrides: Partial<ZamokApi['auth']> = {},
): { api: ZamokApi; calls: string[] } {
  const calls: string[] = [];
  // Partial: calls added to the contract later answer unknown_channel until a test scripts them.
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
  // Built from the real contract, so features added later exist too (they answer unknown_channel).
  const api = buildBridge(contract, async (name, input) => {
    const call = name.replace(/^zamok:auth\./, '') as keyof ZamokApi['auth'];
    const handler = name.startsWith('zamok:auth.') ? handlers[call] : undefined;
    if (!handler) return fail('unknown_channel');
    calls.push(call);
    return (handler as (input: unknown) => Promise<Result<unknown>>)(input);
  });
  return { api, calls };
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
