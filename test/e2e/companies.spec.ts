/**
 * Companies, end to end: the owner creates a company — an impossible ЄДРПОУ shows the translated
 * error in the form and nothing is saved, a real one is accepted — links a new contact to it with
 * the picker, and sees that contact on the company's page. Two managers: one creates a company, the
 * other does not see it in his list, in the contact form's picker, or by a direct call with its id.
 */
import type { Company } from '../../src-shared/companies';
import { expect, test } from './fixtures';
import { runSetupWizard, signOut } from './support/flows';
import { MISSING_ID } from './support/scope-checks';
import { checkScreenSoft } from './support/screens';
import {
  addUser,
  callAsPage,
  firstSignIn,
  openSection,
  type CallResult,
  type StaffMember,
} from './support/staff';
import type { Page } from '@playwright/test';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

const DARYNA: StaffMember = {
  login: 'daryna.melnyk',
  displayName: 'Дарина Мельник',
  roleName: 'Manager',
  setupPassword: 'amber kettle willow ninety',
  ownPassword: 'indigo harbor cactus lantern',
};
const BOHDAN: StaffMember = {
  login: 'bohdan.tkach',
  displayName: 'Богдан Ткач',
  roleName: 'Manager',
  setupPassword: 'quartz meadow rocket seven',
  ownPassword: 'fennel glacier button orbit',
};

