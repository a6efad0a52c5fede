/**
 * The import wizard end to end, in Ukrainian: the owner uploads a Windows-1251 CSV with `;` (built
 * byte by byte here), sees its first rows with the columns mapped from the Ukrainian headers, runs
 * the check (one row refused for its phone), fixes the cell in place, imports, reads the summary
 * and undoes the import. The file goes to main by an upload ticket over the test host's route —
 * the page never names a path. Screenshots of each step; axe finds nothing serious on them.
 */
import type { ContactSummary } from '../../src-shared/contacts';
import { expect, test } from './fixtures';
import { encodeCp1251 } from './support/cp1251';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { callAsPage, openSection } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

const CSV = encodeCp1251(
  [
    'ПІБ;Телефон;Email;Примітка',
    'Шевченко Тарас Григорович;067 123 45 67;taras@example.com;Київ',
    'Коваль Олена Петрівна;12;olena@example.com;«Львівська пекарня»',
    'Бондар Іван Миколайович;0501112233;ivan@example.com;',
  ].join('\r\n'),
);

test('import: a cp1251 CSV is mapped, checked, fixed in place, imported and undone', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(240_000);
  const host = { origin: hostOrigin, token: hostToken };
  await runSetupWizard(page);
  await openSection(page, 'Contacts');
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Контакти', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Імпорт', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Імпорт контактів' })).toBeVisible();
  await expect(page).toHaveURL(/#\/contacts\/import$/u);
  await checkScreenSoft(page, testInfo, 'import-1-file-uk');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'клієнти.csv', mimeType: 'text/csv', buffer: CSV });

  // First rows decoded from Windows-1251, the Ukrainian headers mapped.
  await expect(page.getByText('Перші рядки файлу')).toBeVisible();
  await expect(page.getByText(/кодування: windows-1251; роздільник: ;/u)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Шевченко Тарас Григорович' }).first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Поле: ПІБ' })).toHaveValue('ПІБ (розділити)');
  await expect(page.getByRole('combobox', { name: 'Поле: Телефон' })).toHaveValue('Телефон');
  await expect(page.getByRole('combobox', { name: 'Поле: Примітка' })).toHaveValue('Нотатки');
  await checkScreenSoft(page, testInfo, 'import-2-mapping-uk');

  // The check: one row refused for its phone, nothing written yet.
  await page.getByRole('button', { name: 'Перевірити рядки' }).click();
  await expect(page.getByText('Рядок 2', { exact: true })).toBeVisible();
  await expect(page.locator('[data-count="error"]')).toHaveText('1');
  await expect(page.locator('[data-count="create"]')).toHaveText('2');
  await checkScreenSoft(page, testInfo, 'import-3-check-uk');

  const fix = page.getByRole('group', { name: 'Виправлені значення рядка 2' });
  await fix.getByLabel('Телефон').fill('0671112233');
  await page.getByRole('button', { name: 'Перевірити ще раз' }).click();
  await expect(page.getByText('Рядок 2', { exact: true })).toHaveCount(0);
  await expect(page.locator('[data-count="error"]')).toHaveText('0');
  await expect(page.locator('[data-count="create"]')).toHaveText('3');

  await page.getByRole('button', { name: 'Далі', exact: true }).click();
  await expect(page.getByText('Буде створено 3 і оновлено 0 записів.')).toBeVisible();
  await page.getByRole('button', { name: 'Імпортувати' }).click();
  await expect(page.getByText('Імпорт завершено.')).toBeVisible();
  await expect(page.locator('[data-count="create"]')).toHaveText('3');
  await checkScreenSoft(page, testInfo, 'import-4-summary-uk');

  const listed = async () => {
    const { result } = await callAsPage<{ items: ContactSummary[] }>(
      page,
      host,
      'zamok:contacts.list',
      {},
    );
    return result.ok ? result.value.items.map(c => c.surname).sort() : null;
  };
  expect(await listed()).toEqual(['Бондар', 'Коваль', 'Шевченко']);

  await page.getByRole('button', { name: 'Скасувати цей імпорт' }).click();
  await expect(page.getByText('Імпорт скасовано: видалено 3, відновлено 0.')).toBeVisible();
  await checkScreenSoft(page, testInfo, 'import-5-undone-uk');
  expect(await listed()).toEqual([]);
});
