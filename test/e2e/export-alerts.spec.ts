/**
 * Contact export and its guardrails, end to end: a manager exports all 500 of her clients from the
 * contact list (the downloaded CSV has 500 rows) → the owner sees the mass-export alert in the bell.
 * The owner then makes exports above 100 records wait for approval: the manager's next export shows
 * "waiting", the owner approves it from the alert, and the manager's file downloads by itself.
 *
 * The 500 clients are created through the host's API as the manager (500 form fills would test the
 * form, not the export). The owner approves on her own computer while the manager waits on hers:
 * the manager's laptop is a second browser test host on the same vault folder (ZAMOK_TEST_DEVICE_ID,
 * honoured by the preview host only), as in allowed-devices.spec.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { englishContext, expect, test } from './fixtures';
import { expectShell, runSetupWizard, signOut, submitSignIn } from './support/flows';
import { captureScreen, checkScreenSoft } from './support/screens';
import {
  addUser,
  callAsPage,
  firstSignIn,
  openSection,
  signInStaff,
  type StaffMember,
} from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

const repo = resolve(import.meta.dirname, '..', '..');
const URL_LINE = /Zamok preview: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/;

const MIRA: StaffMember = {
  login: 'mira.koval',
  displayName: 'Мирослава Коваль',
  roleName: 'Manager',
  setupPassword: 'granite pelican orchard fifty',
  ownPassword: 'copper walrus meadow lantern',
};

const SURNAMES = [
  'Шевченко',
  'Коваленко',
  'Бондаренко',
  'Ткаченко',
  'Кравченко',
  'Олійник',
  'Шевчук',
  'Поліщук',
  'Бойко',
  'Ковальчук',
  'Мельник',
  'Мельничук',
  'Лисенко',
  'Марченко',
  'Савченко',
  'Руденко',
  'Мороз',
  'Павленко',
  'Петренко',
  'Клименко',
  'Гаврилюк',
  'Мʼясоїд',
  'Кузьменко',
  'Ігнатенко',
  'Ґудзь',
];
const GIVEN = [
  'Оксана',
  'Тарас',
  'Ганна',
  'Петро',
  'Ірина',
  'Богдан',
  'Олена',
  'Андрій',
  'Марія',
  'Юрій',
  'Наталія',
  'Остап',
  'Соломія',
  'Дмитро',
  'Леся',
  'Василь',
  'Христина',
  'Євген',
  'Зоряна',
  'Їжак',
];

/** Starts the manager's laptop: a second host on the same vault with its own device id. */
function startLaptop(vaultDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/host/main.ts', '--vault-dir', vaultDir, '--port', '0'],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ZAMOK_TEST_DEVICE_ID: 'dev-e2e-export-laptop' },
    },
  );
  return new Promise((done, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`laptop host did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done({ url: match[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

async function stopLaptop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The data rows of a downloaded CSV (BOM and header checked, CRLF rows). */
async function csvRows(download: Download): Promise<string[]> {
  expect(download.suggestedFilename()).toMatch(/^zamok-contacts-.*\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  // CSV for Excel (records.export's default): semicolons.
  expect(header).toMatch(/^Surname;Given name;/);
  return rows;
}

/** Contacts → Export → CSV for Excel → Export: the export modal, after the click. */
async function startExport(page: Page) {
  await openSection(page, 'Contacts');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export contacts' });
  await expect(dialog.getByText(/^The records you have access to will be exported/)).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^CSV for Excel/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  return dialog;
}

test('a manager exports 500 contacts → the owner is alerted; an export above the approval limit waits for the owner', async ({
  page,
  browser,
  vaultDir,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(360_000);
  const host = { origin: hostOrigin, token: hostToken };
  const owner = await runSetupWizard(page);
  await openSection(page, 'Users');
  await addUser(page, MIRA);
  await signOut(page);
  const mira = await firstSignIn(page, MIRA);

  // 500 clients of Mira's, through the same router the interface uses.
  for (let n = 0; n < 500; n += 1) {
    const { result } = await callAsPage(page, host, 'zamok:contacts.create', {
      contact: {
        surname: SURNAMES[n % SURNAMES.length],
        givenName: GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length],
        notes: n === 0 ? 'Каже: "дзвонити після 18:00", у пʼятницю' : undefined,
      },
    });
    expect(result.ok, `contact ${n}`).toBe(true);
  }

  // Mira exports everything she has: the file holds all 500.
  const firstFile = page.waitForEvent('download');
  const dialog = await startExport(page);
  expect(await csvRows(await firstFile)).toHaveLength(500);
  await expect(dialog.getByText(/^Saved 500 records to “zamok-contacts-.*\.csv”\.$/)).toBeVisible();
  await checkScreenSoft(page, testInfo, 'export-done');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await signOut(page);

  // The owner: the bell shows the mass export; the alert has counts, not Mira's name.
  await submitSignIn(page, {
    login: owner.login,
    password: owner.password,
    totpCode: await owner.totp.next(),
  });
  await expectShell(page, owner.displayName);
  await page.getByRole('button', { name: /^Alerts: \d+ unread$/ }).click();
  const drawer = page.getByRole('dialog', { name: 'Security alerts' });
  const massExport = drawer.getByRole('article').filter({ hasText: 'Mass export' });
  await expect(massExport).toContainText('One user exported 500 records in a short time.');
  await expect(massExport).not.toContainText(MIRA.displayName);
  await captureScreen(page, testInfo, 'export-mass-alert');

  // Exports above 100 records now wait for the owner.
  const approval = drawer.getByRole('switch', {
    name: 'Exports above the limit wait for my approval',
  });
  await expect(approval).toBeEnabled();
  await approval.click();
  await drawer.getByLabel('Limit (records)').fill('100');
  await drawer.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(drawer.getByText('Saved.')).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).click();

  const laptopHost = await startLaptop(vaultDir);
  try {
    const laptop = await (await englishContext(browser)).newPage();
    await laptop.goto(laptopHost.url);
    await signInStaff(laptop, mira);
    const waiting = await startExport(laptop);
    await expect(waiting.getByText('The owner’s approval is needed')).toBeVisible();
    await expect(waiting).toContainText('You are exporting 500 records');
    await checkScreenSoft(laptop, testInfo, 'export-waiting');

    // The owner approves from the alert (opening the bell reloads the alerts).
    await page.getByRole('button', { name: /^Alerts/ }).click();
    const request = drawer
      .getByRole('article')
      .filter({ hasText: 'An export waits for your approval' });
    await expect(request).toContainText('A staff member wants to export 500 contacts (csv).');
    await captureScreen(page, testInfo, 'export-approval-alert');
    await request.getByRole('button', { name: 'Approve' }).click();
    await expect(request).toContainText('Approved: the staff member gets the file once');

    // Mira starts the same export again: the approved request runs once.
    const approvedFile = laptop.waitForEvent('download');
    await waiting.getByRole('button', { name: 'Export again' }).click();
    await waiting.getByRole('button', { name: 'Export', exact: true }).click();
    expect(await csvRows(await approvedFile)).toHaveLength(500);
    await expect(
      waiting.getByText(/^Saved 500 records to “zamok-contacts-.*\.csv”\.$/),
    ).toBeVisible();
    await laptop.context().close();
  } finally {
    await stopLaptop(laptopHost.child);
  }
});
