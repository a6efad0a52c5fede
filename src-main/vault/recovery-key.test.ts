import { describe, expect, it } from 'vitest';
import {
  decodeRecoveryKey,
  encodeRecoveryKey,
  generateRecoveryKey,
  RECOVERY_KEY_BYTES,
} from './recovery-key';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('recovery key', () => {
  it('is 160 random bits printed as nine groups of four Crockford base32 characters', () => {
    const { bytes, text } = generateRecoveryKey();
    expect(bytes.length * 8).toBeGreaterThanOrEqual(128);
    expect(bytes.length).toBe(RECOVERY_KEY_BYTES);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(generateRecoveryKey().text).not.toBe(text);
  });

  it('reads back what it printed, forgiving case, spaces and the look-alikes I, L, O', () => {
    const { bytes, text } = generateRecoveryKey();
    const typed = text.toLowerCase().replaceAll('-', ' ').replaceAll('1', 'l').replaceAll('0', 'o');
    const decoded = decodeRecoveryKey(`  ${typed} `);
    expect(decoded).toEqual({ ok: true, bytes });
  });

  it('catches every single mistyped character through the checksum group', () => {
    const bytes = Buffer.from('00112233445566778899aabbccddeeff01234567', 'hex');
    const text = encodeRecoveryKey(bytes).replaceAll('-', '');
    for (let i = 0; i < text.length; i++) {
      for (const ch of ALPHABET) {
        if (ch === text[i]) continue;
        const typo = text.slice(0, i) + ch + text.slice(i + 1);
        const decoded = decodeRecoveryKey(typo);
        expect(decoded.ok, `typo at ${i}`).toBe(false);
      }
    }
  });

  it('catches swapped neighbours, a missing group and foreign characters', () => {
    const { text } = generateRecoveryKey();
    const flat = text.replaceAll('-', '');
    const swapAt = [...flat].findIndex((c, i) => c !== flat[i + 1]);
    const swapped =
      flat.slice(0, swapAt) + flat[swapAt + 1] + flat[swapAt] + flat.slice(swapAt + 2);
    expect(decodeRecoveryKey(swapped)).toEqual({ ok: false, problem: 'checksum' });
    expect(decodeRecoveryKey(text.slice(5))).toEqual({ ok: false, problem: 'length' });
    expect(decodeRecoveryKey(`U${flat.slice(1)}`)).toEqual({ ok: false, problem: 'characters' });
  });
});
