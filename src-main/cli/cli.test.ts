/**
 * The `zamok` command in-process (`runCli` with fake streams and a fake clock, so TOTP steps pass
 * without waiting): real vault files in a temp folder, the real `sqlcipher` tool. What only a real
 * process shows (exit status, a real stdin, --help, the build) is in ./bin.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit';
import { generateTotp } from '../auth/totp';
import { createNoKeychainStore, unlockWithPassword } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import {
  fakeClock,
  TOTP_STEP_MS,
  zamokInProcess,
  type CliRunResult,
  type InProcessOptions,
} from './cli.test-support';

const OWNER = 'olena';
const PASSWORD = 'quiet river under old bridges';
const CHANGED = 'seven lanterns over the harbour';
const RESET = 'copper kettle on a winter stove';

const clock = fakeClock();

/** Runs the CLI with the owner's password in ZAMOK_PASSWORD unless `env` says otherwise. */
function zamok(args: string[], o: InProcessOptions = {}): Promise<CliRunResult> {
  return zamokInProcess(args, {
    clock: clock.now,
    ...o,
    env: { ZAMOK_PASSWORD: PASSWORD, ...o.env },
  });
}

/** The code of the next TOTP step (the clock moves one step: each step signs in once). */
function nextTotp(secret: string): string {
  clock.advance(TOTP_STEP_MS);
  return generateTotp(secret, clock.now());
}

/** Six digits that no step of the current window accepts. */
function wrongTotp(secret: string): string {
  const now = clock.now();
  const valid = new Set([-2, -1, 0, 1, 2].map(k => generateTotp(secret, now + k * TOTP_STEP_MS)));
  return ['000000', '111111', '222222'].find(code => !valid.has(code)) ?? '333333';
}

/** An error answer: one line on stderr, no stack frames. */
function expectOneLineError(run: CliRunResult): void {
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toBe('');
  expect(run.stderr).not.toMatch(/^\s+at /m);
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
  let init: CliRunResult;
  let kit: Kit;
  /** unlock-check on a folder that does not exist. */
  const checkMissingVault = ['--vault', join(root, 'no-such-folder'), 'unlock-check'].concat([
    '--login',
    OWNER,
    '--totp',
    '123456',
  ]);

  beforeAll(async () => {
    init = await zamok([
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
    // A failed init is reported by the first test (its stderr), not by a JSON parse error here.
    kit =
      init.status === 0
        ? (JSON.parse(init.stdout) as Kit)
        : ({ recoveryCodes: [] } as unknown as Kit);
  });

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
    const args = ['--vault', vault, 'unlock-check', '--login', OWNER, '--totp'];
    const good = await zamok([...args, nextTotp(kit.totpSecret)]);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toBe('Sign-in works.\n');

    const reused = await zamok([...args, generateTotp(kit.totpSecret, clock.now())]);
    expect(reused.status).toBe(3);

    const bad = await zamok([...args, wrongTotp(kit.totpSecret)]);
    expect(bad.status).toBe(3);
    expectOneLineError(bad);
    expect(bad.stderr).toMatch(/^zamok: /);
  });

  it('password change (current and new on stdin) then unlock-check with the new password', async () => {
    const change = await zamok(
      [
        '--vault',
        vault,
        '--password-stdin',
        'password',
        'change',
        '--login',
        OWNER,
        '--totp',
        nextTotp(kit.totpSecret),
      ],
      { env: { ZAMOK_PASSWORD: undefined }, input: `${PASSWORD}\n${CHANGED}\n` },
    );
    expect(change.stderr).toBe('');
    expect(change.status).toBe(0);

    const check = await zamok(
      ['--vault', vault, 'unlock-check', '--login', OWNER, '--totp', nextTotp(kit.totpSecret)],
      { env: { ZAMOK_PASSWORD: CHANGED } },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const old = await zamok(
      ['--vault', vault, 'unlock-check', '--login', OWNER, '--totp', nextTotp(kit.totpSecret)],
      { env: { ZAMOK_PASSWORD: PASSWORD } },
    );
    expect(old.status).toBe(3);
  });

  it('password reset with --recovery-key-stdin (key line, then the new password)', async () => {
    const reset = await zamok(
      ['--vault', vault, 'password', 'reset', '--login', OWNER, '--recovery-key-stdin'],
      { env: { ZAMOK_PASSWORD: undefined }, input: `${kit.recoveryKey}\n${RESET}\n` },
    );
    expect(reset.stderr).toBe('');
    expect(reset.status).toBe(0);

    const check = await zamok(
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
    const run = await zamok(['--vault', vault, 'vault', 'key', '--recovery-key-stdin'], {
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

  it('exits 4 for a missing vault folder and for a corrupt keyring.json', async () => {
    const missing = await zamok(checkMissingVault);
    expect(missing.status).toBe(4);
    expectOneLineError(missing);

    const corrupt = join(root, 'corrupt');
    cpSync(vault, corrupt, { recursive: true });
    writeFileSync(join(corrupt, 'keyring.json'), '{"format": "zamok-keyring", "slots": [');
    const damaged = await zamok([
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

  it('exits 2 for a missing required option, an unknown command and no password', async () => {
    const noLogin = await zamok(['--vault', vault, 'unlock-check', '--totp', '123456']);
    expect(noLogin.status).toBe(2);
    expectOneLineError(noLogin);

    const unknown = await zamok(['--vault', vault, 'unlock-chek']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /^error: unknown command 'unlock-chek'\n\(Did you mean unlock-check\?\)\n$/,
    );

    const noPassword = await zamok(
      ['--vault', vault, 'unlock-check', '--login', OWNER, '--totp', '123456'],
      { env: { ZAMOK_PASSWORD: undefined } },
    );
    expect(noPassword.status).toBe(2);
    expectOneLineError(noPassword);
    expect(noPassword.stderr).toContain('ZAMOK_PASSWORD');
  });

  it('shows the stack of an unexpected error only with --debug', async () => {
    // Standard input that cannot be read is an error the CLI does not expect.
    const unreadable = Object.assign(new Error('EISDIR: illegal operation on a directory'), {
      name: 'Error',
    });
    const args = ['--vault', vault, 'vault', 'key', '--recovery-key-stdin'];
    const plain = await zamok(args, { input: unreadable });
    expect(plain.status).toBe(1);
    expectOneLineError(plain);
    expect(plain.stderr).toContain('--debug');

    const debug = await zamok(['--debug', ...args], { input: unreadable });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it('--help prints the commands on stdout and exits 0', async () => {
    const help = await zamok(['--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^Usage: zamok \[options\] \[command\]/);
    for (const command of ['init', 'unlock-check', 'backup', 'users', 'contacts', 'report']) {
      expect(help.stdout).toContain(`  ${command}`);
    }
  });

  it('speaks Ukrainian when the locale says so', async () => {
    const run = await zamok(checkMissingVault, {
      env: { LANG: 'uk_UA.UTF-8', LC_ALL: undefined },
    });
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^zamok: .*[а-яіїєґ]/);
  });
});
