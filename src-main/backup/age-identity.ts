/**
 * The backup's X25519 age identity, derived from the owner's recovery key so that the recovery kit
 * alone opens every backup (with Zamok or with the standard `age -d -i identity.txt`):
 *
 *   scalar = HKDF-SHA256(ikm = recovery key bytes, salt = 'zamok-backup-x25519', info = vaultId, 32)
 *   identity = bech32('AGE-SECRET-KEY-', scalar) in upper case, as age writes it
 *
 * Only the public recipient (`age1…`) is stored (vault_meta and backup.json); the identity exists
 * only while a restore or a verification with the recovery key runs.
 */
import { hkdfSync } from 'node:crypto';
import { identityToRecipient } from 'age-encryption';
import { decodeRecoveryKey } from '../vault';
import { BackupError } from './errors';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i] ?? 0;
  }
  return chk;
}

function hrpExpand(hrp: string): number[] {
  const codes = [...hrp].map(c => c.charCodeAt(0));
  return [...codes.map(c => c >>> 5), 0, ...codes.map(c => c & 31)];
}

function toWords(bytes: Uint8Array): number[] {
  const words: number[] = [];
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      words.push((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) words.push((value << (5 - bits)) & 31);
  return words;
}

/** BIP-173 bech32 (not bech32m, which age does not use) of `bytes` under a lower-case `hrp`. */
export function bech32Encode(hrp: string, bytes: Uint8Array): string {
  const words = toWords(bytes);
  const mod = polymod([...hrpExpand(hrp), ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...words, ...checksum].map(w => CHARSET[w]).join('')}`;
}

/** The age identity (`AGE-SECRET-KEY-1…`) of a vault's backups, from the raw recovery key bytes. */
export function backupIdentityFromBytes(recoveryKeyBytes: Uint8Array, vaultId: string): string {
  const scalar = Buffer.from(
    hkdfSync('sha256', recoveryKeyBytes, 'zamok-backup-x25519', vaultId, 32),
  );
  try {
    return bech32Encode('age-secret-key-', scalar).toUpperCase();
  } finally {
    scalar.fill(0);
  }
}

/** The same from the printed recovery key; a mistyped key is `wrong_key`. */
export function backupIdentity(recoveryKey: string, vaultId: string): string {
  const decoded = decodeRecoveryKey(recoveryKey);
  if (!decoded.ok) {
    throw new BackupError('wrong_key', 'This is not a valid recovery key (check it for typos).');
  }
  try {
    return backupIdentityFromBytes(decoded.bytes, vaultId);
  } finally {
    decoded.bytes.fill(0);
  }
}

/** The public recipient (`age1…`) for an identity. */
export function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

/** True for a syntactically valid X25519 age recipient. */
export function isAgeRecipient(text: string): boolean {
  return /^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/.test(text);
}
