/**
 * The owner's recovery key: 160 random bits written as Crockford base32 in groups of four, plus one
 * checksum group (20 bits of SHA-256), e.g. `7Q2M-K9TD-…-X4PZ` (9 groups). Crockford's alphabet has no
 * I, L, O or U; when reading, I/L count as 1 and O as 0, case and separators are ignored, so a key
 * copied from paper is forgiving while the checksum still catches a mistyped character.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random bytes in a recovery key (160 bits; the issue asks for at least 128). */
export const RECOVERY_KEY_BYTES = 20;
const DATA_CHARS = (RECOVERY_KEY_BYTES * 8) / 5; // 32
const CHECK_CHARS = 4;

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function checksum(bytes: Uint8Array): string {
  const digest = createHash('sha256').update('zamok-recovery-key-v1').update(bytes).digest();
  return toBase32(digest.subarray(0, 3)).slice(0, CHECK_CHARS); // first 20 bits
}

/** Formats raw recovery-key bytes for printing. */
export function encodeRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_KEY_BYTES) throw new Error('A recovery key is 20 bytes.');
  const text = toBase32(bytes) + checksum(bytes);
  return text.match(/.{4}/g)?.join('-') ?? text;
}

/** A fresh random recovery key: raw bytes (to derive the slot key) and the printable text. */
export function generateRecoveryKey(): { bytes: Buffer; text: string } {
  const bytes = randomBytes(RECOVERY_KEY_BYTES);
  return { bytes, text: encodeRecoveryKey(bytes) };
}

/** Why a typed recovery key was rejected before any key derivation. */
export type RecoveryKeyProblem = 'length' | 'characters' | 'checksum';

/**
 * Reads a typed recovery key back to its 20 bytes. Returns the problem instead when the text has the
 * wrong length, a character outside the alphabet, or a checksum that does not match (a typo).
 */
export function decodeRecoveryKey(
  text: string,
): { ok: true; bytes: Buffer } | { ok: false; problem: RecoveryKeyProblem } {
  const clean = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (clean.length !== DATA_CHARS + CHECK_CHARS) return { ok: false, problem: 'length' };
  const bytes = fromBase32(clean.slice(0, DATA_CHARS));
  if (!bytes || !/^[0-9A-HJKMNP-TV-Z]+$/.test(clean)) return { ok: false, problem: 'characters' };
  if (checksum(bytes) !== clean.slice(DATA_CHARS)) return { ok: false, problem: 'checksum' };
  return { ok: true, bytes };
}
