/**
 * The head's dashboard, end to end: the owner adds a head and records fixture data through the
 * host (three contacts, open deals in two currencies, one won and one lost deal, two calls); the
 * head signs in, opens Dashboard and finds exactly those numbers in the charts' hidden tables
 * (what a screen reader reads), then switches the period. The same screen in Ukrainian (month
 * names, money in the uk-UA format), whose won/lost and activity figures open the records behind
 * them. A manager has no Dashboard and is refused on the channel.
 */
import type { Page } from '@playwright/test';
import type { Contact } from '../../src-shared/contacts';
import type { Deal } from '../../src-shared/deals';
import { expect, test } from './fixtures';
import { expectShell, runSetupWizard, signOut, SIGN_IN_TIMEOUT_MS } from './support/flows';
import { checkScreenSoft } from './support/screens';
import {
  addUser,
  callAsPage,
  firstSignIn,
  navigationItems,
  openSection,
  type EnrolledStaff,
  type StaffMember,
} from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000, viewport: { width: 1400, height: 1000 } });

const OLHA: StaffMember = {
  login: 'olha.head',
  displayName: 'Ольга Керівниця',
  roleName: 'Head',
  setupPassword: 'cobalt meadow ferry sixty',
  ownPassword: 'lantern orchid basalt river',
};
const PAVLO: StaffMember = {
  login: 'pavlo.sales',
  displayName: 'Павло Продажів',
  roleName: 'Manager',
  setupPassword: 'tundra piano maple forty',
  ownPassword: 'walnut comet violet harbor',
};

/** The cells of a chart's hidden table, row by row (header row first), spaces normalised. */
async function tableCells(page: Page, id: string): Promise<string[][]> {
  const table = page.getByTestId(`${id}-table`);
  await expect(table).toBeAttached({ timeout: 20_000 });
  return table.evaluate(el =>
    [...el.querySelectorAll('tr')].map(tr =>
      [...tr.querySelectorAll('th, td')].map(c => (c.textContent ?? '').replace(/\s+/g, ' ')),
    ),
  );
}

/** This month's name, in the machine's zone (the host's months are the office's: same machine). */
function monthName(locale: string): string {
  const now = new Date();
  const name = new Intl.DateTimeFormat(locale, { month: 'long' }).format(now);
  return `${name} ${now.getFullYear()}`;
}

