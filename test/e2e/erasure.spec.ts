/**
 * Real erasure, end to end in Ukrainian: a manager opens her own client and finds no erase button
 * (the channel refuses her too); the owner erases the client from the contact page after typing the
 * name; the client is then gone from the list and from the global search, and the audit log keeps
 * the entries about her with a pseudonym in place of her data. Screenshots and axe on each screen.
 */
import type { Page } from '@playwright/test';
import type { Contact } from '../../src-shared/contacts';
import { expect, test } from './fixtures';
import { runSetupWizard, signOut, SIGN_IN_TIMEOUT_MS } from './support/flows';
import { checkScreen } from './support/screens';
import { addUser, callAsPage, firstSignIn, openSection, type StaffMember } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000, viewport: { width: 1400, height: 1000 } });

const MANAGER: StaffMember = {
  login: 'olha.manager',
  displayName: 'Ольга Менеджерка',
  roleName: 'Manager',
  setupPassword: 'hazel tundra violin ninety',
  ownPassword: 'amber sparrow kettle frost',
};
// A surname found nowhere in the interface text: any hit after the erasure is her data.
const SURNAME = 'Стиранюк';
const NAME = `${SURNAME} Олеся`;

/** Signs in from the Ukrainian sign-in screen. */
async function signInUk(page: Page, login: string, password: string, code: string): Promise<void> {
  await page.getByLabel('Логін').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByLabel('Код із застосунку автентифікації').fill(code);
  await page.getByRole('button', { name: 'Увійти', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Розділи' })).toBeVisible({
    timeout: SIGN_IN_TIMEOUT_MS,
  });
}

/** Opens a section from the Ukrainian navigation. */
async function openSectionUk(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Розділи' })
    .getByRole('button', { name, exact: true })
    .click();
}

/** Contacts → the client's page. */
async function openClient(page: Page): Promise<void> {
  await openSectionUk(page, 'Контакти');
  await page
    .getByRole('listbox', { name: 'Список контактів' })
    .getByRole('option')
    .filter({ hasText: SURNAME })
    .click();
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toBeVisible();
}

test('the owner erases a client; a manager cannot; list, search and audit after', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(300_000);
  const host = { origin: hostOrigin, token: hostToken };
  const owner = await runSetupWizard(page);
  await openSection(page, 'Users');
  await addUser(page, MANAGER);
  await signOut(page);
  const manager = await firstSignIn(page, MANAGER);
  const created = await callAsPage<Contact>(page, host, 'zamok:contacts.create', {
    contact: { surname: SURNAME, givenName: 'Олеся', emails: ['olesia.styraniuk@example.com'] },
  });
  expect(created.result.ok).toBe(true);
  const contactId = created.result.ok ? created.result.value.id : '';
  // A direct call is refused as well: the permission check is in the main process.
  const refused = await callAsPage(page, host, 'zamok:erasure.erase', { contactId });
  expect(refused.result.ok).toBe(false);
  await signOut(page);

  // The manager, in Ukrainian: her client's page has no erase button.
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await signInUk(page, manager.login, manager.ownPassword, await manager.totp.next());
  await openClient(page);
  await expect(page.getByRole('region', { name: 'Згоди та правові підстави' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Стерти персональні дані' })).toHaveCount(0);
  await checkScreen(page, testInfo, 'erasure-manager-no-button');
  await page.getByRole('button', { name: 'Вийти' }).click();

  // The owner erases her after typing the name.
  await signInUk(page, owner.login, owner.password, await owner.totp.next());
  await openClient(page);
  await page.getByRole('button', { name: 'Стерти персональні дані' }).click();
  const dialog = page.getByRole('dialog', { name: 'Остаточно стерти персональні дані' });
  const confirm = dialog.getByRole('button', { name: 'Стерти назавжди' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Щоб підтвердити, введіть ім’я особи: ${NAME}`).fill(NAME);
  await expect(confirm).toBeEnabled();
  await checkScreen(page, testInfo, 'erasure-confirm');
  await confirm.click();
  await expect(dialog).toHaveCount(0);

  // Gone from the list and from the global search.
  await openSectionUk(page, 'Контакти');
  await expect(page.getByRole('heading', { name: NAME, level: 1 })).toHaveCount(0);
  await expect(
    page.getByRole('listbox', { name: 'Список контактів' }).getByText(SURNAME),
  ).toHaveCount(0);
  await checkScreen(page, testInfo, 'erasure-list-after');
  const box = page.getByRole('combobox', { name: 'Пошук' });
  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await box.fill(SURNAME);
  await expect(
    page.getByText(`Нічого не знайдено за «${SURNAME}».`, { exact: false }),
  ).toBeVisible();
  await box.press('Escape');

  // The audit log: the erasure is there, the entry about her creation shows only a pseudonym.
  await openSectionUk(page, 'Журнал дій');
  const table = page.getByRole('table', { name: 'Записи журналу' });
  // Two entries: the manager's refused call and the owner's erasure.
  const erasures = table.getByRole('row').filter({ hasText: 'Контакт стерто назавжди' });
  await expect(erasures).toHaveCount(2);
  const createdRow = table.getByRole('row').filter({ hasText: 'Створено контакт' });
  await createdRow.getByRole('button', { name: /Подробиці/ }).click();
  await expect(table).toContainText(/psn:[0-9a-f]{32}/);
  await expect(table).not.toContainText(SURNAME);
  await expect(table).not.toContainText('olesia.styraniuk');
  // The pointer off the button it clicked: the screen at rest, not its hover colours.
  await page.mouse.move(0, 0);
  await checkScreen(page, testInfo, 'erasure-audit');
  await page.getByRole('button', { name: 'Перевірити цілісність' }).click();
  await expect(page.getByText(/Журнал не пошкоджено/)).toBeVisible();
});
