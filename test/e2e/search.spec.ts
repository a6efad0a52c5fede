/**
 * Global search, end to end: the owner's records (a contact with an apostrophe in her name, a
 * company with an ЄДРПОУ) are found from the header box with Ctrl+K, another apostrophe and a
 * different case, grouped by kind; arrows + Enter open the contact's page; a phone fragment finds
 * her too, a piece of the code finds the company, and a click opens its page. A deal's title opens
 * that deal's own page (not just the Deals board), from another section and from the board itself;
 * "My tasks" opens the deal a task belongs to.
 */
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { callAsPage, openSection } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

test('search: type in the header box and open a result', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(180_000);
  const host = { origin: hostOrigin, token: hostToken };
  await runSetupWizard(page);

  const contact = await callAsPage(page, host, 'zamok:contacts.create', {
    contact: {
      surname: 'Коваль',
      givenName: 'Мар’яна',
      phones: [{ number: '+380671234567' }],
    },
  });
  expect(contact.result.ok).toBe(true);
  const company = await callAsPage(page, host, 'zamok:companies.create', {
    company: { name: 'ТОВ «Зелений Гай»', edrpou: '32855961' },
  });
  expect(company.result.ok).toBe(true);

  const box = page.getByRole('combobox', { name: 'Search' });
  const results = page.getByTestId('global-search-results');
  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();

  // Another apostrophe, another case: still her, under "Contacts".
  await box.fill("мар'я");
  await expect(results.getByRole('group', { name: 'Contacts' })).toBeVisible();
  await expect(results.getByRole('option', { name: /Коваль Мар’яна/ })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'search-results');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page.getByRole('heading', { name: 'Коваль Мар’яна', level: 1 })).toBeVisible();

  // A phone fragment typed with a space.
  await page.keyboard.press('Control+K');
  await box.fill('67 123');
  await expect(results.getByRole('option', { name: /Коваль Мар’яна/ })).toBeVisible();

  // A piece of the ЄДРПОУ finds the company; a click opens its page.
  await box.fill('8559');
  await expect(results.getByRole('group', { name: 'Companies' })).toBeVisible();
  await results.getByRole('option', { name: /Зелений Гай/ }).click();
  await expect(page.getByRole('heading', { name: 'ТОВ «Зелений Гай»', level: 1 })).toBeVisible();

  // A deal: its title opens the deal's page, even from the Deals board, and "back" leads to it.
  const deal = await callAsPage<{ id: string }>(page, host, 'zamok:deals.create', {
    deal: { title: 'Поставка борошна', amountMinor: 1250050 },
  });
  expect(deal.result.ok).toBe(true);
  const dealId = deal.result.ok ? deal.result.value.id : '';
  const task = await callAsPage(page, host, 'zamok:activities.create', {
    activity: {
      kind: 'task',
      subject: 'Надіслати рахунок за борошно',
      dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      dealId,
    },
  });
  expect(task.result.ok).toBe(true);
  await page.keyboard.press('Control+K');
  await box.fill('борошн');
  await expect(results.getByRole('group', { name: 'Deals' })).toBeVisible();
  await box.press('Enter');
  const dealHeading = page.getByRole('heading', { name: 'Поставка борошна', level: 1 });
  await expect(dealHeading).toBeVisible();
  await expect(page.getByTestId('deal-stage')).toHaveText('Нова');
  await checkScreenSoft(page, testInfo, 'search-opens-deal');
  await page.getByRole('button', { name: /Back to deals/ }).click();
  await expect(page.getByRole('heading', { name: 'Deals', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+K');
  await box.fill('Поставка');
  await results.getByRole('option', { name: /Поставка борошна/ }).click();
  await expect(dealHeading).toBeVisible();

  // My tasks: the task on the deal opens the deal.
  await openSection(page, 'Activities');
  await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Deal: Поставка борошна' }).click();
  await expect(dealHeading).toBeVisible();

  // Nothing found says so and what to try next, in Ukrainian too.
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Пошук' }).fill('іванов');
  await expect(results.getByText(/Нічого не знайдено за «іванов»/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Пошук' }).fill('зелен');
  await expect(results.getByRole('group', { name: 'Компанії' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'search-results-uk');
});