test('the head sees the office figures on the dashboard, in English and Ukrainian', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(300_000);
  const host = { origin: hostOrigin, token: hostToken };
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const { result } = await callAsPage<T>(page, host, `zamok:${channel}`, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value;
  };

  const owner = await runSetupWizard(page);
  await openSection(page, 'Users');
  await addUser(page, OLHA);
  await addUser(page, PAVLO);

  // Fixture data, recorded by the owner through the host.
  const contacts: Contact[] = [];
  for (const surname of ['Гнатюк', 'Дорошенко', 'Ємець']) {
    contacts.push(
      await call<Contact>('contacts.create', { contact: { surname, givenName: 'Ірина' } }),
    );
  }
  await call('deals.create', { deal: { title: 'Борошно', amountMinor: 1250050 } });
  await call('deals.create', { deal: { title: 'Цукор', amountMinor: 300000 } });
  await call('deals.create', {
    deal: { title: 'Обладнання', amountMinor: 70000, currency: 'USD', stageId: 'stage-proposal' },
  });
  await call('deals.create', {
    deal: { title: 'Пекарня', amountMinor: 990000, stageId: 'stage-won' },
  });
  const lost = await call<Deal>('deals.create', { deal: { title: 'Склад', amountMinor: 5000 } });
  await call('deals.move', {
    id: lost.id,
    stageId: 'stage-lost',
    expectedUpdatedAt: lost.updatedAt,
    lostReason: 'Обрали іншого постачальника',
  });
  for (const subject of ['Дзвінок щодо поставки', 'Дзвінок про оплату']) {
    await call('activities.create', {
      activity: { kind: 'call', subject, contactId: contacts[0]?.id },
    });
  }
  await signOut(page);

  const olha: EnrolledStaff = await firstSignIn(page, OLHA);
  expect(await navigationItems(page)).toContain('Dashboard');
  await openSection(page, 'Dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  const thisMonth = monthName('en-GB');
  const contactsTable = await tableCells(page, 'contacts');
  expect(contactsTable[0]).toEqual(['Month', 'New contacts']);
  expect(contactsTable).toHaveLength(13);
  expect(contactsTable.at(-1)).toEqual([thisMonth, '3']);
  expect(contactsTable.slice(1, -1).every(r => r[1] === '0')).toBe(true);

  // Money as the deal screens write it, in the interface language: grouped, the hryvnia's sign.
  const pipeline = await tableCells(page, 'pipeline');
  expect(pipeline).toHaveLength(3);
  expect(pipeline[0]).toEqual(['Stage', 'Deals', 'Amount']);
  expect(pipeline[1]?.slice(0, 2)).toEqual(['Нова', '2']);
  expect(pipeline[1]?.[2]).toBe('₴15,500.50');
  expect(pipeline[2]).toEqual(['Пропозиція', '1', '$700']);
  expect((await tableCells(page, 'won-lost')).at(-1)).toEqual([thisMonth, '1', '1']);
  expect(await tableCells(page, 'activities')).toEqual([
    ['Person', 'Activities'],
    [owner.displayName, '2'],
  ]);
  // Every chart is drawn (an SVG inside each), titled for everyone.
  for (const id of ['pipeline', 'won-lost', 'activities', 'contacts']) {
    await expect(page.getByTestId(`${id}-chart`).locator('svg').first()).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Pipeline value by stage' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'dashboard-en');

  // The period: three months, three rows of months.
  await page.getByRole('radiogroup', { name: 'Period' }).getByText('3 months').click();
  await expect
    .poll(async () => (await tableCells(page, 'contacts')).length, { timeout: 20_000 })
    .toBe(4);
  await signOut(page);

  // In Ukrainian: month names and the same money.
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await page.getByLabel('Логін').fill(olha.login);
  await page.getByLabel('Пароль', { exact: true }).fill(olha.ownPassword);
  await page.getByLabel('Код із застосунку автентифікації').fill(await olha.totp.next());
  await page.getByRole('button', { name: 'Увійти', exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Розділи' });
  await expect(nav).toBeVisible({ timeout: SIGN_IN_TIMEOUT_MS });
  await nav.getByRole('button', { name: 'Панель', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Панель', level: 1 })).toBeVisible();
  const ukContacts = await tableCells(page, 'contacts');
  expect(ukContacts[0]).toEqual(['Місяць', 'Нових контактів']);
  expect(ukContacts.at(-1)).toEqual([monthName('uk-UA'), '3']);
  expect((await tableCells(page, 'pipeline'))[1]?.[2]).toMatch(/^15 500,50 (₴|грн)$/);
  await expect(page.getByRole('heading', { name: 'Вартість воронки за етапами' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'dashboard-uk');
  // The figures open the records behind them (issue 18 point 2): the month's lost deal …
  await page.getByRole('button', { name: `${monthName('uk-UA')}: програно 1` }).click();
  await expect(page).toHaveURL(/#\/deals\/list$/);
  await expect(page.getByTestId('deal-row')).toHaveCount(1);
  await expect(page.getByTestId('deal-row')).toContainText('Склад');
  // … and the owner's two calls of the last 30 days.
  await nav.getByRole('button', { name: 'Панель', exact: true }).click();
  await page.getByRole('button', { name: `${owner.displayName} · 2` }).click();
  await expect(page).toHaveURL(/#\/activities$/);
  await expect(page.getByText('Дзвінок щодо поставки')).toBeVisible();
  await expect(page.getByText('Дзвінок про оплату')).toBeVisible();
  await page.getByRole('button', { name: 'Вийти' }).click();
  await expect(page.getByRole('heading', { name: 'Вхід', level: 1 })).toBeVisible();

  // A manager: no Dashboard in the navigation, and the channel refuses them.
  await page.getByText('English', { exact: true }).click();
  await firstSignIn(page, PAVLO);
  await expectShell(page, PAVLO.displayName);
  expect(await navigationItems(page)).not.toContain('Dashboard');
  const { result } = await callAsPage(page, host, 'zamok:analytics.dashboard', { months: 3 });
  expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
});
