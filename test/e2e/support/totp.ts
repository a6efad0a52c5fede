/**
 * TOTP codes for end-to-end sign-ins, computed in the test with the app's own generator. The host
 * accepts each 30-second step only once per user (replay protection) and one step of drift either
 * way, so every code handed out here uses a step later than the last one used: the current step,
 * else the next one, else (two sign-ins already in this step) it waits for the clock to move on.
 */
import { generateTotp } from '../../../src-main/auth/totp';

const STEP_MS = 30_000;

/** Hands out codes for one user's secret, never the same 30-s step twice. */
export interface TotpCodes {
  /** A code that the host will accept now and that has not been used yet (it is marked used). */
  next(): Promise<string>;
  /** The current step's code without marking it used (for attempts that must fail elsewhere). */
  peek(): string;
}

function sleep(ms: number): Promise<void> {
  return new Promise(done => setTimeout(done, ms));
}

/** Codes for `secret` (Base32, spaces ignored), tracking the last step this test used. */
export function totpCodes(secret: string): TotpCodes {
  const key = secret.replace(/\s+/g, '');
  let lastStep = -1;
  return {
    async next() {
      const current = Math.floor(Date.now() / STEP_MS);
      const step = Math.max(current, lastStep + 1);
      if (step > current + 1) {
        // Both the current and the next step are used: wait until `step` is the next step (+50 ms).
        await sleep((step - 1) * STEP_MS - Date.now() + 50);
      }
      lastStep = step;
      // Middle of the step, so the code belongs to `step` whatever rounding otplib does.
      return generateTotp(key, step * STEP_MS + STEP_MS / 2);
    },
    peek() {
      return generateTotp(key, Date.now());
    },
  };
}
