/**
 * The `zamok` bin as a shell runs it (`node bin/zamok.mjs`, the compiled out/cli/zamok.mjs, in a
 * child process): what only a real process shows — exit statuses, a real standard input (a pipe, an
 * unreadable one), --help, and building the CLI first when it is missing. The commands themselves
 * are tested in-process (./cli.test.ts, ./commands/*.test.ts).
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import {
  CLI_OWNER,
  createOwnerVault,
  REPO,
  zamokProcess,
  type CliRunResult,
} from './cli.test-support';

const OWNER = CLI_OWNER.login;
const PASSWORD = CLI_OWNER.password;
const root = makeTempDir('zamok-bin-');
const vault = join(root, 'vault');
let recoveryCodes: string[] = [];

/** An error answer: one line on stderr, no stack frames. */
function expectOneLineError(run: CliRunResult): void {
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^zamok: /);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

beforeAll(async () => {
  // The first run builds out/cli/zamok.mjs when it is missing or stale; later runs only start it.
  expect(zamokProcess(['--help']).status).toBe(0);
  const { app, setup } = await createOwnerVault(vault);
  app.dispose();
  recoveryCodes = setup.recoveryCodes;
}, 120_000);

describe('bin/zamok.mjs', () => {
  it('--help prints the usage on stdout and exits 0', () => {
    const help = zamokProcess(['--help']);
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: zamok \[options\] \[command\]\n/);
    expect(help.stdout).toContain('unlock-check');
  });

  it('--help loads commander only: no zod, phone data, otplib, pdfkit, zxcvbn, age or SQLite', () => {
    const trace = join(root, 'help-loads.txt');
    const run = spawnSync(
      process.execPath,
      ['--import', './src-main/cli/load-trace.test-support.mjs', 'out/cli/zamok.mjs', '--help'],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, ZAMOK_LOAD_TRACE: trace } },
    );
    expect(run.status).toBe(0);
    const loaded = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    const packages = new Set(
      loaded.flatMap(url => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? []),
    );
    expect([...packages]).toEqual(['commander']);
    // The command modules that need the heavy libraries are chunks loaded on first use.
    expect(loaded.filter(url => url.includes('/out/cli/'))).toHaveLength(1);
  });

  it('exits 2 for usage, 3 for a wrong code, 4 for a missing vault, each with one line', () => {
    const env = { ZAMOK_PASSWORD: PASSWORD };
    const usage = zamokProcess(['--vault', vault, 'unlock-check', '--totp', '123456'], { env });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe("error: required option '--login <login>' not specified\n");

    const check = ['unlock-check', '--login', OWNER, '--recovery-code', 'AAAA-BBBB-CCCC'];
    const wrong = zamokProcess(['--vault', vault, ...check], { env });
    expect(wrong.status).toBe(3);
    expectOneLineError(wrong);

    const missing = zamokProcess(['--vault', join(root, 'no-such-folder'), ...check], { env });
    expect(missing.status).toBe(4);
    expectOneLineError(missing);
  });

  it('reads the password from a real standard input with --password-stdin', () => {
    const run = zamokProcess(
      [
        '--vault',
        vault,
        '--password-stdin',
        'unlock-check',
        '--login',
        OWNER,
        '--recovery-code',
        recoveryCodes[0] ?? '',
      ],
      { env: { ZAMOK_PASSWORD: undefined }, input: `${PASSWORD}\n` },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Sign-in works.\n');
  });

  it('finds the migrations, package.json and the PDF fonts from its split-off chunks', () => {
    const out = join(root, 'regulation.pdf');
    const run = zamokProcess(
      [
        '--vault',
        vault,
        'report',
        'regulation',
        '--lang',
        'uk',
        '--out',
        out,
        '--login',
        OWNER,
      ].concat(['--recovery-code', recoveryCodes[1] ?? '']),
      { env: { ZAMOK_PASSWORD: PASSWORD } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an unreadable standard input is an unexpected error: exit 1, the stack only with --debug', () => {
    const args = ['--vault', vault, 'vault', 'key', '--recovery-key-stdin'];
    const folder = openSync(root, 'r');
    try {
      const plain = zamokProcess(args, { stdinFd: folder });
      expect(plain.status).toBe(1);
      expectOneLineError(plain);
      expect(plain.stderr).toContain('--debug');

      const debug = zamokProcess(['--debug', ...args], { stdinFd: folder });
      expect(debug.status).toBe(1);
      expect(debug.stderr).toMatch(/^\s+at /m);
    } finally {
      closeSync(folder);
    }
  });

  it('builds the CLI first when out/cli/zamok.mjs is missing, with one note on stderr', () => {
    // A copy of the checkout's layout (sources and node_modules linked) with no out/ folder.
    const copy = makeTempDir('zamok-bin-build-');
    mkdirSync(join(copy, 'bin'));
    copyFileSync(join(REPO, 'bin', 'zamok.mjs'), join(copy, 'bin', 'zamok.mjs'));
    copyFileSync(join(REPO, 'vite.cli.config.ts'), join(copy, 'vite.cli.config.ts'));
    copyFileSync(join(REPO, 'package.json'), join(copy, 'package.json'));
    for (const linked of [
      'src-main',
      'src-shared',
      'src-server',
      'migrations',
      'build',
      'node_modules',
    ]) {
      symlinkSync(join(REPO, linked), join(copy, linked));
    }
    const help = () =>
      spawnSync(process.execPath, [join(copy, 'bin', 'zamok.mjs'), '--help'], {
        cwd: copy,
        encoding: 'utf8',
        timeout: 120_000,
      });
    const first = help();
    expect(first.stderr).toBe('zamok: building the CLI (out/cli/zamok.mjs is missing)…\n');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Usage: zamok /);
    expect(existsSync(join(copy, 'out', 'cli', 'zamok.mjs'))).toBe(true);

    const second = help();
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
  }, 120_000);
});
