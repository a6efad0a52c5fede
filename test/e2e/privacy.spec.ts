/**
 * Personal data, end to end in Ukrainian: the owner adds a high-risk purpose to the processing
 * register (the Ombudsman task is announced), records a client's consent on the contact page, and
 * downloads everything about the client as a ZIP (JSON + a readable Ukrainian page); the request
 * register shows the access request with its deadline. Screenshots and axe checks on each screen.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import type { Contact } from '../../src-shared/contacts';
import { expect, test } from './fixtures';
import { runSetupWizard, signOut, SIGN_IN_TIMEOUT_MS } from './support/flows';
import { checkScreen } from './support/screens';
import { callAsPage } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000, viewport: { width: 1400, height: 1000 } });

/** Opens a section from the Ukrainian navigation. */
async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Розділи' })
    .getByRole('button', { name, exact: true })
    .click();
}

test('the register, a consent and a subject export, in Ukrainian', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(240_000);
  const owner = await runSetupWizard(page);
  const host = { origin: hostOrigin, token: hostToken };
  const { result } = await callAsPage<Contact>(page, host, 'zamok:contacts.create', {
    contact: { surname: 'Канарейкова', givenName: 'Ярина' },
  });
  expect(result.ok).toBe(true);
  await signOut(page);

  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await page.getByLabel('Логін').fill(owner.login);
  await page.getByLabel('Пароль', { exact: true }).fill(owner.password);
  await page.getByLabel('Код із застосунку автентифікації').fill(await owner.totp.next());
  await page.getByRole('button', { name: 'Увійти', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Розділи' })).toBeVisible({
    timeout: SIGN_IN_TIMEOUT_MS,
  });

  // The processing register: a high-risk purpose creates the Ombudsman task.
  await openSection(page, 'Персональні дані');
  await expect(page.getByRole('heading', { name: 'Персональні дані', level: 1 })).toBeVisible();
  await page.getByLabel('Мета обробки').fill('Розсилка новин');
  await page.getByLabel('Категорії даних (через кому)').fill('контакти, здоров’я');
  await page.getByLabel('Високий ризик (здоров’я, судимості, біометрія, геолокація)').check();
  await page.getByRole('button', { name: 'Додати мету' }).click();
  const register = page.getByRole('table', { name: 'Мети обробки' });
  await expect(register.getByRole('row').filter({ hasText: 'Розсилка новин' })).toContainText(
    'Згода суб’єкта',
  );
  await expect(page.getByText('Створено завдання «Повідомити Уповноваженого»')).toBeVisible();
  await checkScreen(page, testInfo, 'privacy-register');

  // A consent on the client's page.
  await openSection(page, 'Контакти');
  await page
    .getByRole('listbox', { name: 'Список контактів' })
    .getByRole('option')
    .filter({ hasText: 'Канарейкова' })
    .click();
  await expect(page.getByRole('heading', { name: 'Канарейкова Ярина', level: 1 })).toBeVisible();
  const consents = page.getByRole('region', { name: 'Згоди та правові підстави' });
  await expect(consents.getByRole('row').filter({ hasText: 'Розсилка новин' })).toContainText(
    'не надано',
  );
  await consents
    .getByLabel('Текст згоди (зберігається лише його відбиток SHA-256)')
    .fill('Погоджуюся отримувати новини бюро.');
  await consents.getByRole('button', { name: 'Записати згоду' }).click();
  await expect(consents.getByRole('row').filter({ hasText: 'Розсилка новин' })).toContainText(
    'чинна з',
  );
  await checkScreen(page, testInfo, 'privacy-consent');

  // Subject access: the request and everything about the person as a ZIP.
  await consents.getByRole('button', { name: 'Зареєструвати запит на доступ' }).click();
  await expect(consents.getByText(/Запит зареєстровано, строк відповіді/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    consents.getByRole('button', { name: 'Усі дані про особу (ZIP)' }).click(),
  ]);
  const zip = unzipSync(await readFile((await download.path()) ?? ''));
  const html = strFromU8(zip['index.html'] ?? new Uint8Array());
  expect(html).toContain('Відомості про персональні дані: Канарейкова Ярина');
  expect(html).toContain('Розсилка новин');
  const data = JSON.parse(strFromU8(zip['subject.json'] ?? new Uint8Array())) as {
    consents: unknown[];
    requests: unknown[];
  };
  expect(data.consents).toHaveLength(1);
  expect(data.requests).toHaveLength(1);

  await openSection(page, 'Персональні дані');
  await page.getByRole('tab', { name: 'Запити суб’єктів' }).click();
  await expect(
    page.getByRole('table', { name: 'Запити суб’єктів' }).getByRole('row').filter({
      hasText: 'Канарейкова Ярина',
    }),
  ).toContainText('відкритий');
  await checkScreen(page, testInfo, 'privacy-requests');
});
