/**
 * The staff table's row menu (Change role, Reset 2FA, Dismiss) as the owner meets it: opened from the
 * keyboard it focuses its first action, arrows move, Escape closes back on its button, and the open
 * menu passes the axe check in English and Ukrainian (screenshots of both).
 */
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreen } from './support/screens';
import { callAsPage, openSection } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

test('users: the row menu opens by keyboard and passes axe while open (en, uk)', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(120_000);
  const host = { origin: hostOrigin, token: hostToken };
  await runSetupWizard(page);
  const created = await callAsPage(page, host, 'zamok:users.create', {
    login: 'taras.melnyk',
    displayName: 'Тарас Мельник',
    role: 'manager',
    setupPassword: 'amber kettle willow ninety',
  });
  expect(created.result.ok).toBe(true);

  await openSection(page, 'Users');
  const row = page
    .getByRole('table', { name: 'Staff' })
    .getByRole('row', { name: /taras\.melnyk/ });
  const button = row.getByRole('button', { name: 'Actions for Тарас Мельник' });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Change role' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Reset 2FA' })).toBeFocused();
  await checkScreen(page, testInfo, 'users-row-menu');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await page
    .getByRole('table', { name: 'Працівники' })
    .getByRole('button', { name: 'Дії: Тарас Мельник' })
    .click();
  await expect(menu.getByRole('menuitem', { name: 'Звільнити' })).toBeVisible();
  await checkScreen(page, testInfo, 'users-row-menu-uk');
});
