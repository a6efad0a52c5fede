import { describe, expect, it } from 'vitest';
import { checkEdrpou, checkRnokpp, edrpouCheckDigit } from './tax-codes';

// Codes of real, published legal entities (from the state register, as collected by python-stdnum's
// tests), covering both weight ranges and the second pass.
const REAL_EDRPOU = [
  '00032129', // a state bank, the classic example
  '14360570', // a large commercial bank
  '00022438',
  '00130926',
  '02070987',
  '14282829',
  '20077720',
  '25083040',
  '30327425', // 30M–60M: weights 7, 1…6
  '32855961',
  '36598008',
  '39434500',
  '40081221',
  '43808820',
];

// РНОКПП published by sole traders in public registers (python-stdnum's tests).
const REAL_RNOKPP = ['1759013776', '2530414071', '2199602758', '3022512606', '3451517675'];

describe('ЄДРПОУ', () => {
  it.each(REAL_EDRPOU)('accepts the published code %s', code => {
    expect(checkEdrpou(code)).toBe('ok');
  });

  it('refuses a code whose last digit was mistyped', () => {
    expect(checkEdrpou('32855968')).toBe('checksum');
    expect(checkEdrpou('00032128')).toBe('checksum');
  });

  it('refuses wrong lengths and letters as a format problem', () => {
    for (const code of ['', '1234567', '123456789', '12345678901', 'VV855961', '3285596І'])
      expect(checkEdrpou(code)).toBe('format');
  });

  it('allows spaces between digit groups', () => {
    expect(checkEdrpou(' 3285 5961 ')).toBe('ok');
  });

  it('takes a branch code as the entity code plus a two-digit branch number', () => {
    expect(checkEdrpou('3285596101')).toBe('ok');
    expect(checkEdrpou('3285596801')).toBe('checksum');
  });

  it('uses the second pass (weights + 2) when the first remainder is 10', () => {
    // The first prefix (below 30M: weights 1…7) whose first pass leaves 10.
    const prefix = Array.from({ length: 1000 }, (_, i) => String(i).padStart(7, '0')).find(
      p => [...p].reduce((s, d, i) => s + (i + 1) * Number(d), 0) % 11 === 10,
    );
    expect(prefix).toBeDefined();
    const p = prefix ?? '';
    const second = ([...p].reduce((s, d, i) => s + (i + 3) * Number(d), 0) % 11) % 10;
    expect(edrpouCheckDigit(p)).toBe(second);
    expect(checkEdrpou(`${p}${second}`)).toBe('ok');
  });
});

describe('РНОКПП', () => {
  it.each(REAL_RNOKPP)('accepts the published number %s', code => {
    expect(checkRnokpp(code)).toBe('ok');
  });

  it('refuses a mistyped check digit, a wrong length and letters', () => {
    expect(checkRnokpp('1759013770')).toBe('checksum');
    expect(checkRnokpp('12345')).toBe('format');
    expect(checkRnokpp('VV59013776')).toBe('format');
  });
});
