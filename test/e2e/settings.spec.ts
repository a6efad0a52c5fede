/**
 * Office settings end to end, in Ukrainian: the owner opens Налаштування → Офіс, names the office,
 * picks a 5-minute auto-lock and euros; the header shows the name at once and the vault keeps the
 * choices. A new deal then starts in euros, and its close-date picker opens a Ukrainian calendar
 * («грудень 2026»-style month name, Monday first). Screenshots of both; axe finds nothing serious.
 */
import type { OfficeSettings } from '../../src-shared/settings/office';
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import type { Page } from '@playwright/test';
import { callAsPage } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

/** Opens a section from the Ukrainian navigation («Розділи»). */
async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Розділи' })
    .getByRole('button', { name, exact: true })
    .click();
}

/** «грудень 2026»: the month's standalone name in Ukrainian and the year, as the calendar shows it. */
function ukrainianMonth(date: Date): string {
  const name = new Intl.DateTimeFormat('uk', { month: 'long' }).format(date);
  return `${name} ${date.getFullYear()}`;
}

test('settings: the owner names the office and sets the auto-lock; a Ukrainian date picker opens Monday first', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(240_000);
  const host = { origin: hostOrigin, token: hostToken };
  await runSetupWizard(page);
  await page.getByText('Українська', { exact: true }).click();

  await openSection(page, 'Налаштування');
  await page.getByRole('tab', { name: 'Офіс' }).click();
  await expect(page.getByRole('heading', { name: 'Налаштування офісу' })).toBeVisible();
  await page.getByLabel('Назва офісу', { exact: true }).fill('ТОВ «Ромашка»');
  await page.getByRole('combobox', { name: 'Автоматичне блокування' }).click();
  await page.getByRole('option', { name: '5 хв', exact: true }).click();
  await page.getByRole('combobox', { name: 'Валюта за замовчуванням' }).click();
  await page.getByRole('option', { name: 'EUR', exact: true }).click();
  await page.getByRole('button', { name: 'Зберегти', exact: true }).click();
  await expect(page.getByText('Налаштування збережено')).toBeVisible();
  await expect(page.getByTestId('office-name')).toHaveText('ТОВ «Ромашка»');
  await checkScreenSoft(page, testInfo, 'office-settings-uk');

  // Kept in the vault (read back through the bridge as the signed-in owner).
  const { result } = await callAsPage<OfficeSettings>(page, host, 'zamok:settings.office', {});
  expect(result.ok && result.value).toEqual({
    officeName: 'ТОВ «Ромашка»',
    currency: 'EUR',
    weekStart: 'monday',
    autoLockMinutes: 5,
  });

  // A new deal starts in euros; its close date opens a Ukrainian calendar, Monday first.
  await openSection(page, 'Угоди');
  await page.getByRole('button', { name: 'Нова угода', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Валюта' })).toHaveValue('EUR');
  await page.getByLabel('Очікувана дата закриття', { exact: true }).click();
  const today = new Date(await page.evaluate(() => Date.now()));
  await expect(page.getByRole('button', { name: ukrainianMonth(today) })).toBeVisible();
  const weekdays = page.getByRole('table').first().getByRole('columnheader');
  await expect(weekdays.first()).toHaveText('пн');
  await expect(weekdays.last()).toHaveText('нд');
  await checkScreenSoft(page, testInfo, 'deal-close-date-picker-uk');

  // Typed the Ukrainian way, shown in words.
  const close = page.getByLabel('Очікувана дата закриття', { exact: true });
  await close.fill('24.12.2026');
  await close.press('Tab');
  await expect(close).toHaveValue('24 грудня 2026');
});
