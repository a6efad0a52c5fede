/**
 * The recovery kit through the real router: a forgotten password reset with the recovery key, what a
 * wrong key or a weak new password leaves on disk (nothing), and the CLI-only raw-key escape hatch.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallerContext } from '../ipc';
import type { CallError, Result } from '../../src-shared/ipc/contract';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import { listAudit, verifyAuditChain } from '../audit';
import { generateTotp } from '../auth/totp';
import {
  createMemoryDeviceStore,
  createNoKeychainStore,
  encodeRecoveryKey,
  readKeyringInfo,
  unlockWithPassword,
  type DeviceSecretStore,
  type OpenVault,
} from '../vault';
import { makeTempDir, snapshotDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp, type ZamokApp } from './compose';

const OWNER = {
  login: 'olena',
  displayName: 'Olena Koval',
  password: 'quiet river under old bridges',
};
const NEW_PASSWORD = 'seven lanterns over the harbour';
const PREVIEW: CallerContext = { host: 'preview' };
const CLI: CallerContext = { host: 'cli' };
const ELECTRON: CallerContext = {
  host: 'electron',
  sender: { frameUrl: 'app://zamok/index.html', isMainFrame: true },
};

const apps: ZamokApp[] = [];
const vaults: OpenVault[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const vault of vaults.splice(0)) vault.close();
});

function call(
  app: ZamokApp,
  channel: string,
  input: unknown,
  caller: CallerContext = PREVIEW,
): Promise<Result<unknown>> {
  return app.router.call(`zamok:${channel}`, input, caller);
}

async function ok<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function failure(result: Promise<Result<unknown>>): Promise<CallError> {
  const r = await result;
  if (r.ok) throw new Error('expected a failure, got ok');
  return r.error;
}

/** Creates a vault and its owner through the setup channels, then signs out. */
async function setUp(o: { deviceStore?: DeviceSecretStore; deviceBinding?: boolean } = {}) {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = () => now;
  const dir = join(makeTempDir('zamok-recovery-'), 'vault');
  const deviceStore = o.deviceStore ?? createNoKeychainStore();
  const app = createZamokApp({ vaultDir: dir, host: 'preview', kdf: TEST_KDF, deviceStore, clock });
  apps.push(app);
  const { secret } = await ok<TotpEnrollment>(
    call(app, 'auth.beginTotpEnrollment', { login: OWNER.login }),
  );
  const setup = await ok<SetupResult>(
    call(app, 'auth.createVault', {
      vaultDir: dir,
      login: OWNER.login,
      displayName: OWNER.displayName,
      password: OWNER.password,
      totpCode: generateTotp(secret, now),
      deviceBinding: o.deviceBinding ?? false,
    }),
  );
  await ok(call(app, 'auth.signOut', {}));
  // The enrollment code's time step is spent; the one sign-in each test makes uses the next step.
  now += 30_000;
  const totp = () => generateTotp(secret, now);
  return { app, dir, deviceStore, setup, totp };
}

function signIn(app: ZamokApp, password: string, totpCode: string) {
  return call(app, 'auth.signIn', { login: OWNER.login, password, totpCode });
}

/** The vault files that hold data and keys (the lockout counter is expected to change on failures). */
function dataFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshotDir(dir)).filter(([path]) => !path.startsWith('lockout.')),
  );
}

/** A well-formed recovery key (valid checksum) that belongs to no vault. */
function strangerKey(): string {
  return encodeRecoveryKey(randomBytes(20));
}

