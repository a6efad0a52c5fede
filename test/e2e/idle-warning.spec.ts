/**
 * Issue 18 points 8 and 9, in Ukrainian: the 30-second warning before the idle lock. Playwright's
 * clock drives the idle timer (as in sign-in-and-lock.spec.ts and zoom.spec.ts). The warning shows
 * 30 seconds before the 10-minute lock; «Продовжити роботу» keeps the session; a second idle period
 * locks; the unlock returns to the half-filled contact form with its text, the owner's custom field
 * included. Each screen is screenshotted and checked with axe (no serious findings).
 */
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { runSetupWizard, SIGN_IN_TIMEOUT_MS } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { openSection } from './support/staff';

test('the idle warning comes first, «Продовжити роботу» keeps the session, the lock keeps the draft', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.clock.install();
  await page.reload();
  const owner = await runSetupWizard(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSection(page, 'Users');
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');

  // Користувачі → Додаткові поля: a text field for contacts.
  await page.getByRole('tab', { name: 'Додаткові поля' }).click();
  await page.getByLabel('Назва поля', { exact: true }).fill('Побажання');
  await page.getByRole('button', { name: 'Додати поле' }).click();
  await expect(page.getByRole('button', { name: 'Вище: Побажання' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Розділи' })
    .getByRole('button', { name: 'Контакти', exact: true })
    .click();
  await page.getByRole('button', { name: 'Новий контакт' }).click();
  await expect(page).toHaveURL(/#\/contacts\/new$/);
  await page.getByLabel('Ім’я', { exact: true }).fill('Ярина');
  await page.getByLabel('Побажання', { exact: true }).fill('Дзвонити після обіду');

  // 9 min 31 s without input: the warning with its countdown, the form still behind it.
  const stay = page.getByRole('button', { name: 'Продовжити роботу' });
  await page.clock.fastForward('09:31');
  await expect(page.getByRole('dialog', { name: 'Zamok скоро заблокується' })).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toContainText(/Блокування через \d+ с/u);
  await expect(stay).toBeVisible();
  await checkScreenSoft(page, testInfo, 'idle-warning-uk');

  // «Продовжити роботу»: the warning goes, the session stays well past the first deadline.
  await stay.click();
  await expect(stay).toBeHidden();
  await page.clock.fastForward('01:00');
  await expect(page.getByRole('button', { name: 'Розблокувати' })).toHaveCount(0);
  await expect(page.getByLabel('Побажання', { exact: true })).toHaveValue('Дзвонити після обіду');

  // A second idle period (9 min 31 s since the click): the warning again, then the lock.
  await page.clock.fastForward('08:31');
  await expect(stay).toBeVisible();
  await page.clock.fastForward('00:31');
  await expect(page.getByRole('button', { name: 'Розблокувати' })).toBeVisible();
  // The draft is in memory only, not in the page nor in Web Storage.
  const stored = await page.evaluate(() => ({
    storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
    page: document.documentElement.outerHTML,
  }));
  expect(stored.storage).not.toContain('обіду');
  expect(stored.page).not.toContain('обіду');
  await checkScreenSoft(page, testInfo, 'idle-locked-uk');

  await page.getByLabel('Пароль', { exact: true }).fill(owner.password);
  await page.getByLabel('Код із застосунку автентифікації').fill(await owner.totp.next());
  await page.getByRole('button', { name: 'Розблокувати' }).click();
  await expect(page.getByLabel('Ім’я', { exact: true })).toHaveValue('Ярина', {
    timeout: SIGN_IN_TIMEOUT_MS,
  });
  await expect(page).toHaveURL(/#\/contacts\/new$/);
  await expect(page.getByLabel('Побажання', { exact: true })).toHaveValue('Дзвонити після обіду');
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await checkScreenSoft(page, testInfo, 'idle-unlocked-draft-uk');
});
