/**
 * CLI input and output: secrets from the environment or standard input (never from arguments, which
 * other users can see in the process list), one-line errors, exit codes, JSON mode. Everything a run
 * reads or writes goes through its `CliIo`, so tests run commands in-process with fake streams.
 */
import { readFileSync } from 'node:fs';
import type { CallError, ErrorCode, Result } from '../../src-shared/ipc/contract';
import { resolveLocale, translate, type Locale } from '../../src-shared/i18n/messages';
import { terminalJson, terminalSafe } from './terminal-text';

/**
 * Exit codes (README "CLI"): 0 ok, 1 other, 2 usage, 3 authentication, 4 vault, 5 audit chain broken,
 * 6 backup unreadable (corrupt, truncated, wrong key), 7 backup or restore could not write (the
 * destination or the vault's disk is full, gone or read-only), 8 the vault is damaged (its last changes
 * are missing or a page fails its check: restore a backup), 9 the vault is busy in another process.
 */
export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  auth: 3,
  vault: 4,
  auditBroken: 5,
  backup: 6,
  storage: 7,
  damaged: 8,
  inUse: 9,
} as const;

const EXIT_BY_CODE: Partial<Record<ErrorCode, number>> = {
  invalid_input: EXIT.usage,
  weak_password: EXIT.usage,
  unknown_channel: EXIT.usage,
  auth_failed: EXIT.auth,
  locked_out: EXIT.auth,
  unauthenticated: EXIT.auth,
  forbidden: EXIT.auth,
  password_change_required: EXIT.auth,
  vault_missing: EXIT.vault,
  vault_corrupt: EXIT.vault,
  // A damaged slot is a damaged vault file, not a failed sign-in.
  key_slot_damaged: EXIT.vault,
  vault_newer: EXIT.vault,
  vault_unknown_migration: EXIT.vault,
  vault_not_writable: EXIT.vault,
  vault_full: EXIT.storage,
  vault_damaged: EXIT.damaged,
  vault_in_use: EXIT.inUse,
  vault_network_share: EXIT.vault,
  vault_exists: EXIT.vault,
};

/** What a CLI run talks to: the process's streams and environment, or a test's fakes. */
export interface CliIo {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Whether standard error is a terminal (the backup progress bar is drawn only there). */
  errIsTty: boolean;
  /** All of standard input; called at most once per run, when a command first needs a line. */
  readStdin(): string;
  /** The environment: passwords (ZAMOK_PASSWORD, ZAMOK_NEW_PASSWORD), locale, config folders. */
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process: its stdout, stderr, stdin (file descriptor 0) and environment. */
export function processIo(): CliIo {
  return {
    out: text => void process.stdout.write(text),
    err: text => void process.stderr.write(text),
    errIsTty: process.stderr.isTTY === true,
    readStdin: () => readFileSync(0, 'utf8'),
    env: process.env,
  };
}

/** Options every command accepts. */
export interface GlobalOptions {
  vault?: string;
  json?: boolean;
  debug?: boolean;
  passwordStdin?: boolean;
}

/** One run of the CLI: its streams, clock and global options, and what it has read from stdin. */
export interface CliContext {
  readonly io: CliIo;
  /** Milliseconds since the epoch: TOTP steps and the app's clock. */
  readonly clock: () => number;
  /** The global options (parsed before any command action runs). */
  globals(): GlobalOptions;
  /** The stdin lines not handed out yet (null until stdin is first read). */
  stdinLines: string[] | null;
}

/** A failure that ends the command with an exit code and one line on stderr. */
export class CliExit extends Error {
  override readonly name = 'CliExit';
  constructor(
    readonly exitCode: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The locale tag of the environment (LC_ALL, then LC_MESSAGES, then LANG). */
export function localeTag(env: CliIo['env']): string {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
}

/** A terminal speaks the user's language only when the locale says Ukrainian; "C" and others get English. */
export function cliLocale(env: CliIo['env']): Locale {
  const tag = localeTag(env);
  return /^(uk|ru)/i.test(tag) ? resolveLocale(tag) : 'en';
}

/** The user-facing line for a call error, in the user's language (LANG), plus the English detail. */
export function describeError(error: CallError, locale: Locale): string {
  const vars: Record<string, string | number> = {};
  const retry = error.details?.retryAfterSeconds;
  if (typeof retry === 'number') {
    vars.seconds = retry;
    vars.minutes = Math.max(1, Math.ceil(retry / 60));
  }
  let line = translate(locale, `errors.${error.code}`, vars);
  const issues = error.details?.issues;
  if (Array.isArray(issues)) {
    const reasons = issues.map(i => translate(locale, `password.${String(i)}` as never));
    line += ` ${reasons.join(' ')}`;
  }
  return error.code === 'internal' || line.includes(error.message)
    ? line
    : `${line} (${error.message})`;
}

/** Unwraps a router result or throws the matching CliExit (its line in `locale`). */
export function unwrap<T>(result: Result<T>, locale: Locale): T {
  if (result.ok) return result.value;
  throw new CliExit(
    EXIT_BY_CODE[result.error.code] ?? EXIT.other,
    describeError(result.error, locale),
    result.error.code,
  );
}

/** Reads standard input once and hands out its lines in order (recovery key, then a password, …). */
export function nextStdinLine(cli: CliContext, what: string): string {
  cli.stdinLines ??= cli.io.readStdin().split(/\r?\n/);
  const line = cli.stdinLines.shift();
  if (line === undefined || line === '') {
    throw new CliExit(EXIT.usage, `Expected ${what} on standard input.`);
  }
  return line;
}

/** The acting user's password: `--password-stdin` or the ZAMOK_PASSWORD variable. */
export function readPassword(cli: CliContext): string {
  if (cli.globals().passwordStdin) return nextStdinLine(cli, 'the password');
  const fromEnv = cli.io.env.ZAMOK_PASSWORD;
  if (!fromEnv) {
    throw new CliExit(EXIT.usage, 'Give the password in ZAMOK_PASSWORD or with --password-stdin.');
  }
  return fromEnv;
}

/**
 * Prints a result: JSON in --json mode, else the human lines — both through the terminal sanitiser
 * (./terminal-text.ts), since record text may hold escape sequences or bidi controls.
 */
export function printResult(cli: CliContext, value: unknown, human: () => string[]): void {
  if (cli.globals().json) cli.io.out(`${terminalJson(value)}\n`);
  else for (const line of human()) cli.io.out(`${terminalSafe(line)}\n`);
}
