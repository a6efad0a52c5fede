/**
 * The server's cryptography, all from Node's own crypto: Ed25519 signature checks on raw 32-byte
 * public keys, SHA-256, HMAC-SHA256 tokens, random bytes. The server holds no private key of a
 * device and never a partition key.
 */
import {
  createHash,
  createHmac,
  createPublicKey,
  randomBytes,
  timingSafeEqual,
  verify,
} from 'node:crypto';

/** Whether `signature` is `publicKey`'s (raw 32-byte Ed25519) signature of `message` (UTF-8). */
export function verifyEd25519(publicKey: Buffer, message: string, signature: Buffer): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
      format: 'jwk',
    });
    return verify(null, Buffer.from(message, 'utf8'), key, signature);
  } catch {
    return false;
  }
}

/** SHA-256 of the given parts, concatenated. */
export function sha256(...parts: (Buffer | string)[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** `n` random bytes. */
export function random(n: number): Buffer {
  return randomBytes(n);
}

/** Compares two byte strings in constant time (false when their lengths differ). */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A token: base64url(JSON claims) "." base64url(HMAC-SHA256(secret, claims)). */
export function signToken(secret: Buffer, claims: { deviceId: string; expiresAt: number }): string {
  const body = Buffer.from(JSON.stringify({ d: claims.deviceId, e: claims.expiresAt })).toString(
    'base64url',
  );
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The claims of a token this secret signed and that has not expired at `now`; null otherwise. */
export function readToken(
  secret: Buffer,
  token: string,
  now: number,
): { deviceId: string; expiresAt: number } | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = createHmac('sha256', secret).update(body).digest();
  if (!sameBytes(Buffer.from(mac, 'base64url'), expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return null;
    const { d, e } = claims as { d?: unknown; e?: unknown };
    if (typeof d !== 'string' || typeof e !== 'number' || e <= now) return null;
    return { deviceId: d, expiresAt: e };
  } catch {
    return null;
  }
}
