/**
 * Bulk actions and filters on the deal list, end to end, in Ukrainian (issue 18, point 6): the head
 * opens the list view of her deals, narrows it by amount ("Сума від 10 000"), chooses the two
 * remaining deals by their boxes and gives them to a manager in one `bulk.reassign` request; the
 * amounts read as money with the hryvnia sign. Screenshot of the chosen rows; axe finds nothing
 * serious.
 */
import type { Deal, DealListPage } from '../../src-shared/deals';
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import {
  addStaff,
  callAsPage,
  colleagueId,
  DARYNA,
  firstSignIn,
  HANNA,
  openSection,
} from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

test('deals bulk: a head filters the deal list by amount and gives two deals to a manager', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(300_000);
  const host = { origin: hostOrigin, token: hostToken };
  await runSetupWizard(page);
  await addStaff(page, [HANNA, DARYNA]);

  await firstSignIn(page, HANNA);
  const darynaId = await colleagueId(page, host, DARYNA);
  for (const [title, amountMinor] of [
    ['Поставка борошна', 1_250_050],
    ['Обладнання пекарні', 4_000_000],
    ['Пробна партія', 50_000],
  ] as const) {
    const { result } = await callAsPage<Deal>(page, host, 'zamok:deals.create', {
      deal: { title, amountMinor, currency: 'UAH' },
    });
    expect(result.ok, `creates ${title}`).toBe(true);
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await openSection(page, 'Deals');
  await expect(page.getByRole('heading', { name: 'Deals', level: 1 })).toBeVisible();
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Угоди', level: 1 })).toBeVisible();
  await page.getByText('Список', { exact: true }).click();
  const rows = page.getByTestId('deal-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Поставка борошна' })).toContainText(/12\s500,50\s₴/);

  await page.getByLabel('Сума від', { exact: true }).fill('10 000');
  await expect(rows).toHaveCount(2);

  await page.getByRole('checkbox', { name: 'Вибрати угоду «Поставка борошна»' }).check();
  await page.getByRole('checkbox', { name: 'Вибрати угоду «Обладнання пекарні»' }).check();
  await expect(page.getByText('Вибрано 2 записи')).toBeVisible();
  await checkScreenSoft(page, testInfo, 'deals-bulk-chosen-uk');
  await page
    .getByRole('group', { name: 'Дії з вибраними записами' })
    .getByRole('button', { name: 'Передати' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Передати вибрані записи' });
  await dialog.getByRole('combobox', { name: 'Новий відповідальний' }).click();
  await page.getByRole('option', { name: DARYNA.displayName }).click();
  await dialog.getByRole('button', { name: 'Передати' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Змінено 2 записи.')).toBeVisible();

  const { result } = await callAsPage<DealListPage>(page, host, 'zamok:deals.list', {
    filter: { ownerId: darynaId },
  });
  expect(result.ok && result.value.items.map(d => d.title).sort()).toEqual([
    'Обладнання пекарні',
    'Поставка борошна',
  ]);
  await page.getByText('English', { exact: true }).click();
});
