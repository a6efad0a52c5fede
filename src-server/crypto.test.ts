/**
 * The server's token and signature checks: a token is refused once expired, when its claims or
 * MAC are edited, or under another office's secret; an Ed25519 signature only verifies for its own
 * key and text.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { random, readToken, signToken, verifyEd25519 } from './crypto';

describe('office tokens', () => {
  const secret = random(32);
  const token = signToken(secret, { deviceId: 'device-1', expiresAt: 2_000 });

  it('reads back its claims until it expires', () => {
    expect(readToken(secret, token, 1_999)).toEqual({ deviceId: 'device-1', expiresAt: 2_000 });
    expect(readToken(secret, token, 2_000)).toBeNull();
  });

  it('refuses edited claims, an edited MAC, another secret, and junk', () => {
    const [body = '', mac = ''] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ d: 'device-2', e: 2_000 })).toString(
      'base64url',
    );
    expect(readToken(secret, `${forgedBody}.${mac}`, 0)).toBeNull();
    expect(readToken(secret, `${body}.${mac.slice(0, -2)}AA`, 0)).toBeNull();
    expect(readToken(random(32), token, 0)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', `${body}.`])
      expect(readToken(secret, junk, 0)).toBeNull();
  });
});

describe('Ed25519 checks', () => {
  it('verifies only the signer’s key over the signed text', () => {
    const keys = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519');
    const raw = (k: typeof keys) =>
      Buffer.from(k.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
    const signature = sign(null, Buffer.from('hello office'), keys.privateKey);
    expect(verifyEd25519(raw(keys), 'hello office', signature)).toBe(true);
    expect(verifyEd25519(raw(keys), 'hello office!', signature)).toBe(false);
    expect(verifyEd25519(raw(other), 'hello office', signature)).toBe(false);
    expect(verifyEd25519(raw(keys).subarray(1), 'hello office', signature)).toBe(false);
  });
});
