/**
 * `zamok users …` as an admin runs it (in-process through `runCli`, on the TOTP step after the
 * vault's setup) on a vault set up in this process. Three runs, each signing the operator in with a
 * fresh second factor: add (setup password from stdin), list --json, dismiss.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { listAudit, verifyAuditChain } from '../../audit';
import { generateTotp } from '../../auth/totp';
import {
  createNoKeychainStore,
  hasPasswordSlot,
  unlockWithPassword,
  type OpenVault,
} from '../../vault';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { CLI_OWNER as OWNER, createOwnerVault, zamokInProcess } from '../cli.test-support';

const SETUP = 'amber fields of late summer';

const vaults: OpenVault[] = [];
afterEach(() => {
  for (const v of vaults.splice(0)) v.close();
});

/** The time the CLI runs at (set by vaultWithOwner). */
let cliTime = Date.now();

function zamok(args: string[], input = '') {
  return zamokInProcess(args, {
    input,
    env: { ZAMOK_PASSWORD: OWNER.password },
    clock: () => cliTime,
  });
}

/** A vault with the owner (TOTP secret and recovery codes) and an active manager, iryna. */
async function vaultWithOwner() {
  const dir = join(makeTempDir('zamok-cli-users-'), 'vault');
  const owner = await createOwnerVault(dir);
  try {
    await owner.call('users.create', {
      login: 'iryna',
      displayName: 'Iryna',
      role: 'manager',
      setupPassword: SETUP,
    });
    // The CLI runs on the step after the setup's (each step signs in once).
    cliTime = owner.enrolledAt + 30_000;
    return { dir, secret: owner.secret, recoveryCodes: owner.setup.recoveryCodes };
  } finally {
    owner.app.dispose();
  }
}

describe('zamok users', () => {
  it('adds, lists and dismisses accounts as the operator given with --as', async () => {
    const { dir, secret, recoveryCodes } = await vaultWithOwner();
    const added = await zamok(
      [
        '--vault',
        dir,
        'users',
        'add',
        '--as',
        OWNER.login,
        '--totp',
        generateTotp(secret, cliTime),
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

    const listed = await zamok([
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

    const dismissed = await zamok([
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

  it('refuses a missing operator with a usage error before touching the vault', async () => {
    const run = await zamok(['--vault', '/nonexistent', 'users', 'list', '--totp', '123456']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--as');
  });
});