describe('password reset with the recovery key', () => {
  it('sets a new password when every password is forgotten; the old one stops working', async () => {
    const { app, setup, totp } = await setUp();
    const value = await ok(
      call(app, 'auth.resetPasswordWithRecoveryKey', {
        recoveryKey: setup.recoveryKey,
        login: OWNER.login,
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(value).toEqual({ login: OWNER.login });
    // The reset does not leave anyone signed in.
    expect(app.state.session).toBeNull();
    expect((await failure(signIn(app, OWNER.password, totp()))).code).toBe('auth_failed');
    expect(await ok(signIn(app, NEW_PASSWORD, totp()))).toMatchObject({ login: OWNER.login });
  });

  it('writes the failed sign-ins counted before the reset into the audit log', async () => {
    const { app, dir, setup } = await setUp();
    for (let i = 0; i < 3; i++) {
      expect((await failure(signIn(app, 'not the password at all', '000000'))).code).toBe(
        'auth_failed',
      );
    }
    await ok(
      call(app, 'auth.resetPasswordWithRecoveryKey', {
        recoveryKey: setup.recoveryKey,
        login: OWNER.login,
        newPassword: NEW_PASSWORD,
      }),
    );
    const vault = await unlockWithPassword(dir, OWNER.login, NEW_PASSWORD, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const entries = (await listAudit(vault.db, { limit: 500 })).entries;
    const failed = entries.filter(e => e.action === 'auth.sign_in' && e.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.details).toMatchObject({ count: 3 });
    const reset = entries.find(e => e.action === 'auth.reset_password_with_recovery_key');
    expect(reset).toMatchObject({ outcome: 'ok', userLogin: OWNER.login });
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: entries.length });
  });

  it('accepts the key as typed from paper: lower case, spaces instead of dashes', async () => {
    const { app, setup, totp } = await setUp();
    const typed = setup.recoveryKey.toLowerCase().replace(/-/g, ' ');
    await ok(
      call(app, 'auth.resetPasswordWithRecoveryKey', {
        recoveryKey: typed,
        login: OWNER.login,
        newPassword: NEW_PASSWORD,
      }),
    );
    await ok(signIn(app, NEW_PASSWORD, totp()));
  });

  it('lifts the lockout of the login it resets', async () => {
    const { app, setup, totp } = await setUp();
    for (let i = 0; i < 5; i++) await failure(signIn(app, 'forgotten, guessing', totp()));
    expect((await failure(signIn(app, OWNER.password, totp()))).code).toBe('locked_out');
    await ok(
      call(app, 'auth.resetPasswordWithRecoveryKey', {
        recoveryKey: setup.recoveryKey,
        login: OWNER.login,
        newPassword: NEW_PASSWORD,
      }),
    );
    await ok(signIn(app, NEW_PASSWORD, totp()));
  });

  it('refuses a wrong or mistyped key with auth_failed and changes no data or key file', async () => {
    const { app, dir, setup } = await setUp();
    const before = dataFiles(dir);
    const mistyped = setup.recoveryKey.replace(/^./, c => (c === 'A' ? 'B' : 'A'));
    for (const recoveryKey of [strangerKey(), mistyped]) {
      const error = await failure(
        call(app, 'auth.resetPasswordWithRecoveryKey', {
          recoveryKey,
          login: OWNER.login,
          newPassword: NEW_PASSWORD,
        }),
      );
      expect(error.code).toBe('auth_failed');
    }
    expect(dataFiles(dir)).toEqual(before);
    // The failed attempts were counted: the lockout file exists now.
    expect(Object.keys(snapshotDir(dir))).toContain('lockout.json');
  });

  it('locks the recovery key out after 5 wrong keys, even for the right key', async () => {
    const { app, setup } = await setUp();
    const attempt = (recoveryKey: string) =>
      failure(
        call(app, 'auth.resetPasswordWithRecoveryKey', {
          recoveryKey,
          login: OWNER.login,
          newPassword: NEW_PASSWORD,
        }),
      );
    for (let i = 0; i < 5; i++) expect((await attempt(strangerKey())).code).toBe('auth_failed');
    const refused = await attempt(setup.recoveryKey);
    expect(refused.code).toBe('locked_out');
    expect(Number(refused.details?.retryAfterSeconds)).toBeGreaterThan(0);
  });

  it('refuses a weak new password with weak_password and its issues, changing nothing', async () => {
    const { app, dir, setup, totp } = await setUp();
    // One counted failure first, so the lockout files exist and the snapshot covers them too.
    await failure(signIn(app, 'not the password', totp()));
    const before = snapshotDir(dir);
    const error = await failure(
      call(app, 'auth.resetPasswordWithRecoveryKey', {
        recoveryKey: setup.recoveryKey,
        login: OWNER.login,
        newPassword: 'password1',
      }),
    );
    expect(error.code).toBe('weak_password');
    expect(Array.isArray(error.details?.issues)).toBe(true);
    expect((error.details?.issues as unknown[]).length).toBeGreaterThan(0);
    expect(snapshotDir(dir)).toEqual(before);
    await ok(signIn(app, OWNER.password, totp()));
  });

  it('refuses an unknown login with not_found and changes nothing', async () => {
    const { app, dir, setup } = await setUp();
    const before = dataFiles(dir);
    const error = await failure(
      call(app, 'auth.resetPasswordWithRecoveryKey', {
        recoveryKey: setup.recoveryKey,
        login: 'mykola',
        newPassword: NEW_PASSWORD,
      }),
    );
    expect(error.code).toBe('not_found');
    expect(dataFiles(dir)).toEqual(before);
  });

  it('keeps the vault unbound when it was created without device binding', async () => {
    // A keychain is available here, but the owner chose a vault that opens on any computer.
    const deviceStore = createMemoryDeviceStore();
    const { app, dir, setup } = await setUp({ deviceStore, deviceBinding: false });
    await ok(
      call(app, 'auth.resetPasswordWithRecoveryKey', {
        recoveryKey: setup.recoveryKey,
        login: OWNER.login,
        newPassword: NEW_PASSWORD,
      }),
    );
    const passwordSlots = readKeyringInfo(dir).slots.filter(s => s.kind === 'password');
    expect(passwordSlots.map(s => s.deviceBound)).toEqual([false]);
    // Another computer (no keychain secret) still opens it with the new password.
    const elsewhere = await unlockWithPassword(dir, OWNER.login, NEW_PASSWORD, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(elsewhere);
  });

  it('keeps a device-bound vault bound after the reset', async () => {
    const deviceStore = createMemoryDeviceStore();
    const { app, dir, setup } = await setUp({ deviceStore, deviceBinding: true });
    expect(setup.deviceBinding).toBe('bound');
    await ok(
      call(app, 'auth.resetPasswordWithRecoveryKey', {
        recoveryKey: setup.recoveryKey,
        login: OWNER.login,
        newPassword: NEW_PASSWORD,
      }),
    );
    const passwordSlots = readKeyringInfo(dir).slots.filter(s => s.kind === 'password');
    expect(passwordSlots.map(s => s.deviceBound)).toEqual([true]);
    await expect(
      unlockWithPassword(dir, OWNER.login, NEW_PASSWORD, { deviceStore: createNoKeychainStore() }),
    ).rejects.toMatchObject({ code: 'auth_failed' });
  });
});

describe('the raw data key (vault.revealDataKey)', () => {
  it('is refused to the desktop app and the browser test host, writing nothing', async () => {
    const { app, dir, setup } = await setUp();
    const before = snapshotDir(dir);
    for (const caller of [PREVIEW, ELECTRON]) {
      const error = await failure(
        call(app, 'vault.revealDataKey', { recoveryKey: setup.recoveryKey }, caller),
      );
      // compose.ts's host guard answers unknown_channel; the router's own host check (in progress
      // in src-main/ipc) answers forbidden first. Either way: refused, no key, nothing written.
      expect(['unknown_channel', 'forbidden']).toContain(error.code);
      expect(JSON.stringify(error)).not.toMatch(/[0-9a-f]{64}/);
    }
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('from the CLI returns the key that opens zamok.db, and leaves an audit entry', async () => {
    const { app, dir, setup } = await setUp();
    const { dataKeyHex } = await ok<{ dataKeyHex: string }>(
      call(app, 'vault.revealDataKey', { recoveryKey: setup.recoveryKey }, CLI),
    );
    expect(dataKeyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(app.state.session).toBeNull();

    const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const key = vault.dataKey();
    expect(dataKeyHex).toBe(key.toString('hex'));
    key.fill(0);

    // A plain SQLCipher 4 connection with only that key reads the vault.
    const plain = new Database(join(dir, 'zamok.db'), { readonly: true, fileMustExist: true });
    try {
      plain.pragma("cipher='sqlcipher'");
      plain.pragma('legacy=4');
      plain.pragma(`key="x'${dataKeyHex}'"`);
      expect(plain.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    } finally {
      plain.close();
    }

    const entries = (await listAudit(vault.db, { action: 'vault.reveal_data_key', limit: 10 }))
      .entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ outcome: 'ok', userLogin: OWNER.login });
    expect(JSON.stringify(entries[0])).not.toContain(dataKeyHex);
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true });
  });

  it('refuses a wrong key from the CLI with auth_failed and no key', async () => {
    const { app } = await setUp();
    const error = await failure(
      call(app, 'vault.revealDataKey', { recoveryKey: strangerKey() }, CLI),
    );
    expect(error.code).toBe('auth_failed');
    expect(JSON.stringify(error)).not.toMatch(/[0-9a-f]{64}/);
  });
});
