/**
 * `zamok security-check` as a script runs it (node bin/zamok.mjs in a child process on a real vault):
 * exit 0 while nothing is high, exit 1 once an administrator without 2FA exists. The vault is made
 * in-process with the real KDF floor (so the slots are not themselves a high finding).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupResult, TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { Result } from '../../../src-shared/ipc/contract';
import type { SecurityReport } from '../../../src-shared/ipc/security';
import { createZamokApp, type ZamokApp } from '../../app/compose';
import { appendAudit } from '../../audit';
import { generateTotp } from '../../auth/totp';
import { createNoKeychainStore, KDF_FLOOR } from '../../vault';
import { makeTempDir } from '../../vault/temp-vault.test-support';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const OWNER = 'olena';
const PASSWORD = 'quiet river under old bridges';
const vault = join(makeTempDir('zamok-security-cli-'), 'vault');
let app: ZamokApp;
let secret = '';
let recoveryCodes: string[] = [];
const step = Date.now();

function zamok(args: string[]) {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...process.env, LANG: 'C', LC_ALL: 'C' })) {
    if (value !== undefined) env[name] = value;
  }
  env.ZAMOK_PASSWORD = PASSWORD;
  const run = spawnSync(process.execPath, ['bin/zamok.mjs', '--vault', vault, ...args], {
    cwd: REPO,
    env,
    encoding: 'utf8',
    input: '',
    timeout: 120_000,
  });
  if (run.error) throw run.error;
  return run;
}

/** The code of the step after enrolment (each step signs in once; later sign-ins use recovery codes). */
function nextTotp(): string {
  return generateTotp(secret, step + 30_000);
}

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value as T;
}

beforeAll(async () => {
  app = createZamokApp({
    vaultDir: vault,
    host: 'cli',
    kdf: KDF_FLOOR,
    deviceStore: createNoKeychainStore(),
  });
  const call = (channel: string, input: unknown) =>
    app.router.call(`zamok:${channel}`, input, { host: 'cli' });
  secret = ok<TotpEnrollment>(await call('auth.beginTotpEnrollment', { login: OWNER })).secret;
  const created = ok<SetupResult>(
    await call('auth.createVault', {
      vaultDir: vault,
      login: OWNER,
      displayName: 'Олена Коваль',
      password: PASSWORD,
      totpCode: generateTotp(secret, step),
      deviceBinding: false,
    }),
  );
  recoveryCodes = created.recoveryCodes;
  // A verified backup on another file system, as the backup module records it.
  const open = app.state.vault;
  if (!open) throw new Error('no open vault after setup');
  const backup = { userId: null, deviceId: 'dev-test', outcome: 'ok' as const };
  appendAudit(open, { ...backup, action: 'backup.create', details: { destination: '/proc' } });
  appendAudit(open, { ...backup, action: 'backup.verify' });
  ok(await call('auth.signOut', {}));
}, 120_000);

afterAll(() => app.dispose());

describe('zamok security-check', () => {
  it('exits 0 and prints the findings when none is high', () => {
    const run = zamok(['security-check', '--login', OWNER, '--totp', nextTotp()]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Zamok \S+ — \d{4}-/);
    expect(run.stdout).toContain('[MEDIUM] The vault is not bound to this computer');
    expect(run.stdout).not.toContain('[HIGH]');
  });

  it('exits 1 with --json once a high finding exists, and the JSON names it', async () => {
    // An administrator account without 2FA, made by the owner in-process.
    const call = (channel: string, input: unknown) =>
      app.router.call(`zamok:${channel}`, input, { host: 'cli' });
    const code = recoveryCodes[0] ?? '';
    ok(await call('auth.signIn', { login: OWNER, password: PASSWORD, recoveryCode: code }));
    ok(
      await call('users.create', {
        login: 'ivan',
        displayName: 'Іван',
        role: 'administrator',
        setupPassword: 'amber fields of late summer',
      }),
    );
    ok(await call('auth.signOut', {}));
    const run = zamok([
      'security-check',
      '--json',
      '--login',
      OWNER,
      '--recovery-code',
      recoveryCodes[1] ?? '',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('zamok: 1 high finding(s): see above.\n');
    const report = JSON.parse(run.stdout) as SecurityReport;
    expect(report.high).toBe(1);
    expect(report.findings[0]).toMatchObject({ id: 'users_without_2fa', severity: 'high' });
  });
});
