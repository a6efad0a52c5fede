/**
 * A new colleague's first sign-in through the real router on real vault files: the setup password
 * opens only a restricted session, which must set its own password and enrol 2FA before anything
 * else; bad attempts change nothing; afterwards the account works like any other. A 2FA reset sends
 * the user through enrolment again. No password appears in the audit log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus, FirstSignInResult, SignedInUser } from '../../src-shared/ipc/auth';
import type { TotpEnrollment } from '../../src-shared/ipc/auth';
import type { UserSummary } from '../../src-shared/ipc/users';
import { listAudit, verifyAuditChain } from '../audit';
import { generateTotp } from '../auth/totp';
import {
  createNoKeychainStore,
  hasPasswordSlot,
  unlockWithPassword,
  type OpenVault,
} from '../vault';
import {
  failure,
  ok,
  OWN_PASSWORD,
  OWNER,
  ownerVault,
  SETUP_PASSWORD,
  testClock,
  openStaffApp,
  type StaffApp,
  type TestClock,
} from './staff-app.test-support';

const SIGN_IN_FAILED = {
  code: 'auth_failed',
  message: 'Sign-in failed. Check the login, password and code, then try again.',
};

const opened: StaffApp[] = [];
const vaults: OpenVault[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.app.dispose();
  for (const v of vaults.splice(0)) v.close();
});

async function newColleague(clock: TestClock) {
  const { dir, staff: owner } = await ownerVault(clock);
  opened.push(owner);
  const user = await ok<UserSummary>(
    owner.call('users.create', {
      login: 'Taras',
      displayName: 'Taras Shevchuk',
      role: 'manager',
      setupPassword: SETUP_PASSWORD,
    }),
  );
  const desk = openStaffApp(dir, clock);
  opened.push(desk);
  return { dir, owner, user, desk };
}

async function enrol(desk: StaffApp, clock: TestClock, input: { newPassword?: string } = {}) {
  const enrollment = await ok<TotpEnrollment>(
    desk.call('auth.beginTotpEnrollment', { login: 'taras' }),
  );
  const result = await ok<FirstSignInResult>(
    desk.call('auth.completeFirstSignIn', {
      ...input,
      totpCode: generateTotp(enrollment.secret, clock.now()),
    }),
  );
  return { secret: enrollment.secret, result };
}

describe('creating a colleague', () => {
  it('creates an active account that must change its password and has no 2FA yet', async () => {
    const clock = testClock();
    const { dir, user } = await newColleague(clock);
    expect(user).toMatchObject({
      login: 'taras',
      role: 'manager',
      status: 'active',
      totpEnabled: false,
      mustChangePassword: true,
    });
    expect(hasPasswordSlot(dir, 'taras')).toBe(true);
  });

  it('refuses a weak setup password or a taken login and writes nothing', async () => {
    const clock = testClock();
    const { dir, owner } = await newColleague(clock);
    const weak = await failure(
      owner.call('users.create', {
        login: 'iryna',
        displayName: 'Iryna',
        role: 'manager',
        setupPassword: 'iryna123',
      }),
    );
    expect(weak.code).toBe('weak_password');
    const taken = await failure(
      owner.call('users.create', {
        login: 'TARAS',
        displayName: 'Another Taras',
        role: 'manager',
        setupPassword: SETUP_PASSWORD,
      }),
    );
    expect(taken.code).toBe('conflict');
    expect(hasPasswordSlot(dir, 'iryna')).toBe(false);
    const users = await ok<UserSummary[]>(owner.call('users.list'));
    expect(users.map(u => u.login)).toEqual([OWNER.login, 'taras']);
  });
});

describe('first sign-in', () => {
  it('opens a restricted session that can only finish the setup', async () => {
    const clock = testClock();
    const { desk } = await newColleague(clock);
    const user = await ok<SignedInUser>(
      desk.call('auth.signIn', { login: 'taras', password: SETUP_PASSWORD }),
    );
    expect(user.setupRequired).toEqual({ changePassword: true, enrollTotp: true });
    const status = await ok<AppStatus>(desk.call('auth.status'));
    expect(status).toMatchObject({
      state: 'signed_in',
      user: { setupRequired: user.setupRequired },
    });
    for (const [channel, input] of [
      ['roles.list', {}],
      ['users.list', {}],
      ['auth.changePassword', { currentPassword: SETUP_PASSWORD, newPassword: OWN_PASSWORD }],
    ] as const) {
      expect((await failure(desk.call(channel, input))).code).toBe('password_change_required');
    }
  });

  it('refuses a missing, reused or weak new password and a wrong code, changing nothing', async () => {
    const clock = testClock();
    const { dir, desk } = await newColleague(clock);
    await ok(desk.call('auth.signIn', { login: 'taras', password: SETUP_PASSWORD }));
    const enrollment = await ok<TotpEnrollment>(
      desk.call('auth.beginTotpEnrollment', { login: 'taras' }),
    );
    const code = generateTotp(enrollment.secret, clock.now());
    const wrongCode = code === '000000' ? '111111' : '000000';
    const answers = [
      await failure(desk.call('auth.completeFirstSignIn', { totpCode: code })),
      await failure(
        desk.call('auth.completeFirstSignIn', { newPassword: SETUP_PASSWORD, totpCode: code }),
      ),
      await failure(
        desk.call('auth.completeFirstSignIn', { newPassword: 'taras2026', totpCode: code }),
      ),
      await failure(
        desk.call('auth.completeFirstSignIn', { newPassword: OWN_PASSWORD, totpCode: wrongCode }),
      ),
    ];
    expect(answers.map(a => a.code)).toEqual([
      'invalid_input',
      'invalid_input',
      'weak_password',
      'invalid_input',
    ]);
    // Still restricted, and the setup password still opens the vault; the new one does not.
    expect((await failure(desk.call('roles.list'))).code).toBe('password_change_required');
    const store = createNoKeychainStore();
    (await unlockWithPassword(dir, 'taras', SETUP_PASSWORD, { deviceStore: store })).close();
    await expect(
      unlockWithPassword(dir, 'taras', OWN_PASSWORD, { deviceStore: store }),
    ).rejects.toMatchObject({ code: 'auth_failed' });
  });

  it('after setting a password and enrolling 2FA, works like any account', async () => {
    const clock = testClock();
    const { desk } = await newColleague(clock);
    await ok(desk.call('auth.signIn', { login: 'taras', password: SETUP_PASSWORD }));
    const { secret, result } = await enrol(desk, clock, { newPassword: OWN_PASSWORD });
    expect(result.recoveryCodes).toHaveLength(10);
    expect(result.user.setupRequired).toBeUndefined();
    expect((await ok<unknown[]>(desk.call('roles.list'))).length).toBeGreaterThan(0);
    await ok(desk.call('auth.signOut'));

    // The confirming code is spent; the setup password and a missing code fail like anything else.
    const spent = generateTotp(secret, clock.now());
    const refused = [
      await failure(
        desk.call('auth.signIn', { login: 'taras', password: OWN_PASSWORD, totpCode: spent }),
      ),
      await failure(desk.call('auth.signIn', { login: 'taras', password: SETUP_PASSWORD })),
      await failure(desk.call('auth.signIn', { login: 'taras', password: OWN_PASSWORD })),
    ];
    for (const error of refused) expect(error).toEqual(SIGN_IN_FAILED);
    clock.advance(30);
    const user = await ok<SignedInUser>(
      desk.call('auth.signIn', {
        login: 'taras',
        password: OWN_PASSWORD,
        totpCode: generateTotp(secret, clock.now()),
      }),
    );
    expect(user.setupRequired).toBeUndefined();
    expect((await failure(desk.call('users.list'))).code).toBe('forbidden');
  });
});

describe('resetting 2FA', () => {
  it('sends the user through enrolment again with the password they already have', async () => {
    const clock = testClock();
    const { dir, owner, user, desk } = await newColleague(clock);
    await ok(desk.call('auth.signIn', { login: 'taras', password: SETUP_PASSWORD }));
    const first = await enrol(desk, clock, { newPassword: OWN_PASSWORD });
    await ok(desk.call('auth.signOut'));
    clock.advance(30);

    const reset = await ok<UserSummary>(owner.call('users.resetTwoFactor', { userId: user.id }));
    expect(reset.totpEnabled).toBe(false);
    // The old second factor is gone: a recovery code from the first enrolment opens nothing more
    // than the password alone, which now gives only the restricted enrolment session.
    const again = await ok<SignedInUser>(
      desk.call('auth.signIn', {
        login: 'taras',
        password: OWN_PASSWORD,
        recoveryCode: first.result.recoveryCodes[0],
      }),
    );
    expect(again.setupRequired).toEqual({ changePassword: false, enrollTotp: true });
    expect((await failure(desk.call('roles.list'))).code).toBe('password_change_required');
    const second = await enrol(desk, clock);
    expect(second.secret).not.toBe(first.secret);
    expect(second.result.recoveryCodes).toHaveLength(10);
    await ok(desk.call('roles.list'));
    await ok(desk.call('auth.signOut'));

    // The audit log names the reset and the setup, and holds no password.
    const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const { entries } = await listAudit(vault.db, { limit: 500 });
    const actions = entries.map(e => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'users.create:ok',
        'users.reset_two_factor:ok',
        'auth.complete_first_sign_in:ok',
      ]),
    );
    const resetEntry = entries.find(e => e.action === 'users.reset_two_factor');
    expect(resetEntry).toMatchObject({ entityType: 'user', entityId: user.id });
    const dump = JSON.stringify(entries);
    for (const secret of [SETUP_PASSWORD, OWN_PASSWORD, first.secret, second.secret]) {
      expect(dump).not.toContain(secret);
    }
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true });
  });
});
