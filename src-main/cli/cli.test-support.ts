/**
 * Helpers for CLI tests (test-only): `zamok …` in-process through `runCli` with fake streams, a fake
 * clock and low Argon2id parameters, or the built bin (`node bin/zamok.mjs`) in a child process for
 * what only a real process shows (exit status, stdin, --help).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import { createZamokApp } from '../app/compose';
import { generateTotp } from '../auth/totp';
import { createNoKeychainStore, type DeviceSecretStore, type KdfParams } from '../vault';
import { TEST_KDF } from '../vault/temp-vault.test-support';
import { runCli } from './run';

/** The repository root (where bin/zamok.mjs is). */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The owner of every vault `createOwnerVault` makes. */
export const CLI_OWNER = {
  login: 'olena',
  displayName: 'Олена Коваль',
  password: 'quiet river under old bridges',
} as const;

/**
 * A vault made in this process for a CLI test: the owner (TOTP enrolled at `enrolledAt`, recovery
 * key and codes in `setup`), no device binding, `TEST_KDF` unless `kdf` says otherwise. The app stays
 * open with the owner signed in, for more set-up through `call` (which throws on a failure); dispose
 * of it before the CLI runs, or keep it for calls between runs.
 */
export async function createOwnerVault(vaultDir: string, o: { kdf?: KdfParams } = {}) {
  const app = createZamokApp({
    vaultDir,
    host: 'cli',
    kdf: o.kdf ?? TEST_KDF,
    deviceStore: createNoKeychainStore(),
  });
  async function call<T = unknown>(channel: string, input: unknown): Promise<T> {
    const result = await app.router.call(`zamok:${channel}`, input, { host: 'cli' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value as T;
  }
  const { secret } = await call<TotpEnrollment>('auth.beginTotpEnrollment', {
    login: CLI_OWNER.login,
  });
  const enrolledAt = Date.now();
  const setup = await call<SetupResult>('auth.createVault', {
    vaultDir,
    login: CLI_OWNER.login,
    displayName: CLI_OWNER.displayName,
    password: CLI_OWNER.password,
    totpCode: generateTotp(secret, enrolledAt),
    deviceBinding: false,
  });
  return { app, call, secret, enrolledAt, setup };
}

/** What a run printed and its exit code. */
export interface CliRunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** A clock the test moves by hand: TOTP steps pass without waiting. */
export interface FakeClock {
  now(): number;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
}

/** One TOTP time step. */
export const TOTP_STEP_MS = 30_000;

/** A fake clock starting at `start` (default: now). */
export function fakeClock(start = Date.now()): FakeClock {
  let now = start;
  return {
    now: () => now,
    advance: ms => {
      now += ms;
    },
  };
}

/** Options of one in-process run. */
export interface InProcessOptions {
  /** Environment on top of `LANG=C LC_ALL=C`; undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Standard input, or an error that reading it throws. */
  input?: string | Error;
  /** The app's clock (default: the system clock). */
  clock?: () => number;
  /** Argon2id parameters for new slots (default: TEST_KDF; undefined calibrates like the app). */
  kdf?: KdfParams | undefined;
  /** The device store (default: none, as `--no-device-binding`). */
  deviceStore?: DeviceSecretStore;
}

/** Runs `zamok <args>` in this process and collects its output (English messages). */
export async function zamokInProcess(
  args: string[],
  o: InProcessOptions = {},
): Promise<CliRunResult> {
  let stdout = '';
  let stderr = '';
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({ LANG: 'C', LC_ALL: 'C', ...o.env })) {
    if (value !== undefined) env[name] = value;
  }
  const input = o.input ?? '';
  const kdf = 'kdf' in o ? o.kdf : TEST_KDF;
  const status = await runCli(
    args,
    {
      out: text => void (stdout += text),
      err: text => void (stderr += text),
      errIsTty: false,
      readStdin: () => {
        if (input instanceof Error) throw input;
        return input;
      },
      env,
    },
    o.clock ?? Date.now,
    { ...(kdf ? { kdf } : {}), deviceStore: o.deviceStore ?? createNoKeychainStore() },
  );
  return { status, stdout, stderr };
}

/**
 * Runs `node bin/zamok.mjs <args>` (the compiled CLI) in a child process in English. `env` values
 * of undefined remove the variable; `stdinFd` gives the child that file descriptor as stdin.
 */
export function zamokProcess(
  args: string[],
  o: { env?: Record<string, string | undefined>; input?: string; stdinFd?: number } = {},
): CliRunResult {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({
    ...process.env,
    LANG: 'C',
    LC_ALL: 'C',
    ...o.env,
  })) {
    if (value !== undefined) env[name] = value;
  }
  const run = spawnSync(process.execPath, ['bin/zamok.mjs', ...args], {
    cwd: REPO,
    env,
    encoding: 'utf8',
    timeout: 120_000,
    ...(o.stdinFd === undefined
      ? { input: o.input ?? '' }
      : { stdio: [o.stdinFd, 'pipe', 'pipe'] as const }),
  });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
