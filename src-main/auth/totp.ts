/**
 * TOTP (RFC 6238) for the second sign-in factor: SHA-1, 6 digits, 30-second steps, one step of
 * clock drift either way: the parameters every authenticator app supports by default.
 *
 * TOTP is a gate, not a key factor (see docs/THREAT_MODEL.md): the secret lives inside the encrypted
 * database, so it guards the running app, not a stolen vault file. Times are milliseconds since the
 * epoch (`Date.now()`), injectable for tests.
 */
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** The fixed TOTP parameters (Google Authenticator defaults; changing them breaks enrolled apps). */
export const TOTP_PARAMS = {
  algorithm: 'sha1',
  digits: 6,
  period: 30,
  /** Seconds of tolerance each way: exactly one 30-second step before or after. */
  epochTolerance: 30,
} as const;

const CODE_PATTERN = /^\d{6}$/u;

/** Result of a replay-protected check: the accepted time step, to be stored as the user's last step. */
export type TotpStepResult = { valid: true; step: number } | { valid: false; step: null };

function epochSeconds(now: number): number {
  return Math.floor(now / 1000);
}

/** A fresh random secret: 20 bytes (160 bits, RFC 4226's recommendation) as Base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app scans as a QR code: "Zamok: olena". */
export function totpUri(secret: string, login: string, issuer = 'Zamok'): string {
  return generateURI({
    issuer,
    label: login,
    secret,
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
  });
}

/** The current code for a secret (for tests and the CLI's enrollment check; never logged). */
export function generateTotp(secret: string, now: number = Date.now()): string {
  return generateSync({
    secret,
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
    epoch: epochSeconds(now),
  });
}

/**
 * Checks a code against the secret, one step of drift either way, WITHOUT replay protection.
 * Use it only where replay does not matter (confirming enrollment); sign-in uses `verifyTotpStep`.
 * Anything that is not exactly six digits is simply wrong (false), never an exception.
 */
export function verifyTotp(secret: string, code: string, now: number = Date.now()): boolean {
  return verifyTotpStep(secret, code, null, now).valid;
}

/**
 * Checks a code and refuses any time step at or before `lastStep` (the step of the user's last
 * accepted code, stored in the database), so a code seen over a shoulder or replayed within its
 * 90-second window does not work twice. On success store the returned `step` as the new last step.
 */
export function verifyTotpStep(
  secret: string,
  code: string,
  lastStep: number | null,
  now: number = Date.now(),
): TotpStepResult {
  if (lastStep !== null && (!Number.isSafeInteger(lastStep) || lastStep < 0)) {
    throw new RangeError('lastStep must be a non-negative integer time step or null');
  }
  if (!CODE_PATTERN.test(code)) return { valid: false, step: null };
  // A last step beyond the window (the clock was once ahead, or was turned back) means every
  // acceptable step is "used": refuse until time catches up (recovery codes still work).
  const newestAcceptable = Math.floor(
    (epochSeconds(now) + TOTP_PARAMS.epochTolerance) / TOTP_PARAMS.period,
  );
  if (lastStep !== null && lastStep >= newestAcceptable) return { valid: false, step: null };
  const result = verifySync({
    secret,
    token: code,
    algorithm: TOTP_PARAMS.algorithm,
    digits: TOTP_PARAMS.digits,
    period: TOTP_PARAMS.period,
    epoch: epochSeconds(now),
    epochTolerance: TOTP_PARAMS.epochTolerance,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  if (!result.valid) return { valid: false, step: null };
  if (!('timeStep' in result)) throw new Error('otplib returned a TOTP result without a time step');
  return { valid: true, step: result.timeStep };
}
