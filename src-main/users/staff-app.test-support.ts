/**
 * Test support (never imported by app code): app instances on a real vault (the composed router:
 * audit wrapper, session guard, permission check) and helpers to set up an owner and staff
 * through the channels.
 */
import { join } from 'node:path';
import type { CallError, Result } from '../../src-shared/ipc/contract';
import type {
  FirstSignInResult,
  SetupResult,
  SignedInUser,
  TotpEnrollment,
} from '../../src-shared/ipc/auth';
import type { UserSummary } from '../../src-shared/ipc/users';
import { createZamokApp, type ZamokApp } from '../app/compose';
import { generateTotp } from '../auth/totp';
import type { Router } from '../ipc';
import { createNoKeychainStore } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';

/** The owner every test vault starts with. */
export const OWNER = {
  login: 'olena',
  displayName: 'Olena Koval',
  password: 'quiet river under old bridges',
};
/** A setup password that passes the password rules. */
export const SETUP_PASSWORD = 'amber fields of late summer';
/** The password new users choose for themselves. */
export const OWN_PASSWORD = 'seven lanterns over the harbour';
const START = Date.parse('2026-03-02T09:00:00Z');

/** A test clock: starts at START, moved forward by hand (30 s = one TOTP step). */
export function testClock() {
  let now = START;
  return {
    now: () => now,
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}
export type TestClock = ReturnType<typeof testClock>;

/** An app instance and a shorthand for calling its router as the preview host. */
export interface StaffApp {
  app: ZamokApp;
  router: Router;
  call(channel: string, input?: unknown): Promise<Result<unknown>>;
}

/**
 * Opens an app instance on `dir` (dispose `app` when done); with `deviceId`, it is that computer
 * (a fixed device id, as the browser test host has), else this machine.
 */
export function openStaffApp(dir: string, clock: TestClock, deviceId?: string): StaffApp {
  const app = createZamokApp({
    vaultDir: dir,
    host: 'preview',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    clock: clock.now,
    ...(deviceId ? { testDeviceId: deviceId } : {}),
  });
  return {
    app,
    router: app.router,
    call: (channel, input = {}) => app.router.call(`zamok:${channel}`, input, { host: 'preview' }),
  };
}

/** The value of an ok result, or a thrown error naming the failure. */
export async function ok<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** The error of a failed result. */
export async function failure(result: Promise<Result<unknown>>): Promise<CallError> {
  const r = await result;
  if (r.ok) throw new Error(`expected a failure, got ok: ${JSON.stringify(r.value)}`);
  return r.error;
}

/** A vault with its owner signed in (TOTP secret and recovery key returned for later use). */
export async function ownerVault(clock: TestClock) {
  const dir = join(makeTempDir('zamok-users-'), 'vault');
  const staff = openStaffApp(dir, clock);
  const enrollment = await ok<TotpEnrollment>(
    staff.call('auth.beginTotpEnrollment', { login: OWNER.login }),
  );
  const setup = await ok<SetupResult>(
    staff.call('auth.createVault', {
      vaultDir: dir,
      login: OWNER.login,
      displayName: OWNER.displayName,
      password: OWNER.password,
      totpCode: generateTotp(enrollment.secret, clock.now()),
      deviceBinding: false,
    }),
  );
  clock.advance(30); // the enrolment code's step is spent
  return {
    dir,
    staff,
    owner: setup.user,
    ownerSecret: enrollment.secret,
    recoveryKey: setup.recoveryKey,
  };
}

/**
 * Creates `login` with `role` as the signed-in user, then (on a second app instance, as a new
 * colleague would) finishes its first sign-in. Returns the user, their TOTP secret and recovery codes.
 */
export async function addEnrolledUser(
  creator: StaffApp,
  dir: string,
  clock: TestClock,
  login: string,
  role: string,
): Promise<{ user: UserSummary; secret: string; other: StaffApp; signedIn: SignedInUser }> {
  const user = await ok<UserSummary>(
    creator.call('users.create', {
      login,
      displayName: login,
      role,
      setupPassword: SETUP_PASSWORD,
    }),
  );
  const other = openStaffApp(dir, clock);
  await ok(other.call('auth.signIn', { login, password: SETUP_PASSWORD }));
  const enrollment = await ok<TotpEnrollment>(other.call('auth.beginTotpEnrollment', { login }));
  const done = await ok<FirstSignInResult>(
    other.call('auth.completeFirstSignIn', {
      newPassword: OWN_PASSWORD,
      totpCode: generateTotp(enrollment.secret, clock.now()),
    }),
  );
  return { user, secret: enrollment.secret, other, signedIn: done.user };
}
