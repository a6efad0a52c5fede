/**
 * Putting back an older lockout.json (or deleting it) between guesses, through the real router:
 * for a device-bound vault the keychain's high-water mark refuses the guesses at once; for any
 * vault the next sign-in writes the rollback into the audit log and raises a guard alert.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertList } from '../../src-shared/ipc/alerts';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import type { CallError, Result } from '../../src-shared/ipc/contract';
import { listAudit } from '../audit';
import { LOCKOUT_FILES } from '../auth/lockout-file';
import { generateTotp } from '../auth/totp';
import {
  createMemoryDeviceStore,
  createNoKeychainStore,
  unlockWithPassword,
  type DeviceSecretStore,
  type OpenVault,
} from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp, type ZamokApp } from './compose';

const OWNER = { login: 'olena', displayName: 'Olena', password: 'quiet river under old bridges' };
const apps: ZamokApp[] = [];
const vaults: OpenVault[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
  for (const vault of vaults.splice(0)) vault.close();
});

async function answer(result: Promise<Result<unknown>>): Promise<CallError | 'ok'> {
  const r = await result;
  return r.ok ? 'ok' : r.error;
}

/** A vault with its owner, signed in once and out again (so the database knows the file's seq). */
async function setUp(deviceStore: DeviceSecretStore, deviceBinding: boolean) {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const clock = { now: () => now, advance: (ms: number) => (now += ms) };
  const dir = join(makeTempDir('zamok-lockout-rollback-'), 'vault');
  const open = () => {
    const app = createZamokApp({
      vaultDir: dir,
      host: 'preview',
      kdf: TEST_KDF,
      deviceStore,
      clock: clock.now,
    });
    apps.push(app);
    return app;
  };
  const app = open();
  const call = (channel: string, input: unknown) =>
    app.router.call(`zamok:${channel}`, input, { host: 'preview' });
  const enrollment = (await call('auth.beginTotpEnrollment', { login: OWNER.login })) as {
    value: TotpEnrollment;
  };
  const totp = () => generateTotp(enrollment.value.secret, clock.now());
  const setup = (await call('auth.createVault', {
    vaultDir: dir,
    ...OWNER,
    totpCode: totp(),
    deviceBinding,
  })) as Result<SetupResult>;
  if (!setup.ok) throw new Error(setup.error.message);
  expect(setup.value.deviceBinding).toBe(deviceBinding ? 'bound' : 'off');
  await call('auth.signOut', {});
  clock.advance(30_000);
  expect(await answer(call('auth.signIn', { ...credentials(), totpCode: totp() }))).toBe('ok');
  await call('auth.signOut', {});
  clock.advance(30_000);
  return { dir, clock, totp, open };
}

function credentials(password = OWNER.password) {
  return { login: OWNER.login, password };
}

/** A wrong guess in a fresh app instance (as a CLI run would be): its answer. */
async function guess(open: () => ZamokApp): Promise<CallError | 'ok'> {
  const app = open();
  return answer(
    app.router.call(
      'zamok:auth.signIn',
      { ...credentials('not the password at all'), totpCode: '000000' },
      { host: 'preview' },
    ),
  );
}

/** Signs the owner in and returns what the sign-in wrote about the lockout file, and the alerts. */
async function ownerSignsIn(s: Awaited<ReturnType<typeof setUp>>, deviceStore: DeviceSecretStore) {
  const app = s.open();
  const call = (channel: string, input: unknown) =>
    app.router.call(`zamok:${channel}`, input, { host: 'preview' });
  expect(await answer(call('auth.signIn', { ...credentials(), totpCode: s.totp() }))).toBe('ok');
  const alerts = (await call('alerts.list', {})) as Result<AlertList>;
  await call('auth.signOut', {});
  const vault = await unlockWithPassword(s.dir, OWNER.login, OWNER.password, { deviceStore });
  vaults.push(vault);
  const rolledBack = await listAudit(vault.db, {
    action: 'auth.lockout_file_rolled_back',
    limit: 10,
  });
  return {
    rolledBack: rolledBack.entries,
    alerts: alerts.ok ? alerts.value.items.map(a => a.rule) : [],
  };
}

describe('a rolled-back or deleted lockout.json', () => {
  it('device-bound: guesses between put-back copies are refused, and the rollback is logged', async () => {
    const deviceStore = createMemoryDeviceStore();
    const s = await setUp(deviceStore, true);
    const path = join(s.dir, LOCKOUT_FILES.state);
    const copy = readFileSync(path);
    const answers: string[] = [];
    for (let i = 0; i < 16; i++) {
      const result = await guess(s.open);
      answers.push(result === 'ok' ? 'ok' : result.code);
      if (i % 4 === 3) writeFileSync(path, copy);
    }
    // 4 free guesses, the 5th waits; after the first put-back every guess is refused.
    expect(answers.slice(0, 4)).toEqual([
      'auth_failed',
      'auth_failed',
      'auth_failed',
      'auth_failed',
    ]);
    expect(answers.slice(4)).toEqual(Array(12).fill('locked_out'));

    // The copy left in place locks everyone out for 15 minutes (fail closed), the owner too.
    expect(await guess(s.open)).toMatchObject({ code: 'locked_out' });
    s.clock.advance(16 * 60_000);
    const seen = await ownerSignsIn(s, deviceStore);
    expect(seen.rolledBack).toHaveLength(1);
    expect(seen.rolledBack[0]?.details).toMatchObject({ detectedBy: 'keychain' });
    expect(seen.alerts).toContain('lockout_file_changed');
  });

  it('device-bound: a deleted file is refused at once, not only noticed later', async () => {
    const deviceStore = createMemoryDeviceStore();
    const s = await setUp(deviceStore, true);
    expect(await guess(s.open)).toMatchObject({ code: 'auth_failed' });
    rmSync(join(s.dir, LOCKOUT_FILES.state));
    expect(await guess(s.open)).toMatchObject({ code: 'locked_out' });
  });

  it('unbound: a copy older than the last sign-in is noticed at the next one, logged and alerted', async () => {
    const deviceStore = createNoKeychainStore();
    const s = await setUp(deviceStore, false);
    rmSync(join(s.dir, LOCKOUT_FILES.state));
    for (let i = 0; i < 3; i++) expect(await guess(s.open)).toMatchObject({ code: 'auth_failed' });
    rmSync(join(s.dir, LOCKOUT_FILES.state));
    const seen = await ownerSignsIn(s, deviceStore);
    expect(seen.rolledBack).toHaveLength(1);
    expect(seen.rolledBack[0]?.details).toMatchObject({ detectedBy: 'database' });
    expect(seen.alerts).toContain('lockout_file_changed');
  });
});
