/**
 * CLI input and output: secrets from the environment or standard input (never from arguments, which
 * other users can see in the process list), one-line errors, exit codes, JSON mode.
 */
import { readFileSync } from 'node:fs';
import type { CallError, ErrorCode, Result } from '../../src-shared/ipc/contract';
import { resolveLocale, translate } from '../../src-shared/i18n/messages';

/**
 * Exit codes (README "CLI"): 0 ok, 1 other, 2 usage, 3 authentication, 4 vault, 5 audit chain broken,
 * 6 backup unreadable (corrupt, truncated, wrong key), 7 backup or restore could not write (the
 * destination or the vault's disk is full, gone or read-only).
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
  vault_newer: EXIT.vault,
  vault_unknown_migration: EXIT.vault,
  vault_not_writable: EXIT.vault,
  vault_exists: EXIT.vault,
};

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

// A terminal speaks the user's language only when the locale says Ukrainian; "C" and others get English.
const localeTag = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
const locale = /^(uk|ru)/i.test(localeTag) ? resolveLocale(localeTag) : 'en';

/** The user-facing line for a call error, in the user's language (LANG), plus the English detail. */
export function describeError(error: CallError): string {
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

/** Unwraps a router result or throws the matching CliExit. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CliExit(
    EXIT_BY_CODE[result.error.code] ?? EXIT.other,
    describeError(result.error),
    result.error.code,
  );
}

let stdinLines: string[] | null = null;

/** Reads standard input once and hands out its lines in order (recovery key, then a password, …). */
export function nextStdinLine(what: string): string {
  stdinLines ??= readFileSync(0, 'utf8').split(/\r?\n/);
  const line = stdinLines.shift();
  if (line === undefined || line === '') {
    throw new CliExit(EXIT.usage, `Expected ${what} on standard input.`);
  }
  return line;
}

/** The acting user's password: `--password-stdin` or the ZAMOK_PASSWORD variable. */
export function readPassword(opts: { passwordStdin?: boolean }): string {
  if (opts.passwordStdin) return nextStdinLine('the password');
  const fromEnv = process.env.ZAMOK_PASSWORD;
  if (!fromEnv) {
    throw new CliExit(EXIT.usage, 'Give the password in ZAMOK_PASSWORD or with --password-stdin.');
  }
  return fromEnv;
}

/** Prints a result: JSON in --json mode, else the human lines. */
export function printResult(json: boolean, value: unknown, human: () => string[]): void {
  if (json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else for (const line of human()) process.stdout.write(`${line}\n`);
}
