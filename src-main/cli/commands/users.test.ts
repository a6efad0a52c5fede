/**
 * `zamok users …` as an admin runs it: `node bin/zamok.mjs` in a child process (real Argon2id
 * calibration for the new slot) on a vault set up in this process. Three runs, each signing the
 * operator in with a fresh second factor: add (setup password from stdin), list --json, dismiss.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { SetupResult } from '../../../src-shared/ipc/auth';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { createZamokApp } from '../../app/compose';
import { listAudit, verifyAuditChain } from '../../audit';
import { generateTotp } from '../../auth/totp';
import {
  createNoKeychainStore,
  hasPasswordSlot,
  unlockWithPassword,
  type OpenVault,
} from '../../vault';
import { makeTempDir, TEST_KDF } from '../../vault/temp-vault.test-support';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const OWNER = { login: 'olena', password: 'quiet river under old bridges' };
const SETUP = 'amber fields of late summer';

const vaults: OpenVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.close();
});

function zamok(args: string[], input = '') {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({
    ...process.env,
    LANG: 'C',
    LC_ALL: 'C',
    ZAMOK_PASSWORD: OWNER.password,
  })) {
    if (v !== undefined) env[k] = v;
  }
  const run = spawnSync(process.execPath, ['bin/zamok.mjs', ...args], {
    cwd: REPO,
    env,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A vault with the owner (TOTP secret and recovery codes) and an active manager, iryna. */
async function vaultWithOwner() {
  const dir = join(makeTempDir('zamok-cli-users-'), 'vault');
  const app = createZamokApp({
    vaultDir: dir,
    host: 'preview',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
  });
  try {
    const call = async (channel: string, input: unknown) => {
      const r = await app.router.call(`zamok:${channel}`, input, { host: 'preview' });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
      return r.value;
    };
    const { secret } = (await call('auth.beginTotpEnrollment', { login: OWNER.login })) as {
      secret: string;
    };
    const setup = (await call('auth.createVault', {
      vaultDir: dir,
      login: OWNER.login,
      displayName: 'Olena',
      password: OWNER.password,
      totpCode: generateTotp(secret),
      deviceBinding: false,
    })) as SetupResult;
    await call('users.create', {
      login: 'iryna',
      displayName: 'Iryna',
      role: 'manager',
      setupPassword: SETUP,
    });
    return { dir, secret, recoveryCodes: setup.recoveryCodes };
  } finally {
    app.dispose();
  }
}

describe('zamok users', () => {
  it('adds, lists and dismisses accounts as the operator given with --as', async () => {
    const { dir, secret, recoveryCodes } = await vaultWithOwner();
    const step = Math.floor(Date.now() / 30_000);
    // The setup used this step's code; the next step is still inside the accepted window.
    const added = zamok(
      [
        '--vault',
        dir,
        'users',
        'add',
        '--as',
        OWNER.login,
        '--totp',
        generateTotp(secret, (step + 1) * 30_000),
        '--login',
        'Taras',
        '--role',
        'manager',
        '--display-name',
        'Taras Shevchuk',
        '--setup-password-stdin',
      ],
      `${SETUP}\n`,
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Created taras (manager)');
    expect(hasPasswordSlot(dir, 'taras')).toBe(true);

    const listed = zamok([
      '--vault',
      dir,
      '--json',
      'users',
      'list',
      '--as',
      OWNER.login,
      '--recovery-code',
      recoveryCodes[0] ?? '',
    ]);
    expect(listed.status).toBe(0);
    const users = JSON.parse(listed.stdout) as UserSummary[];
    expect(users.map(u => [u.login, u.role, u.status, u.mustChangePassword])).toEqual([
      ['iryna', 'manager', 'active', true],
      ['olena', 'owner', 'active', false],
      ['taras', 'manager', 'active', true],
    ]);

    const dismissed = zamok([
      '--vault',
      dir,
      'users',
      'dismiss',
      '--as',
      OWNER.login,
      '--recovery-code',
      recoveryCodes[1] ?? '',
      '--login',
      'taras',
      '--reassign-to',
      'iryna',
    ]);
    expect(dismissed.stderr).toBe('');
    expect(dismissed.status).toBe(0);
    expect(dismissed.stdout).toContain('Dismissed taras');
    expect(hasPasswordSlot(dir, 'taras')).toBe(false);

    const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const { entries } = await listAudit(vault.db, { limit: 500 });
    const taras = users.find(u => u.login === 'taras');
    const iryna = users.find(u => u.login === 'iryna');
    expect(entries.find(e => e.action === 'users.dismiss')).toMatchObject({
      outcome: 'ok',
      userLogin: OWNER.login,
      entityId: taras?.id,
      details: { reassignedTo: iryna?.id },
    });
    expect(JSON.stringify(entries)).not.toContain(SETUP);
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true });
  }, 240_000);

  it('refuses a missing operator with a usage error before touching the vault', () => {
    const run = zamok(['--vault', '/nonexistent', 'users', 'list', '--totp', '123456']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--as');
  });
});