/** Clicks a language in the switch (each is named in itself) and waits for <html lang>. */
async function chooseLanguage(page: Page, name: 'Українська' | 'English'): Promise<void> {
  await page.getByText(name, { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', name === 'English' ? 'en' : 'uk');
}

/** Fills the company form and saves; returns the main process's answer to the page. */
async function saveCompany(page: Page): Promise<CallResult<Company>> {
  const answer = page.waitForResponse(
    response =>
      response.url().endsWith('/api/call') &&
      (response.request().postDataJSON() as { channel?: string } | null)?.channel ===
        'zamok:companies.create',
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  return (await (await answer).json()) as CallResult<Company>;
}

/** Companies → New company → name, ЄДРПОУ, phone → Save; waits for the company's page. */
async function createCompany(page: Page, name: string, edrpou: string): Promise<string> {
  await page.getByRole('button', { name: 'New company', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('EDRPOU code', { exact: true }).fill(edrpou);
  const result = await saveCompany(page);
  expect(result.ok, 'companies.create answered ok').toBe(true);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return result.ok ? result.value.id : '';
}

test('companies: checked ЄДРПОУ, a linked contact, and managers who see only their own', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(240_000);
  const host = { origin: hostOrigin, token: hostToken };

  await runSetupWizard(page);
  await openSection(page, 'Users');
  for (const member of [DARYNA, BOHDAN]) await addUser(page, member);

  // The owner's first company: the empty list invites one.
  await openSection(page, 'Companies');
  await expect(page.getByRole('heading', { name: 'No companies yet' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'companies-empty');
  await page.getByRole('button', { name: 'Add the first company' }).click();
  await expect(page.getByRole('heading', { name: 'New company', level: 1 })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('ТОВ «Пекарня Світанок»');
  // A mistyped last digit: the form says so in words, and nothing reaches the vault.
  await page.getByLabel('EDRPOU code', { exact: true }).fill('3285 5968');
  await page.getByLabel('Website', { exact: true }).fill('svitanok.com.ua');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByText('This EDRPOU code cannot exist: its check digit does not match.', {
      exact: false,
    }),
  ).toBeVisible();
  await checkScreenSoft(page, testInfo, 'company-form-invalid-edrpou');
  const none = await callAsPage<{ items: unknown[] }>(page, host, 'zamok:companies.list', {});
  expect(none.result.ok && none.result.value.items).toEqual([]);

  await page.getByLabel('EDRPOU code', { exact: true }).fill('32855961');
  await page.getByLabel('Phone 1', { exact: true }).fill('044 123 45 67');
  await page.getByLabel('Registered address', { exact: true }).fill('м. Київ, вул. Хрещатик, 1');
  const saved = await saveCompany(page);
  expect(saved.ok && saved.value).toMatchObject({
    edrpou: '32855961',
    website: 'https://svitanok.com.ua',
    phones: [{ e164: '+380441234567' }],
  });
  await expect(
    page.getByRole('heading', { name: 'ТОВ «Пекарня Світанок»', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '32855961' })).toBeVisible();
  await expect(
    page.getByText('No contact you can see is linked to this company yet.'),
  ).toBeVisible();

  // A new contact linked with the picker (typing part of the name asks the main process).
  await openSection(page, 'Contacts');
  await page.getByRole('button', { name: 'Add the first contact' }).click();
  await page.getByLabel('Surname', { exact: true }).fill('Гнатюк');
  await page.getByLabel('Given name', { exact: true }).fill('Ярина');
  const picker = page.getByRole('combobox', { name: 'Company from the directory' });
  await picker.click();
  await picker.fill('Пекар');
  await page.getByRole('option', { name: /Пекарня Світанок/ }).click();
  // The first link also fills the free-text company field.
  await expect(page.getByLabel('Company', { exact: true })).toHaveValue('ТОВ «Пекарня Світанок»');
  await checkScreenSoft(page, testInfo, 'contact-form-company-picker');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Гнатюк Ярина', level: 1 })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'contact-detail-linked-company');
  await page.getByRole('button', { name: 'ТОВ «Пекарня Світанок»' }).click();

  // The company's page lists her.
  await expect(
    page.getByRole('heading', { name: 'ТОВ «Пекарня Світанок»', level: 1 }),
  ).toBeVisible();
  const people = page.getByRole('region', { name: 'People at this company' });
  await expect(people.getByRole('button', { name: 'Гнатюк Ярина' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'company-detail');
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await expect(page.getByRole('listbox', { name: 'Company list' }).getByRole('option')).toHaveCount(
    1,
  );
  await checkScreenSoft(page, testInfo, 'companies-list');
  // The same screens in Ukrainian, the office's language.
  await chooseLanguage(page, 'Українська');
  await expect(page.getByRole('heading', { name: 'Компанії', level: 1 })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'companies-list-uk');
  await page.getByRole('listbox', { name: 'Список компаній' }).getByRole('option').click();
  await expect(page.getByRole('heading', { name: 'Контакти компанії' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'company-detail-uk');
  await chooseLanguage(page, 'English');
  await signOut(page);

  // Daryna: her own company.
  await firstSignIn(page, DARYNA);
  await openSection(page, 'Companies');
  await expect(page.getByRole('heading', { name: 'No companies yet' })).toBeVisible();
  const darynaCompany = await createCompany(page, 'Будмайстер Захід', '00032129');
  await signOut(page);

  // Bohdan: nothing of Daryna's (or the owner's) anywhere.
  await firstSignIn(page, BOHDAN);
  await openSection(page, 'Companies');
  await expect(page.getByRole('heading', { name: 'No companies yet' })).toBeVisible();
  const missing = await callAsPage(page, host, 'zamok:companies.get', { id: MISSING_ID });
  const hers = await callAsPage(page, host, 'zamok:companies.get', { id: darynaCompany });
  expect(missing.result.ok === false && missing.result.error.code).toBe('not_found');
  expect(hers.result).toEqual(missing.result);
  expect(hers.body).not.toContain('Будмайстер');
  // Linking his contact to her company by id is the same not_found.
  const link = await callAsPage(page, host, 'zamok:contacts.create', {
    contact: { surname: 'Проба', givenName: 'Зв’язку', companyId: darynaCompany },
  });
  expect(link.result.ok === false && link.result.error.code).toBe('not_found');
  // The picker finds nothing when he types her company's name.
  await openSection(page, 'Contacts');
  await page.getByRole('button', { name: 'Add the first contact' }).click();
  const his = page.getByRole('combobox', { name: 'Company from the directory' });
  await his.click();
  await his.fill('Будм');
  await expect(page.getByText('No such company among those you can see')).toBeVisible();
  await expect(page.getByRole('option', { name: /Будмайстер/ })).toHaveCount(0);
});

test('companies: a deleted company comes back with Restore — in the list and in search', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(180_000);
  const host = { origin: hostOrigin, token: hostToken };
  const name = 'ТОВ «Зелений Гай»';
  const owner = await runSetupWizard(page);
  const created = await callAsPage(page, host, 'zamok:companies.create', {
    company: { name, edrpou: '32855961' },
  });
  expect(created.result.ok).toBe(true);
  /** Company names the header search finds for `text`, as main answers the page. */
  const found = async (text: string) => {
    const r = await callAsPage<{ companies?: { title: string }[] }>(
      page,
      host,
      'zamok:search.query',
      { text },
    );
    return r.result.ok ? (r.result.value.companies ?? []).map(hit => hit.title) : null;
  };
  expect(await found('Зелений')).toEqual([name]);

  // Delete it from its page: it stays open, marked deleted, with Restore for the owner.
  await openSection(page, 'Companies');
  const list = page.getByRole('listbox', { name: 'Company list' });
  await list.getByRole('option', { name: /Зелений Гай/ }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this company?' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('“Restore” brings it back to lists and search.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore', exact: true })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'company-deleted');
  await chooseLanguage(page, 'Українська');
  await expect(page.getByRole('button', { name: 'Відновити', exact: true })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'company-deleted-uk');
  await chooseLanguage(page, 'English');

  // Gone from the list and from search.
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await expect(page.getByRole('heading', { name: 'No companies yet' })).toBeVisible();
  expect(await found('Зелений')).toEqual([]);
  const box = page.getByRole('combobox', { name: 'Search' });
  const results = page.getByTestId('global-search-results');
  const searched = page.waitForResponse(
    response =>
      response.url().endsWith('/api/call') &&
      (response.request().postDataJSON() as { input?: { text?: string } } | null)?.input?.text ===
        'Зелений',
  );
  await page.keyboard.press('Control+K');
  await box.fill('Зелений');
  await searched;
  await expect(results.getByRole('option', { name: /Зелений Гай/ })).toHaveCount(0);
  await box.press('Escape');

  // "Show deleted" lists it, marked; its page restores it.
  await page.getByRole('switch', { name: 'Show deleted' }).check();
  const row = list.getByRole('option', { name: /Зелений Гай/ });
  await expect(row.getByText('Deleted', { exact: true })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'companies-list-show-deleted');
  await row.click();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
  await expect(page.getByText('Deleted', { exact: true })).toHaveCount(0);

  // Its history says when it was deleted and who owns it in words: no raw timestamp, no user id.
  await chooseLanguage(page, 'Українська');
  const history = page.getByRole('region', { name: 'Історія змін' });
  const deletedLine = /^Видалено: порожньо → \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/;
  await expect(history.getByRole('listitem').filter({ hasText: deletedLine })).toHaveCount(1);
  await expect(history.getByText(`Відповідальний: порожньо → ${owner.displayName}`)).toBeVisible();
  await expect(history).not.toContainText(/\d{4}-\d{2}-\d{2}T|[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expect(history.getByText(/^Телефони:/)).toHaveCount(0); // "порожньо → порожньо" says nothing
  await history.scrollIntoViewIfNeeded();
  await checkScreenSoft(page, testInfo, 'company-history-uk');
  await chooseLanguage(page, 'English');

  // Back in the plain list and in the header search, which opens its page.
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await page.getByRole('switch', { name: 'Show deleted' }).uncheck();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option', { name: /Зелений Гай/ })).toBeVisible();
  expect(await found('Зелений')).toEqual([name]);
  // The box still holds "Зелений" (its answer was "nothing found"): reopening it asks again.
  await page.keyboard.press('Control+K');
  await expect(box).toHaveValue('Зелений');
  await results.getByRole('option', { name: /Зелений Гай/ }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
});
