/**
 * Both ChaCha20-Poly1305 implementations (../crypto/chacha.ts): RFC 8439's AEAD test vector
 * (section 2.8.2), each opening what the other sealed, and a changed byte refused by both.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chacha, chachaImpl, hasNativeChaCha } from './chacha';

const hex = (s: string) => Buffer.from(s.replace(/\s/gu, ''), 'hex');
const KEY = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
const NONCE = hex('070000004041424344454647');
const AAD = hex('50515253c0c1c2c3c4c5c6c7');
const PLAIN = Buffer.from(
  "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
);
const TAG = hex('1ae10b594f09e26a7e902ecbd0600691');
const BODY_START = hex('d31a8d34648e60db7b86afbc53ef7ec2');

describe('ChaCha20-Poly1305, node:crypto and @noble/ciphers', () => {
  it.each([true, false])('RFC 8439 2.8.2 (native %s)', native => {
    const impl = chachaImpl(native);
    const [body, tag] = impl.seal(KEY, NONCE, PLAIN, AAD);
    expect(body.subarray(0, 16).equals(BODY_START)).toBe(true);
    expect(tag.equals(TAG)).toBe(true);
    expect(impl.open(KEY, NONCE, body, tag, AAD)?.equals(PLAIN)).toBe(true);
  });

  it('each opens what the other sealed; a changed byte or associated data is refused', () => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const plain = randomBytes(70_000);
    for (const [a, b] of [
      [chachaImpl(true), chachaImpl(false)],
      [chachaImpl(false), chachaImpl(true)],
    ] as const) {
      const [body, tag] = a.seal(key, nonce, plain, AAD);
      expect(b.open(key, nonce, body, tag, AAD)?.equals(plain)).toBe(true);
      const bent = Buffer.from(body);
      bent[9] = (bent[9] ?? 0) ^ 1;
      expect(b.open(key, nonce, bent, tag, AAD)).toBeNull();
      expect(b.open(key, nonce, body, tag, hex('00'))).toBeNull();
    }
  });

  it('this runtime picks node:crypto when it has the cipher (Node on OpenSSL here)', () => {
    expect(chacha().native).toBe(hasNativeChaCha());
    expect(hasNativeChaCha()).toBe(true);
  });
});
