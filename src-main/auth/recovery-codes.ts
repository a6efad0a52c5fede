/**
 * One-time recovery codes: ten per account, made at TOTP enrollment, shown once, stored only as
 * salted HMAC-SHA256 hashes inside the encrypted database. Each works once instead of a TOTP code.
 *
 * Format: `ABCD-EFGH-JKMN`, 12 symbols of Crockford's Base32 alphabet (no I, L, O, U) = 60 bits.
 * Typing is forgiving: case, dashes and spaces do not matter, and O/I/L read as 0/1/1.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Crockford's Base32 alphabet: 32 symbols, none easily confused with another. */
export const RECOVERY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Symbols per code (5 bits each: 60 bits, well above the 50-bit floor). */
export const RECOVERY_CODE_LENGTH = 12;
/** Codes made at each enrollment. */
export const RECOVERY_CODE_COUNT = 10;

const GROUP = 4;
const SALT_BYTES = 16;
const CONFUSABLES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** A code ready for the database: the hash and its per-code salt (both hex). */
export interface HashedRecoveryCode {
  codeHash: string;
  salt: string;
}

function formatCode(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join('-');
}

/** `count` distinct fresh codes, formatted `ABCD-EFGH-JKMN`. Show them once; store only hashes. */
export function generateRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  if (!Number.isSafeInteger(count) || count < 1 || count > 100) {
    throw new RangeError('count must be an integer from 1 to 100');
  }
  const codes = new Set<string>();
  while (codes.size < count) {
    // 32 divides 256, so the low 5 bits of a random byte are uniform: no modulo bias.
    const bytes = randomBytes(RECOVERY_CODE_LENGTH);
    let symbols = '';
    for (const byte of bytes) symbols += RECOVERY_CODE_ALPHABET[byte & 31];
    codes.add(formatCode(symbols));
  }
  return [...codes];
}

/**
 * The canonical form of a typed code (12 upper-case symbols, no separators), or null when it
 * cannot be a recovery code. Accepts lower case, spaces, dashes (incl. Unicode dashes), O/I/L.
 */
export function normaliseRecoveryCode(input: string): string | null {
  if (input.length > 64) return null;
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212_]+/gu, '');
  let symbols = '';
  for (const char of compact) {
    const symbol = CONFUSABLES[char] ?? char;
    if (!RECOVERY_CODE_ALPHABET.includes(symbol)) return null;
    symbols += symbol;
  }
  return symbols.length === RECOVERY_CODE_LENGTH ? symbols : null;
}

/** A fresh random salt (hex) for one code. */
export function newRecoveryCodeSalt(): string {
  return randomBytes(SALT_BYTES).toString('hex');
}

/**
 * HMAC-SHA256(salt, canonical code) as hex. Throws a RangeError for input that is not a recovery
 * code, so a malformed code can never be hashed into something that matches.
 */
export function hashRecoveryCode(code: string, salt: string): string {
  const canonical = normaliseRecoveryCode(code);
  if (canonical === null) throw new RangeError('not a recovery code');
  if (!/^[0-9a-f]{32,}$/u.test(salt)) throw new RangeError('salt must be at least 16 bytes of hex');
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(canonical, 'utf8').digest('hex');
}

/** Hashes freshly generated codes, each with its own salt, in the same order. */
export function hashRecoveryCodes(codes: readonly string[]): HashedRecoveryCode[] {
  return codes.map(code => {
    const salt = newRecoveryCodeSalt();
    return { codeHash: hashRecoveryCode(code, salt), salt };
  });
}

/** Whether a typed code matches a stored hash (constant-time compare; false for malformed input). */
export function recoveryCodeMatches(code: string, stored: HashedRecoveryCode): boolean {
  if (normaliseRecoveryCode(code) === null) return false;
  const actual = Buffer.from(hashRecoveryCode(code, stored.salt), 'hex');
  const expected = Buffer.from(stored.codeHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
