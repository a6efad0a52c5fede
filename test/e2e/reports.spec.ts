/**
 * Reports, end to end: the owner adds a manager, opens Reports and reads the access regulation
 * generated from the live vault (the real built-in roles, the new colleague in the staff table,
 * the backup rule as configured), then the monthly review of this month (the vault creation counts as their first sign-in),
 * and downloads it as CSV (BOM, header, their row; no client data).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { addUser, navigationItems, openSection, type StaffMember } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

const MIRA: StaffMember = {
  login: 'mira.koval',
  displayName: 'Мирослава Коваль',
  roleName: 'Manager',
  setupPassword: 'granite pelican orchard fifty',
  ownPassword: 'copper walrus meadow lantern',
};

test('the owner reads the regulation and downloads the monthly review', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const owner = await runSetupWizard(page);
  await openSection(page, 'Users');
  await addUser(page, MIRA);

  expect(await navigationItems(page)).toContain('Reports');
  await openSection(page, 'Reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  const regulation = page.getByRole('article');
  await expect(
    regulation.getByRole('heading', {
      name: 'Regulation of work with the CRM and access to client data',
    }),
  ).toBeVisible({ timeout: 20_000 });
  const roles = regulation.getByRole('table', { name: '5. Roles and permissions' });
  for (const role of ['Owner', 'System administrator', 'Head', 'Manager', 'Auditor']) {
    await expect(roles.getByRole('cell', { name: role, exact: true })).toBeVisible();
  }
  await expect(
    roles
      .getByRole('row')
      .filter({ hasText: /^Manager/ })
      .getByRole('cell')
      .nth(1),
  ).toContainText('View contacts (own)');
  const staff = regulation.getByRole('table', { name: '6. Staff and their roles' });
  await expect(staff.getByRole('row').filter({ hasText: MIRA.login })).toContainText('Manager');
  await expect(staff.getByRole('row').filter({ hasText: owner.login })).toContainText('Owner');
  await expect(regulation).toContainText(`Not enrolled in two-factor authentication yet`);
  await expect(regulation).toContainText('No backup place is set up yet.');
  await expect(page.getByRole('button', { name: 'Print' })).toBeEnabled();
  await checkScreenSoft(page, testInfo, 'reports-regulation');
  // The same document in Ukrainian, whatever the interface language.
  await page.getByRole('radiogroup', { name: 'Document language' }).getByText('Українська').click();
  await expect(
    regulation.getByRole('heading', { name: 'Регламент роботи з CRM і доступу до даних клієнтів' }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(
    regulation.getByRole('table', { name: '6. Працівники та їхні ролі' }).getByRole('row', {
      name: new RegExp(MIRA.login),
    }),
  ).toContainText('Менеджер');
  await checkScreenSoft(page, testInfo, 'reports-regulation-uk');

  await page.getByRole('tab', { name: 'Monthly review' }).click();
  // A list of months named in the app's language (its value stays YYYY-MM).
  const month = page.getByRole('combobox', { name: 'Month' });
  await expect(month).not.toHaveValue('');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const summary = page.getByRole('table', { name: 'Sign-ins and actions per person' });
  const ownerRow = summary.getByRole('row').filter({ hasText: owner.login });
  await expect(ownerRow).toBeVisible({ timeout: 20_000 });
  await expect(summary.getByRole('row').filter({ hasText: MIRA.login })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'reports-review');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`zamok-review-${await month.inputValue()}.csv`);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(header).toMatch(/^Person,Login,Role,Sign-ins,First sign-in,Last sign-in,Devices,/);
  const own = rows.find(r => r.includes(`,${owner.login},`));
  expect(own).toMatch(new RegExp(`^${owner.displayName},${owner.login},Owner,1,`));
  expect(rows.some(r => r.includes(`,${MIRA.login},Manager,0,`))).toBe(true);
});
