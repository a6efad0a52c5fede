/**
 * How a slot wraps the data key (docs/VAULT_FORMAT.md):
 *   secretKey = Argon2id(secret, kdf.salt, kdf.m/t/p)                       32 bytes
 *   slotKey   = HKDF-SHA256(ikm = secretKey ‖ deviceSecret?, salt = kdf.salt,
 *                           info = "zamok/keyring/v1/slot-key/<kind>/<bound|unbound>")
 *   wrapped   = AES-256-GCM(slotKey, iv, dataKey, aad = slotAad(...))
 * The associated data binds the wrapped key to its vault, slot id, kind, login hash and binding, so a
 * slot copied into another vault, or relabelled with another login's hash, fails authentication.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { deriveKey, type KdfParams } from './kdf';
import type { Slot } from './keyring';

/** Bytes of the data key (SQLCipher raw key). */
export const DATA_KEY_BYTES = 32;

/** The wrapping fields of a slot, as stored. */
export interface WrappedKey {
  iv: string;
  wrappedKey: string;
  tag: string;
}

/** What the associated data of a slot is built from. */
export interface SlotIdentity {
  vaultId: string;
  id: string;
  kind: Slot['kind'];
  loginHash?: string;
  deviceBound: boolean;
}

function slotAad(s: SlotIdentity): Buffer {
  const parts = [
    'zamok/keyring/v1',
    s.vaultId,
    s.id,
    s.kind,
    s.loginHash ?? '',
    s.deviceBound ? 'bound' : 'unbound',
  ];
  return Buffer.from(parts.join('\n'), 'utf8');
}

/** Derives the 32-byte slot key from a password (NFC) or recovery-key bytes, plus the device secret when bound. */
export async function deriveSlotKey(
  secret: string | Uint8Array,
  kdf: KdfParams & { salt: string },
  slot: Pick<SlotIdentity, 'kind' | 'deviceBound'>,
  deviceSecret: Buffer | null,
): Promise<Buffer> {
  if (slot.deviceBound !== (deviceSecret !== null)) {
    throw new Error('A device-bound slot needs the device secret, an unbound one must not get it.');
  }
  const salt = Buffer.from(kdf.salt, 'base64');
  const input = typeof secret === 'string' ? secret.normalize('NFC') : secret;
  const secretKey = await deriveKey(input, salt, kdf);
  const ikm = deviceSecret ? Buffer.concat([secretKey, deviceSecret]) : secretKey;
  const info = `zamok/keyring/v1/slot-key/${slot.kind}/${slot.deviceBound ? 'bound' : 'unbound'}`;
  const slotKey = Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
  secretKey.fill(0);
  ikm.fill(0);
  return slotKey;
}

/** Encrypts the data key under a slot key. */
export function wrapDataKey(slotKey: Buffer, dataKey: Buffer, identity: SlotIdentity): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', slotKey, iv);
  cipher.setAAD(slotAad(identity));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Decrypts the data key; null when the slot key is wrong or the slot was tampered with. */
export function unwrapDataKey(
  slotKey: Buffer,
  wrapped: WrappedKey,
  identity: SlotIdentity,
): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', slotKey, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(slotAad(identity));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    const key = Buffer.concat([
      decipher.update(Buffer.from(wrapped.wrappedKey, 'base64')),
      decipher.final(),
    ]);
    return key.length === DATA_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** A fresh 16-byte KDF salt, base64. */
export function newSalt(): string {
  return randomBytes(16).toString('base64');
}
