/**
 * Ukrainian and English: the language control on the setup wizard and on the sign-in screen switches
 * every visible string and <html lang>, the choice survives a reload, errors come translated too, and
 * a new vault starts in Ukrainian whatever the system's language.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runSetupWizard, signOut, SIGN_IN_TIMEOUT_MS } from './support/flows';
import { checkScreen } from './support/screens';

/** Clicks a language in the switch (each is named in itself) and waits for <html lang>. */
async function chooseLanguage(page: Page, name: 'Українська' | 'English'): Promise<void> {
  await page.getByText(name, { exact: true }).click();
  await expect(page.getByRole('radio', { name })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('lang', name === 'English' ? 'en' : 'uk');
}

test.describe('on an English system', () => {
  // No stored choice: the app's own default, as a new office meets it.
  test.use({ locale: 'en-GB', appLanguage: null });

  test('a new vault starts in Ukrainian; the wizard and the sign-in screen switch languages', async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await expect(page.getByRole('heading', { name: 'Налаштування Zamok', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('heading', { name: 'Де зберігати сховище' })).toBeVisible();
    await expect(page.getByLabel('Тека сховища')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Далі' })).toBeVisible();
    await expect(page.getByText('Set up Zamok')).toHaveCount(0);
    await checkScreen(page, testInfo, 'setup-1-vault-uk');

    await chooseLanguage(page, 'English');
    await expect(page.getByRole('heading', { name: 'Set up Zamok', level: 1 })).toBeVisible();
    // The choice is remembered (a preference, not client data).
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Set up Zamok', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Where to keep the vault' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
    await expect(page.getByText('Налаштування Zamok')).toHaveCount(0);

    const owner = await runSetupWizard(page);
    await signOut(page);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

    await chooseLanguage(page, 'Українська');
    await expect(page.getByRole('heading', { name: 'Вхід', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Логін')).toBeVisible();
    await expect(page.getByLabel('Код із застосунку автентифікації')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Увійти' })).toBeVisible();
    await page.getByRole('button', { name: 'Використати код відновлення' }).click();
    await expect(page.getByLabel('Код відновлення')).toBeVisible();
    await checkScreen(page, testInfo, 'sign-in-recovery-code-uk');

    // Errors from the main process are shown in the chosen language too.
    await page.getByLabel('Логін').fill(owner.login);
    await page.getByLabel('Пароль', { exact: true }).fill('не той пароль');
    await page.getByLabel('Код відновлення').fill(owner.recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Увійти' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Неправильний логін, пароль або код. Перевірте їх і спробуйте ще раз.',
      { timeout: SIGN_IN_TIMEOUT_MS },
    );
    await checkScreen(page, testInfo, 'sign-in-failed-uk');

    await chooseLanguage(page, 'English');
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Recovery code')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(
      'The login, password or code is wrong. Check them and try again.',
    );
  });
});

test.describe('on a Ukrainian system', () => {
  test.use({ locale: 'uk-UA', appLanguage: null });

  test('the app starts in Ukrainian without being asked', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'Налаштування Zamok', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('radio', { name: 'Українська' })).toBeChecked();
  });
});
