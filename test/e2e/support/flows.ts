/**
 * The user's paths through the app, driven through the real UI in English: the setup wizard, signing
 * in (authenticator or recovery code), signing out. Labels come from src-renderer/i18n/en.ts.
 */
import { expect, type Page } from '@playwright/test';
import { totpCodes, type TotpCodes } from './totp';

/** The owner created by the wizard, with what a person would keep from it. */
export interface Owner {
  login: string;
  displayName: string;
  password: string;
  /** Codes from the authenticator secret shown on the two-factor step. */
  totp: TotpCodes;
  recoveryKey: string;
  recoveryCodes: string[];
}

/** Called on each wizard screen once it is ready (screenshot, accessibility check). */
export type OnScreen = (name: string) => Promise<void>;

const OWNER = {
  login: 'olena',
  // A display name that appears nowhere in the interface text, so a search for it finds only data.
  displayName: 'Олена Стрілецька',
  password: 'lemon tractor violin harbour',
} as const;

/** Creating a vault calibrates Argon2id for real: a few seconds on this machine, more under load. */
const CREATE_VAULT_TIMEOUT_MS = 45_000;
/** One sign-in derives the key once (~0.75 s); generous for a loaded 2-core machine. */
export const SIGN_IN_TIMEOUT_MS = 20_000;

/** Runs the four wizard steps from an empty vault folder and opens the app. */
export async function runSetupWizard(page: Page, onScreen?: OnScreen): Promise<Owner> {
  const seen = onScreen ?? (async () => undefined);

  await expect(page.getByRole('heading', { name: 'Where to keep the vault' })).toBeVisible();
  await expect(page.getByLabel('Vault folder')).not.toHaveValue('');
  await seen('setup-1-vault');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'The owner account' })).toBeVisible();
  await page.getByLabel('Login').fill(OWNER.login);
  await page.getByLabel('Full name').fill(OWNER.displayName);
  await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
  await page.getByLabel('Repeat the password').fill(OWNER.password);
  await expect(page.getByText('The password meets the requirements.')).toBeVisible();
  await seen('setup-2-account');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { name: 'Two-step sign-in' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code for the authenticator app' })).toBeVisible();
  const manualKey = (await page.getByTestId('totp-manual-key').textContent()) ?? '';
  expect(manualKey.replace(/\s+/g, '')).toMatch(/^[A-Z2-7]{16,}$/);
  const totp = totpCodes(manualKey);
  await seen('setup-3-two-factor');
  await page.getByLabel('Code from the app').fill(await totp.next());
  await page.getByRole('button', { name: 'Create the vault' }).click();

  const key = page.getByTestId('recovery-key');
  await expect(key).toBeVisible({ timeout: CREATE_VAULT_TIMEOUT_MS });
  const recoveryKey = ((await key.textContent()) ?? '').trim();
  const recoveryCodes = (
    await page.getByTestId('recovery-codes').locator('li').allTextContents()
  ).map(code => code.trim());
  expect(recoveryKey).not.toBe('');
  expect(recoveryCodes).toHaveLength(10);
  expect(new Set(recoveryCodes).size).toBe(10);
  const open = page.getByRole('button', { name: 'Open Zamok' });
  await expect(open).toBeDisabled();
  await seen('setup-4-recovery-kit');
  await page.getByLabel('The recovery kit is stored in a safe place').check();
  await open.click();

  await expectShell(page, OWNER.displayName);
  // The kit is shown once: it is gone from the page as soon as the app opens.
  expect(await page.content()).not.toContain(recoveryKey);
  return { ...OWNER, totp, recoveryKey, recoveryCodes };
}

/** The signed-in app: navigation and the signed-in user's name in the header. */
export async function expectShell(page: Page, displayName: string): Promise<void> {
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible({
    timeout: SIGN_IN_TIMEOUT_MS,
  });
  await expect(page.getByTestId('signed-in-user')).toContainText(displayName);
}

/** Signs out from the app and waits for the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
}

/** What the sign-in form gets: the authenticator code, or a recovery code, or neither. */
export interface SignInAttempt {
  login: string;
  password: string;
  totpCode?: string;
  recoveryCode?: string;
}

/** Fills the sign-in screen and submits it (the result is for the caller to check). */
export async function submitSignIn(page: Page, attempt: SignInAttempt): Promise<void> {
  await page.getByLabel('Login').fill(attempt.login);
  await page.getByLabel('Password', { exact: true }).fill(attempt.password);
  if (attempt.recoveryCode !== undefined) {
    await showRecoveryCodeField(page);
    await page.getByLabel('Recovery code').fill(attempt.recoveryCode);
  } else if (attempt.totpCode !== undefined) {
    await page.getByLabel('Code from the authenticator app').fill(attempt.totpCode);
  }
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Switches the second factor to "recovery code" unless it already is. */
export async function showRecoveryCodeField(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Use a recovery code instead' });
  if (await toggle.isVisible()) await toggle.click();
  await expect(page.getByLabel('Recovery code')).toBeVisible();
}

/** The generic failure every wrong login, password or code gets (no hint which one was wrong). */
export const SIGN_IN_FAILED = 'The login, password or code is wrong. Check them and try again.';

/** Waits until a failed attempt has come back: the password field is cleared and the alert shows. */
export async function expectSignInRefused(page: Page, message: string | RegExp): Promise<void> {
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('', {
    timeout: SIGN_IN_TIMEOUT_MS,
  });
  await expect(page.getByRole('alert')).toContainText(message);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
}
