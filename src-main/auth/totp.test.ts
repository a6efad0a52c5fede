import { describe, expect, it } from 'vitest';
import { generateSync, stringToBytes } from 'otplib';
import {
  generateTotp,
  newTotpSecret,
  TOTP_PARAMS,
  totpUri,
  verifyTotp,
  verifyTotpStep,
} from './totp';

// RFC 6238 Appendix B, SHA-1 rows: the ASCII secret "12345678901234567890", 8 digits.
const RFC_SECRET_ASCII = '12345678901234567890';
// The same 20 bytes in Base32, the form our API stores and authenticator apps use.
const RFC_SECRET_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('reproduces the RFC 6238 Appendix B SHA-1 vectors (8 digits)', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      const generated = generateSync({
        secret: stringToBytes(RFC_SECRET_ASCII),
        algorithm: TOTP_PARAMS.algorithm,
        period: TOTP_PARAMS.period,
        digits: 8,
        epoch: seconds,
      });
      expect(generated, `t=${seconds}`).toBe(code);
    }
  });

  it('accepts the 6-digit form of each RFC vector at its time through our API', () => {
    // Dynamic truncation mod 10^6 = the last six digits of the 8-digit code.
    for (const [seconds, code] of RFC_VECTORS) {
      const now = seconds * 1000;
      expect(generateTotp(RFC_SECRET_BASE32, now)).toBe(code.slice(-6));
      expect(verifyTotp(RFC_SECRET_BASE32, code.slice(-6), now), `t=${seconds}`).toBe(true);
    }
  });

  it('allows one 30-second step of clock drift either way, and no more', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_015_000; // 15 s into a step
    const code = generateTotp(secret, now);
    expect(verifyTotp(secret, code, now)).toBe(true);
    expect(verifyTotp(secret, code, now + 30_000)).toBe(true);
    expect(verifyTotp(secret, code, now - 30_000)).toBe(true);
    expect(verifyTotp(secret, code, now + 60_000)).toBe(false);
    expect(verifyTotp(secret, code, now - 60_000)).toBe(false);
  });

  it('rejects wrong codes, other secrets and malformed input without throwing', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_000_000;
    const code = generateTotp(secret, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(secret, wrong, now)).toBe(false);
    expect(verifyTotp(newTotpSecret(), code, now)).toBe(false);
    for (const bad of ['', '12345', '1234567', 'abcdef', ` ${code}`, `${code}\n`, '１２３４５６']) {
      expect(verifyTotp(secret, bad, now), JSON.stringify(bad)).toBe(false);
    }
  });

  it('refuses a replayed code: the same step never works twice', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_000_000;
    const code = generateTotp(secret, now);
    const first = verifyTotpStep(secret, code, null, now);
    expect(first.valid).toBe(true);
    expect(first.step).toBe(Math.floor(now / 1000 / 30));
    // An onlooker types the same code 20 s later, still inside its window.
    expect(verifyTotpStep(secret, code, first.step, now + 20_000)).toEqual({
      valid: false,
      step: null,
    });
    // The next step's code is fine.
    const next = verifyTotpStep(
      secret,
      generateTotp(secret, now + 30_000),
      first.step,
      now + 30_000,
    );
    expect(next).toEqual({ valid: true, step: (first.step ?? 0) + 1 });
  });

  it('refuses an older code once a newer step was used', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    const previousCode = generateTotp(secret, now - 30_000); // still inside the drift window
    expect(verifyTotpStep(secret, previousCode, null, now).valid).toBe(true);
    expect(verifyTotpStep(secret, previousCode, step, now).valid).toBe(false);
  });

  it('fails closed when the stored last step lies in the future (clock turned back)', () => {
    const secret = newTotpSecret();
    const now = 1_700_000_000_000;
    const code = generateTotp(secret, now);
    const future = Math.floor(now / 30_000) + 100;
    expect(verifyTotpStep(secret, code, future, now)).toEqual({ valid: false, step: null });
    expect(() => verifyTotpStep(secret, code, -1, now)).toThrow(RangeError);
    expect(() => verifyTotpStep(secret, code, 1.5, now)).toThrow(RangeError);
  });

  it('makes 160-bit Base32 secrets, different every time', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('builds an otpauth URI an authenticator app understands', () => {
    const uri = new URL(totpUri(RFC_SECRET_BASE32, 'olena.k'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Zamok:olena.k');
    expect(uri.searchParams.get('secret')).toBe(RFC_SECRET_BASE32);
    expect(uri.searchParams.get('issuer')).toBe('Zamok');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('period') ?? '30').toBe('30');
    expect((uri.searchParams.get('algorithm') ?? 'SHA1').toUpperCase()).toBe('SHA1');
  });
});
