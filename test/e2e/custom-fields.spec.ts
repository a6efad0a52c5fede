/**
 * Custom fields end to end, in Ukrainian (issue 18 point 7): the owner defines a choice field
 * «Джерело» and a date field «Перший дзвінок» for contacts on Користувачі → Додаткові поля; a
 * contact gets values through its form; the detail page shows them; the list's filter for
 * «Джерело» narrows the list; the export of the filtered list carries one column per field.
 * Screenshots of the tab, the form and the filtered list; axe finds nothing serious on them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { openSection, type CallResult } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

/** Waits for the host's answer to `channel` (the next one after `act`). */
async function answerOf<T>(page: Page, channel: string, act: () => Promise<unknown>) {
  const answer = page.waitForResponse(
    response =>
      response.url().endsWith('/api/call') &&
      (response.request().postDataJSON() as { channel?: string } | null)?.channel === channel,
  );
  await act();
  return (await (await answer).json()) as CallResult<T>;
}

/** Contacts → Новий контакт with a name and the two custom values; waits for the detail page. */
async function newContact(page: Page, surname: string, source: string, firstCall: string) {
  await page.getByRole('button', { name: 'Новий контакт', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Новий контакт', level: 1 })).toBeVisible();
  await page.getByLabel('Прізвище', { exact: true }).fill(surname);
  await page.getByLabel('Ім’я', { exact: true }).fill('Олена');
  // The contact's own «Джерело» text field is there too: the custom one is in its section.
  const custom = page.getByRole('group', { name: 'Додаткові поля' });
  await custom.getByLabel('Джерело', { exact: true }).selectOption(source);
  await custom.getByLabel('Перший дзвінок', { exact: true }).fill(firstCall);
  const saved = await answerOf(page, 'zamok:fields.setValues', () =>
    page.getByRole('button', { name: 'Зберегти', exact: true }).click(),
  );
  expect(saved.ok, 'fields.setValues answered ok').toBe(true);
  await expect(page.getByRole('heading', { name: `${surname} Олена`, level: 1 })).toBeVisible();
}

test('custom fields: defined by the owner, filled in the form, shown, filtered and exported', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  await runSetupWizard(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSection(page, 'Users');
  await page.getByText('Українська', { exact: true }).click();

  // Користувачі → Додаткові поля: a choice field and a date field for contacts.
  await page.getByRole('tab', { name: 'Додаткові поля' }).click();
  await expect(page.getByText('Додаткових полів ще немає.')).toBeVisible();
  await page.getByLabel('Назва поля', { exact: true }).fill('Джерело');
  await page.getByLabel('Тип', { exact: true }).selectOption('choice');
  const options = page.getByRole('combobox', { name: 'Варіанти вибору' });
  for (const option of ['OLX', 'Prom', 'Сарафанне радіо']) {
    await options.fill(option);
    await options.press('Enter');
  }
  await page.getByRole('button', { name: 'Додати поле' }).click();
  await expect(page.getByText('OLX, Prom, Сарафанне радіо')).toBeVisible();
  await page.getByLabel('Назва поля', { exact: true }).fill('Перший дзвінок');
  await page.getByLabel('Тип', { exact: true }).selectOption('date');
  await page.getByRole('button', { name: 'Додати поле' }).click();
  await expect(page.getByRole('button', { name: 'Вище: Перший дзвінок' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'custom-fields-tab-uk');

  // Two contacts get values through the form; the detail page shows them.
  await page
    .getByRole('navigation', { name: 'Розділи' })
    .getByRole('button', { name: 'Контакти', exact: true })
    .click();
  await newContact(page, 'Шевчук', 'OLX', '2026-12-01');
  const block = page.getByTestId('custom-fields');
  await expect(block).toContainText('Джерело');
  await expect(block).toContainText('OLX');
  await expect(block).toContainText('1 грудня 2026');
  await page
    .getByRole('navigation', { name: 'Розділи' })
    .getByRole('button', { name: 'Контакти', exact: true })
    .click();
  await newContact(page, 'Бондар', 'Prom', '2026-11-20');
  await page
    .getByRole('navigation', { name: 'Розділи' })
    .getByRole('button', { name: 'Контакти', exact: true })
    .click();

  // The list shows both; the «Джерело» filter narrows it to the OLX one.
  const rows = page.getByRole('listbox', { name: 'Список контактів' }).getByRole('option');
  await expect(rows).toHaveCount(2);
  const narrowed = await answerOf<{ items: { surname: string }[] }>(
    page,
    'zamok:contacts.list',
    () => page.getByRole('combobox', { name: 'Джерело', exact: true }).selectOption('OLX'),
  );
  expect(narrowed.ok && narrowed.value.items.map(i => i.surname)).toEqual(['Шевчук']);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Шевчук');
  await checkScreenSoft(page, testInfo, 'custom-fields-filtered-list-uk');

  // Export of the filtered list: the custom fields are columns after the built-in ones.
  // (Plain CSV: `,` and ISO dates; records.export keeps the list's filter.)
  await page.getByRole('button', { name: 'Експорт', exact: true }).click();
  await page.getByRole('radio', { name: /Звичайний CSV/u }).check();
  const exported = await answerOf<{ status: string; content: string; count: number }>(
    page,
    'zamok:records.export',
    () => page.getByRole('button', { name: 'Експортувати', exact: true }).click(),
  );
  expect(exported.ok).toBe(true);
  if (!exported.ok) return;
  expect(exported.value.count).toBe(1);
  const [header, row] = exported.value.content.replace('\uFEFF', '').split('\r\n');
  expect(header).toMatch(/,Джерело,Перший дзвінок$/u);
  expect(row).toMatch(/,OLX,2026-12-01$/u);
});
