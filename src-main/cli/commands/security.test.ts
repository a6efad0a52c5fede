/**
 * `zamok security-check` as a script runs it (in-process through `runCli`, on a real vault):
 * exit 0 while nothing is high, exit 1 once an administrator without 2FA exists. The vault is made
 * in-process with the real KDF floor (so the slots are not themselves a high finding).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecurityReport } from '../../../src-shared/ipc/security';
import { appendAudit } from '../../audit';
import { generateTotp } from '../../auth/totp';
import { KDF_FLOOR } from '../../vault';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { CLI_OWNER, createOwnerVault, zamokInProcess } from '../cli.test-support';

const OWNER = CLI_OWNER.login;
const PASSWORD = CLI_OWNER.password;
const vault = join(makeTempDir('zamok-security-cli-'), 'vault');
let owner: Awaited<ReturnType<typeof createOwnerVault>>;

/** Runs the CLI on the step after enrolment with the owner's password. */
function zamok(args: string[]) {
  return zamokInProcess(['--vault', vault, ...args], {
    env: { ZAMOK_PASSWORD: PASSWORD },
    clock: () => owner.enrolledAt + 30_000,
  });
}

/** The code of the step after enrolment (each step signs in once; later sign-ins use recovery codes). */
function nextTotp(): string {
  return generateTotp(owner.secret, owner.enrolledAt + 30_000);
}

beforeAll(async () => {
  owner = await createOwnerVault(vault, { kdf: KDF_FLOOR });
  // A verified backup on another file system, as the backup module records it.
  const open = owner.app.state.vault;
  if (!open) throw new Error('no open vault after setup');
  const backup = { userId: null, deviceId: 'dev-test', outcome: 'ok' as const };
  appendAudit(open, { ...backup, action: 'backup.create', details: { destination: '/proc' } });
  appendAudit(open, { ...backup, action: 'backup.verify' });
  await owner.call('auth.signOut', {});
}, 120_000);

afterAll(() => owner.app.dispose());

describe('zamok security-check', () => {
  it('exits 0 and prints the findings when none is high', async () => {
    const run = await zamok(['security-check', '--login', OWNER, '--totp', nextTotp()]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Zamok \S+ — \d{4}-/);
    expect(run.stdout).toContain('[MEDIUM] The vault is not bound to this computer');
    expect(run.stdout).not.toContain('[HIGH]');
  });

  it('exits 1 with --json once a high finding exists, and the JSON names it', async () => {
    // An administrator account without 2FA, made by the owner in-process.
    const { call, setup } = owner;
    const code = setup.recoveryCodes[0] ?? '';
    await call('auth.signIn', { login: OWNER, password: PASSWORD, recoveryCode: code });
    await call('users.create', {
      login: 'ivan',
      displayName: 'Іван',
      role: 'administrator',
      setupPassword: 'amber fields of late summer',
    });
    await call('auth.signOut', {});
    const run = await zamok([
      'security-check',
      '--json',
      '--login',
      OWNER,
      '--recovery-code',
      setup.recoveryCodes[1] ?? '',
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('zamok: 1 high finding(s): see above.\n');
    const report = JSON.parse(run.stdout) as SecurityReport;
    expect(report.high).toBe(1);
    expect(report.findings[0]).toMatchObject({ id: 'users_without_2fa', severity: 'high' });
  });
});
