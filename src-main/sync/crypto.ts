/**
 * The laptop's office cryptography: device keys (Ed25519 to sign in and approve, X25519 to receive
 * partition keys), sealing a change under its partition key (ChaCha20-Poly1305, associated data =
 * partition, key version, change id, so a change cannot be replayed into another partition or key
 * version), and wrapping a partition key to a device (X25519 with a fresh ephemeral key, HKDF-SHA256,
 * ChaCha20-Poly1305). Node's own crypto, ChaCha20-Poly1305 through ../crypto/chacha.ts (Electron's
 * BoringSSL lacks it in node:crypto).
 */
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import { chacha } from '../crypto/chacha';

/** A device's two key pairs: private halves as PKCS#8 DER, public halves as raw base64. */
export interface DeviceKeys {
  signPrivate: Buffer;
  boxPrivate: Buffer;
  signPublic: string;
  boxPublic: string;
}

/** The raw 32-byte public key (base64) of an Ed25519 or X25519 key. */
export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}

function der(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' });
}

/** Fresh device keys. */
export function generateDeviceKeys(): DeviceKeys {
  const signing = generateKeyPairSync('ed25519');
  const box = generateKeyPairSync('x25519');
  return {
    signPrivate: der(signing.privateKey),
    boxPrivate: der(box.privateKey),
    signPublic: rawPublicKey(signing.publicKey),
    boxPublic: rawPublicKey(box.publicKey),
  };
}

/** The Ed25519 signature (base64) of `text` by a PKCS#8 DER private key. */
export function signText(signPrivate: Buffer, text: string): string {
  const key = createPrivateKey({ key: signPrivate, format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
}

function x25519Public(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

const NONCE = 12;
const TAG = 16;

function encrypt(key: Buffer, aad: Buffer, plaintext: Buffer): Buffer {
  const nonce = randomBytes(NONCE);
  const [body, tag] = chacha().seal(key, nonce, plaintext, aad);
  return Buffer.concat([nonce, body, tag]);
}

function decrypt(key: Buffer, aad: Buffer, sealed: Buffer): Buffer {
  if (sealed.length < NONCE + TAG) throw new SealError();
  const nonce = sealed.subarray(0, NONCE);
  const tag = sealed.subarray(sealed.length - TAG);
  const plain = chacha().open(key, nonce, sealed.subarray(NONCE, sealed.length - TAG), tag, aad);
  if (plain === null) throw new SealError();
  return plain;
}

/** A sealed change or envelope did not open: wrong key, wrong partition/version/id, or altered. */
export class SealError extends Error {
  constructor() {
    super('A sealed office change did not open.');
    this.name = 'SealError';
  }
}

function changeAad(partitionId: string, keyVersion: number, changeId: string): Buffer {
  return Buffer.from(`zamok-office/change/v1\n${partitionId}\n${keyVersion}\n${changeId}`, 'utf8');
}

/** Seals a change's plaintext (base64 nonce ‖ ciphertext ‖ tag). */
export function sealChange(
  key: Buffer,
  at: { partitionId: string; keyVersion: number; changeId: string },
  plaintext: string,
): string {
  const aad = changeAad(at.partitionId, at.keyVersion, at.changeId);
  return encrypt(key, aad, Buffer.from(plaintext, 'utf8')).toString('base64');
}

/** Opens a sealed change; `SealError` when anything about it does not match. */
export function openChange(
  key: Buffer,
  at: { partitionId: string; keyVersion: number; changeId: string },
  sealed: string,
): string {
  const aad = changeAad(at.partitionId, at.keyVersion, at.changeId);
  return decrypt(key, aad, Buffer.from(sealed, 'base64')).toString('utf8');
}

function wrapKey(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  const info = `zamok-office/envelope/v1\n${ephemeral}\n${recipient}`;
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), info, 32));
}

function envelopeAad(partitionId: string, keyVersion: number): Buffer {
  return Buffer.from(`zamok-office/envelope/v1\n${partitionId}\n${keyVersion}`, 'utf8');
}

/**
 * Wraps a partition key to a device's X25519 public key (raw base64): ephemeral public key (32) ‖
 * sealed key. Bound to the partition and version, so an envelope is not usable for another.
 */
export function wrapPartitionKey(
  partitionKey: Buffer,
  recipientBoxPublic: string,
  at: { partitionId: string; keyVersion: number },
): string {
  const ephemeral = generateKeyPairSync('x25519');
  const recipient = x25519Public(Buffer.from(recipientBoxPublic, 'base64'));
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const key = wrapKey(shared, ephemeralRaw, recipientBoxPublic);
  const sealed = encrypt(key, envelopeAad(at.partitionId, at.keyVersion), partitionKey);
  return Buffer.concat([Buffer.from(ephemeralRaw, 'base64'), sealed]).toString('base64');
}

/** Unwraps an envelope with this device's X25519 private key; `SealError` when it does not open. */
export function unwrapPartitionKey(
  wrapped: string,
  boxPrivate: Buffer,
  boxPublic: string,
  at: { partitionId: string; keyVersion: number },
): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  if (bytes.length < 32 + NONCE + TAG) throw new SealError();
  const ephemeralRaw = bytes.subarray(0, 32);
  const privateKey = createPrivateKey({ key: boxPrivate, format: 'der', type: 'pkcs8' });
  const shared = diffieHellman({ privateKey, publicKey: x25519Public(ephemeralRaw) });
  const key = wrapKey(shared, ephemeralRaw.toString('base64'), boxPublic);
  return decrypt(key, envelopeAad(at.partitionId, at.keyVersion), bytes.subarray(32));
}

/** Where a document chunk belongs: associated data of its seal. */
export interface ChunkPlace {
  partitionId: string;
  keyVersion: number;
  documentId: string;
  index: number;
}

function chunkAad(at: ChunkPlace): Buffer {
  return Buffer.from(
    `zamok-office/document-chunk/v1\n${at.partitionId}\n${at.keyVersion}\n${at.documentId}\n${at.index}`,
    'utf8',
  );
}

/**
 * Seals one chunk of a document's plaintext under the partition key (nonce ‖ ciphertext ‖ tag).
 * The associated data binds it to its partition, key version, document and place in the file, so
 * the server cannot swap chunks between places, documents or partitions.
 */
export function sealChunk(key: Buffer, at: ChunkPlace, plaintext: Buffer): Buffer {
  return encrypt(key, chunkAad(at), plaintext);
}

/** Opens a sealed chunk; `SealError` when it was altered or belongs elsewhere. */
export function openChunk(key: Buffer, at: ChunkPlace, sealed: Buffer): Buffer {
  return decrypt(key, chunkAad(at), sealed);
}
