/**
 * Five wrong passwords pause sign-in for the login: the fifth answer is a lockout alert with the
 * wait time, the form refuses to submit while it counts down, and the host itself refuses even the
 * right password and a valid code until the wait is over; after it, the right password works.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  expectShell,
  expectSignInRefused,
  runSetupWizard,
  SIGN_IN_FAILED,
  signOut,
  submitSignIn,
} from './support/flows';
import { checkScreen } from './support/screens';

test.use({ locale: 'en-GB' });

const LOCKED_OUT = 'Too many failed attempts. Sign-in for this login is paused for a while.';

/** Seconds in "You can try again in 29 s." (the first lockout is 30 s, see src-main/auth/lockout.ts). */
async function shownWaitSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('retry-wait').textContent()) ?? '';
  const match = /^You can try again in (\d+) s\.$/.exec(text.trim());
  expect(match, `wait text: ${text}`).not.toBeNull();
  return Number(match?.[1]);
}

test('5 wrong passwords lock the login out with the wait shown; the right password is refused until it passes', async ({
  page,
}, testInfo) => {
  // Setup, six Argon2id derivations, and the 30-s lockout itself.
  test.setTimeout(120_000);
  const owner = await runSetupWizard(page);
  await signOut(page);

  for (let attempt = 1; attempt <= 4; attempt += 1) {
    // A valid code: only the password is wrong.
    await submitSignIn(page, {
      login: owner.login,
      password: `${owner.password} ${attempt}`,
      totpCode: owner.totp.peek(),
    });
    await expectSignInRefused(page, SIGN_IN_FAILED);
  }
  await submitSignIn(page, {
    login: owner.login,
    password: 'not the password 5',
    totpCode: owner.totp.peek(),
  });
  await expectSignInRefused(page, LOCKED_OUT);
  const firstWait = await shownWaitSeconds(page);
  expect(firstWait).toBeGreaterThan(0);
  expect(firstWait).toBeLessThanOrEqual(30);
  // The countdown keeps the form from submitting while it runs.
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeDisabled();
  await checkScreen(page, testInfo, 'sign-in-locked-out');

  // A fresh page has no countdown: the host itself refuses the right password and a valid code.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await submitSignIn(page, {
    login: owner.login,
    password: owner.password,
    totpCode: owner.totp.peek(),
  });
  await expectSignInRefused(page, LOCKED_OUT);
  const secondWait = await shownWaitSeconds(page);
  expect(secondWait).toBeGreaterThan(0);
  expect(secondWait).toBeLessThanOrEqual(firstWait);

  // Once the wait is over, the same password opens the app (the refusal was the lockout).
  await expect(page.getByTestId('retry-wait')).toHaveText('You can try again now.', {
    timeout: (secondWait + 5) * 1000,
  });
  await submitSignIn(page, {
    login: owner.login,
    password: owner.password,
    totpCode: await owner.totp.next(),
  });
  await expectShell(page, owner.displayName);
});
