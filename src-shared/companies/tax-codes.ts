/**
 * Ukrainian registration numbers and their check digits.
 *
 * ЄДРПОУ (legal entities): 8 digits, the last a check digit. The first seven are weighted 1…7, or
 * 7, 1…6 for codes from 30 000 000 to 59 999 999; the sum mod 11 is the check digit. When that
 * remainder is 10 the weights are raised by 2 and the sum taken again; a second 10 counts as 0.
 * A separate subdivision (branch) may be written with 10 digits: its legal entity's 8-digit code
 * (checked as above) followed by a two-digit branch number.
 *
 * РНОКПП (individuals, sole traders): 10 digits; the first nine weighted −1, 5, 7, 9, 4, 6, 10, 5, 7,
 * the sum mod 11 mod 10 is the check digit.
 */

/** What is wrong with a code, if anything. */
export type TaxCodeCheck = 'ok' | 'format' | 'checksum';

const EDRPOU_BASE = [1, 2, 3, 4, 5, 6, 7] as const;
const EDRPOU_ALTERNATIVE = [7, 1, 2, 3, 4, 5, 6] as const;
const RNOKPP_WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;

function digitsOf(code: string): number[] {
  return [...code].map(Number);
}

function weighted(digits: readonly number[], weights: readonly number[], add: number): number {
  return weights.reduce((sum, weight, i) => sum + (weight + add) * (digits[i] ?? 0), 0);
}

/** Removes spaces, dashes and dots people put between digit groups ("3285 5961"). */
export function compactCode(text: string): string {
  return text.replace(/[\s.-]/gu, '');
}

/** The check digit of an 8-digit ЄДРПОУ from its first seven digits (`code` has ≥ 7 digits). */
export function edrpouCheckDigit(code: string): number {
  const digits = digitsOf(code.slice(0, 7));
  const value = Number(code.slice(0, 8).padEnd(8, '0'));
  const weights = value >= 30_000_000 && value < 60_000_000 ? EDRPOU_ALTERNATIVE : EDRPOU_BASE;
  const first = weighted(digits, weights, 0) % 11;
  if (first < 10) return first;
  return (weighted(digits, weights, 2) % 11) % 10;
}

/** Checks an ЄДРПОУ: 8 digits, or 10 for a branch (the entity's 8 digits + branch number). */
export function checkEdrpou(text: string): TaxCodeCheck {
  const code = compactCode(text);
  if (!/^(?:\d{8}|\d{10})$/u.test(code)) return 'format';
  return edrpouCheckDigit(code) === Number(code[7]) ? 'ok' : 'checksum';
}

/** The check digit of a РНОКПП from its first nine digits. */
export function rnokppCheckDigit(code: string): number {
  const sum = weighted(digitsOf(code.slice(0, 9)), RNOKPP_WEIGHTS, 0);
  // JavaScript's % keeps the sign; the weights can make the sum negative only for all-zero prefixes.
  return (((sum % 11) + 11) % 11) % 10;
}

/** Checks a РНОКПП (individual taxpayer number): 10 digits with a valid check digit. */
export function checkRnokpp(text: string): TaxCodeCheck {
  const code = compactCode(text);
  if (!/^\d{10}$/u.test(code)) return 'format';
  return rnokppCheckDigit(code) === Number(code[9]) ? 'ok' : 'checksum';
}
