import { describe, expect, it } from 'vitest';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  hashRecoveryCodes,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  recoveryCodeMatches,
} from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct XXXX-XXXX-XXXX codes of at least 50 bits each', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
    expect(RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(
      50,
    );
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('uses every symbol of the alphabet roughly evenly (no bias toward some symbols)', () => {
    const counts = new Map<string, number>();
    const codes = generateRecoveryCodes(100).concat(generateRecoveryCodes(100));
    for (const code of codes)
      for (const c of code.replaceAll('-', '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 2400 symbols / 32 = 75 expected each; a biased generator drifts far outside this band.
    for (const n of counts.values()) expect(n).toBeGreaterThan(35);
  });

  it('accepts what a person actually types: case, spaces, dashes, O/I/L for 0/1', () => {
    const canonical = '0123ABCD1XYZ';
    for (const typed of [
      '0123-ABCD-1XYZ',
      '0123abcd1xyz',
      ' 0123 abcd 1xyz ',
      'O123-abcd-IXYZ',
      'o123–abcd—lxyz',
    ]) {
      expect(normaliseRecoveryCode(typed), typed).toBe(canonical);
    }
  });

  it('refuses input that cannot be a code', () => {
    for (const typed of [
      '',
      '0123-ABCD',
      '0123-ABCD-1XYZ-9',
      '0123-ABCD-1XYU',
      '0123-ABCD-1XY!',
      'x'.repeat(1000),
    ]) {
      expect(normaliseRecoveryCode(typed), typed).toBeNull();
    }
    expect(() => hashRecoveryCode('nope', 'ab'.repeat(16))).toThrow(RangeError);
    expect(() => hashRecoveryCode('0123-ABCD-1XYZ', 'short')).toThrow(RangeError);
  });

  it('stores salted hashes: the code is not recoverable and equal codes hash differently', () => {
    const [code] = generateRecoveryCodes(1) as [string];
    const [a, b] = hashRecoveryCodes([code, code]) as [
      { codeHash: string; salt: string },
      { codeHash: string; salt: string },
    ];
    expect(a.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.codeHash).not.toBe(b.codeHash);
    expect(a.codeHash).not.toContain(code.replaceAll('-', '').toLowerCase());
  });

  it('matches the right code in any typed form and nothing else', () => {
    const codes = generateRecoveryCodes();
    const [stored] = hashRecoveryCodes(codes);
    if (stored === undefined) throw new Error('no codes');
    const first = codes[0] ?? '';
    expect(recoveryCodeMatches(first, stored)).toBe(true);
    expect(recoveryCodeMatches(first.toLowerCase().replaceAll('-', ' '), stored)).toBe(true);
    expect(recoveryCodeMatches(codes[1] ?? '', stored)).toBe(false);
    expect(recoveryCodeMatches('garbage', stored)).toBe(false);
    expect(recoveryCodeMatches(first, { ...stored, codeHash: 'abcd' })).toBe(false);
  });
});
