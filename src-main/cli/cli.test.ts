/**
 * The `zamok` command as an admin or a script runs it: `node bin/zamok.mjs …` in a child process,
 * real Argon2id calibration, real vault files in a temp folder, the real `sqlcipher` tool. Every run
 * costs about a second (init about eight), so one vault is shared and the runs are few (14).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit';
import { generateTotp } from '../auth/totp';
import { createNoKeychainStore, unlockWithPassword } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OWNER = 'olena';
const PASSWORD = 'quiet river under old bridges';
const CHANGED = 'seven lanterns over the harbour';
const RESET = 'copper kettle on a winter stove';
const RUN_TIMEOUT_MS = 120_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI. `env` values of undefined remove the variable; the locale is English. */
function zamok(
  args: string[],
  o: { env?: Record<string, string | undefined>; input?: string; stdinFd?: number } = {},
): Run {
  const env: Record<string, string> = {};
  const merged = {
    ...process.env,
    LANG: 'C',
    LC_ALL: 'C',
    ZAMOK_PASSWORD: PASSWORD,
    ZAMOK_NEW_PASSWORD: undefined,
    ...o.env,
  };
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) env[name] = value;
  const run = spawnSync(process.execPath, ['bin/zamok.mjs', ...args], {
    cwd: REPO,
    env,
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS,
    ...(o.stdinFd === undefined
      ? { input: o.input ?? '' }
      : { stdio: [o.stdinFd, 'pipe', 'pipe'] as const }),
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** An error answer: one line on stderr, no stack frames. */
function expectOneLineError(run: Run): void {
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toBe('');
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

/**
 * A TOTP code whose time step has not been used yet (each step signs in once) and that is still
 * within the ±1 step window when the child process checks it; waits when both are spent.
 */
let lastStep = -1;
async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, lastStep + 1);
    if (step <= current + 1) {
      lastStep = step;
      return generateTotp(secret, step * 30_000);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/** Six digits that no step of the current window accepts. */
function wrongTotp(secret: string): string {
  const now = Date.now();
  const valid = new Set([-2, -1, 0, 1, 2].map(k => generateTotp(secret, now + k * 30_000)));
  return ['000000', '111111', '222222'].find(code => !valid.has(code)) ?? '333333';
}

interface Kit {
  vaultId: string;
  owner: string;
  totpSecret: string;
  totpUri: string;
  recoveryKey: string;
  recoveryCodes: string[];
  deviceBinding: string;
}

describe('zamok CLI', () => {
  const root = makeTempDir('zamok-cli-');
  const vault = join(root, 'vault');
  let init: Run;
  let kit: Kit;

  beforeAll(() => {
    init = zamok([
      '--vault',
      vault,
      '--json',
      'init',
      '--owner',
      OWNER,
      '--display-name',
      'Olena Koval',
      '--no-device-binding',
    ]);
    // init confirmed the enrollment with the code of the step it ran in; that step is now used.
    lastStep = Math.floor(Date.now() / 30_000);
    // A failed init is reported by the first test (its stderr), not by a JSON parse error here.
    kit =
      init.status === 0
        ? (JSON.parse(init.stdout) as Kit)
        : ({ recoveryCodes: [] } as unknown as Kit);
  }, RUN_TIMEOUT_MS);

  it('init --json prints the recovery kit once, with every field', () => {
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(kit.vaultId).toMatch(/^[0-9a-f]{32}$/);
    expect(kit.owner).toBe(OWNER);
    expect(kit.totpSecret).toMatch(/^[A-Z2-7]{32,}$/);
    expect(kit.totpUri).toMatch(/^otpauth:\/\/totp\//);
    expect(kit.totpUri).toContain(`secret=${kit.totpSecret}`);
    expect(kit.recoveryKey).toMatch(/^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$/);
    expect(kit.recoveryCodes).toHaveLength(10);
    expect(new Set(kit.recoveryCodes).size).toBe(10);
    expect(kit.deviceBinding).toBe('off');
    expect(init.stdout + init.stderr).not.toContain(PASSWORD);
  });

  it('unlock-check exits 0 with a current code and 3 with a wrong one', async () => {
    const good = zamok([
      '--vault',
      vault,
      'unlock-check',
      '--login',
      OWNER,
      '--totp',
      await freshTotp(kit.totpSecret),
    ]);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);

    const bad = zamok([
      '--vault',
      vault,
      'unlock-check',
      '--login',
      OWNER,
      '--totp',
      wrongTotp(kit.totpSecret),
    ]);
    expect(bad.status).toBe(3);
    expectOneLineError(bad);
    expect(bad.stderr).toMatch(/^zamok: /);
  });

  it('password change (current and new on stdin) then unlock-check with the new password', async () => {
    const change = zamok(
      [
        '--vault',
        vault,
        '--password-stdin',
        'password',
        'change',
        '--login',
        OWNER,
        '--totp',
        await freshTotp(kit.totpSecret),
      ],
      { env: { ZAMOK_PASSWORD: undefined }, input: `${PASSWORD}\n${CHANGED}\n` },
    );
    expect(change.stderr).toBe('');
    expect(change.status).toBe(0);

    // A recovery code instead of a third TOTP step (that would mean waiting up to 30 s).
    const check = zamok(
      [
        '--vault',
        vault,
        'unlock-check',
        '--login',
        OWNER,
        '--recovery-code',
        kit.recoveryCodes[1] ?? '',
      ],
      { env: { ZAMOK_PASSWORD: CHANGED } },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('password reset with --recovery-key-stdin (key line, then the new password)', () => {
    const reset = zamok(
      ['--vault', vault, 'password', 'reset', '--login', OWNER, '--recovery-key-stdin'],
      { env: { ZAMOK_PASSWORD: undefined }, input: `${kit.recoveryKey}\n${RESET}\n` },
    );
    expect(reset.stderr).toBe('');
    expect(reset.status).toBe(0);

    const check = zamok(
      [
        '--vault',
        vault,
        'unlock-check',
        '--login',
        OWNER,
        '--recovery-code',
        kit.recoveryCodes[0] ?? '',
      ],
      { env: { ZAMOK_PASSWORD: RESET } },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('vault key prints the raw key that the sqlcipher tool opens zamok.db with, and is audited', async () => {
    const run = zamok(['--vault', vault, 'vault', 'key', '--recovery-key-stdin'], {
      env: { ZAMOK_PASSWORD: undefined },
      input: `${kit.recoveryKey}\n`,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const hex = run.stdout.trim();
    expect(hex).toMatch(/^[0-9a-f]{64}$/);

    const sqlcipher = spawnSync('/usr/bin/sqlcipher', [join(vault, 'zamok.db')], {
      input: `PRAGMA key="x'${hex}'";\nSELECT count(*) FROM users;\n`,
      encoding: 'utf8',
    });
    expect(sqlcipher.status).toBe(0);
    expect(sqlcipher.stdout.trim().split('\n').at(-1)).toBe('1');

    const opened = await unlockWithPassword(vault, OWNER, RESET, {
      deviceStore: createNoKeychainStore(),
    });
    try {
      const { entries } = await listAudit(opened.db, { action: 'vault.reveal_data_key', limit: 5 });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ outcome: 'ok', userLogin: OWNER });
      expect(JSON.stringify(entries)).not.toContain(hex);
    } finally {
      opened.close();
    }
  });

  it('exits 4 for a missing vault folder and for a corrupt keyring.json', () => {
    const missing = zamok([
      '--vault',
      join(root, 'no-such-folder'),
      'unlock-check',
      '--login',
      OWNER,
      '--totp',
      '123456',
    ]);
    expect(missing.status).toBe(4);
    expectOneLineError(missing);

    const corrupt = join(root, 'corrupt');
    cpSync(vault, corrupt, { recursive: true });
    writeFileSync(join(corrupt, 'keyring.json'), '{"format": "zamok-keyring", "slots": [');
    const damaged = zamok([
      '--vault',
      corrupt,
      'unlock-check',
      '--login',
      OWNER,
      '--totp',
      '123456',
    ]);
    expect(damaged.status).toBe(4);
    expectOneLineError(damaged);
  });

  it('exits 2 for a missing required option and for no password', () => {
    const noLogin = zamok(['--vault', vault, 'unlock-check', '--totp', '123456']);
    expect(noLogin.status).toBe(2);
    expectOneLineError(noLogin);

    const noPassword = zamok(
      ['--vault', vault, 'unlock-check', '--login', OWNER, '--totp', '123456'],
      { env: { ZAMOK_PASSWORD: undefined } },
    );
    expect(noPassword.status).toBe(2);
    expectOneLineError(noPassword);
    expect(noPassword.stderr).toContain('ZAMOK_PASSWORD');
  });

  it('shows the stack of an unexpected error only with --debug', () => {
    // Standard input that cannot be read (a folder) is an error the CLI does not expect.
    const args = ['--vault', vault, 'vault', 'key', '--recovery-key-stdin'];
    const folder = openSync(root, 'r');
    try {
      const plain = zamok(args, { stdinFd: folder });
      expect(plain.status).toBe(1);
      expectOneLineError(plain);
      expect(plain.stderr).toContain('--debug');

      const debug = zamok(['--debug', ...args], { stdinFd: folder });
      expect(debug.status).toBe(1);
      expect(debug.stderr).toMatch(/^\s+at /m);
    } finally {
      closeSync(folder);
    }
  });
});
