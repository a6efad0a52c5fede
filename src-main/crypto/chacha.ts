/**
 * ChaCha20-Poly1305 (RFC 8439) for the backup payload (age STREAM) and office sync's sealed changes:
 * Node's own cipher where the runtime has it, else @noble/ciphers (audited, pure JS; already in the
 * tree under age-encryption). Why both: Electron builds Node on BoringSSL, which offers this cipher
 * only through its EVP_AEAD interface, so `createCipheriv('chacha20-poly1305')` throws "Unknown
 * cipher" there (electron/electron#24024) while plain Node (OpenSSL) has it at ~10× the speed of
 * the JS one. The two give identical bytes (chacha.test.ts checks both ways and RFC 8439's vector).
 */
import { createCipheriv, createDecipheriv, getCiphers } from 'node:crypto';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';

/** Bytes of the Poly1305 tag. */
export const CHACHA_TAG = 16;

/** One implementation: seal gives ciphertext and tag; open gives the plaintext or null. */
export interface ChaCha {
  readonly native: boolean;
  seal(key: Uint8Array, nonce: Uint8Array, plain: Uint8Array, aad?: Uint8Array): [Buffer, Buffer];
  open(
    key: Uint8Array,
    nonce: Uint8Array,
    body: Uint8Array,
    tag: Uint8Array,
    aad?: Uint8Array,
  ): Buffer | null;
}

const nodeChaCha: ChaCha = {
  native: true,
  seal(key, nonce, plain, aad) {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: CHACHA_TAG });
    if (aad) cipher.setAAD(aad, { plaintextLength: plain.length });
    const body = cipher.update(plain);
    cipher.final();
    return [body, cipher.getAuthTag()];
  },
  open(key, nonce, body, tag, aad) {
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, {
      authTagLength: CHACHA_TAG,
    });
    if (aad) decipher.setAAD(aad, { plaintextLength: body.length });
    decipher.setAuthTag(tag);
    const plain = decipher.update(body);
    try {
      decipher.final();
    } catch {
      return null;
    }
    return plain;
  },
};

const jsChaCha: ChaCha = {
  native: false,
  seal(key, nonce, plain, aad) {
    const sealed = chacha20poly1305(key, nonce, aad).encrypt(plain);
    const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    return [b.subarray(0, b.length - CHACHA_TAG), b.subarray(b.length - CHACHA_TAG)];
  },
  open(key, nonce, body, tag, aad) {
    const joined = new Uint8Array(body.length + tag.length);
    joined.set(body);
    joined.set(tag, body.length);
    try {
      const plain = chacha20poly1305(key, nonce, aad).decrypt(joined);
      return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
    } catch {
      return null;
    }
  },
};

/** Whether this runtime's node:crypto has the cipher (Node on OpenSSL: yes; Electron: no). */
export function hasNativeChaCha(): boolean {
  return getCiphers().includes('chacha20-poly1305');
}

/** The implementation for `native` (tests pick the JS one on Node to prove the fallback). */
export function chachaImpl(native: boolean): ChaCha {
  return native ? nodeChaCha : jsChaCha;
}

let chosen: ChaCha | null = null;

/** This runtime's implementation: Node's when it has the cipher, else the JS one. */
export function chacha(): ChaCha {
  chosen ??= chachaImpl(hasNativeChaCha());
  return chosen;
}

/** Tests only: run everything on one implementation as if the runtime were Electron (null: reset). */
export function useChaChaForTests(impl: ChaCha | null): void {
  chosen = impl;
}
