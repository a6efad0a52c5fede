/**
 * Two laptops and an office server (issue 16, "E2E in Chromium"): the office server runs on
 * loopback (embedded PGlite, started here), two test hosts are two laptops. The owner joins with
 * the server's one-time code from the sync panel and makes an invitation code; the manager's
 * laptop joins with it and waits; the owner approves it on the approvals screen; after
 * "Синхронізувати зараз" each laptop sees the other's permitted change (the manager's own client
 * on the owner's laptop, a client the owner gives the manager on the manager's laptop).
 * Ukrainian screenshots; axe finds nothing serious.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { silentLogger } from '../../src-server/log';
import { serveOffice, type RunningOffice } from '../../src-server/serve';
import { englishContext, expect, startHost, stopHost, test, type RunningHost } from './fixtures';
import { expectShell, runSetupWizard } from './support/flows';
import { checkScreenSoft, expectNoSeriousA11yViolations } from './support/screens';
import { callAsPage, signedInUserId } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

let office: RunningOffice;
let officeDir: string;

test.beforeAll(async () => {
  officeDir = await mkdtemp(join(tmpdir(), 'zamok-e2e-office-'));
  office = await serveOffice({
    storage: { data: join(officeDir, 'office') },
    host: '127.0.0.1',
    port: 0,
    log: silentLogger(),
  });
});
test.afterAll(async () => {
  await office.close();
  await rm(officeDir, { recursive: true, force: true });
});

async function openSyncPanel(page: Page, heading: string): Promise<void> {
  await page.evaluate(() => {
    window.location.hash = '#/office/settings';
  });
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

async function toUkrainian(page: Page): Promise<void> {
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
}

test('two laptops join one office, the owner approves, each sees the other’s change', async ({
  page,
  browser,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(300_000);
  // The owner's laptop.
  const owner = await runSetupWizard(page);
  await expectShell(page, owner.displayName);
  await openSyncPanel(page, 'Office sync');
  await page.getByLabel('Server address').fill(office.url);
  await page.getByLabel('Enrolment code').fill(office.enrolmentCode ?? '');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByTestId('office-sync-facts')).toBeVisible();
  await page.getByRole('button', { name: 'Invite a colleague' }).click();
  const invite = (await page.getByTestId('office-invite-code').textContent()) ?? '';
  expect(invite).toMatch(/^ZI1\./);

  // The manager's laptop: another host, another vault.
  const laptopDir = await mkdtemp(join(tmpdir(), 'zamok-e2e-laptop-'));
  let laptopHost: RunningHost | null = null;
  try {
    laptopHost = await startHost(join(laptopDir, 'vault'));
    const laptop = await (await englishContext(browser)).newPage();
    await laptop.goto(laptopHost.url);
    const manager = await runSetupWizard(laptop);
    await expectShell(laptop, manager.displayName);
    await toUkrainian(laptop);
    await openSyncPanel(laptop, 'Синхронізація з офісом');
    await laptop.getByLabel('Адреса сервера').fill(office.url);
    await laptop.getByLabel('Код приєднання').fill(invite);
    await checkScreenSoft(laptop, testInfo, 'office-join-form');
    await expectNoSeriousA11yViolations(laptop, 'join form');
    await laptop.getByRole('button', { name: 'Приєднатися' }).click();
    await expect(laptop.getByTestId('office-pending')).toBeVisible();
    await checkScreenSoft(laptop, testInfo, 'office-waiting-for-approval');

    // The owner approves it.
    await toUkrainian(page);
    await page.getByRole('button', { name: 'Комп’ютери, що чекають схвалення' }).click();
    await expect(
      page.getByRole('heading', { name: 'Комп’ютери, що чекають схвалення' }),
    ).toBeVisible();
    const row = page.getByTestId('office-waiting').getByRole('row').nth(1);
    await expect(row).toContainText(manager.displayName);
    await checkScreenSoft(page, testInfo, 'office-approvals');
    await expectNoSeriousA11yViolations(page, 'approvals');
    await row.getByRole('button', { name: 'Схвалити' }).click();
    await expect(page.getByRole('status')).toContainText('Комп’ютер схвалено');

    // The manager's first round; then a client of her own.
    await laptop.getByRole('button', { name: 'Перевірити зараз' }).click();
    await expect(laptop.getByTestId('office-sync-facts')).toBeVisible();
    const laptopApi = {
      origin: new URL(laptopHost.url).origin,
      token: laptopHost.url.split('#token=')[1] ?? '',
    };
    const ownerApi = { origin: hostOrigin, token: hostToken };
    const mine = await callAsPage(laptop, laptopApi, 'zamok:contacts.create', {
      contact: { surname: 'Менеджерська', givenName: 'Клієнтка' },
    });
    expect(mine.result.ok).toBe(true);
    // The owner gives the manager a client (her partition: the owner may write it).
    const managerId = await signedInUserId(laptop, laptopApi);
    const given = await callAsPage<{ id: string }>(page, ownerApi, 'zamok:contacts.create', {
      contact: { surname: 'Передана', givenName: 'Власником' },
    });
    expect(given.result.ok).toBe(true);
    const givenId = given.result.ok ? given.result.value.id : '';
    const moved = await callAsPage(page, ownerApi, 'zamok:contacts.reassign', {
      id: givenId,
      ownerId: managerId,
    });
    expect(moved.result.ok).toBe(true);

    await laptop.getByRole('button', { name: 'Синхронізувати зараз' }).click();
    await expect(laptop.getByRole('status')).toContainText('Синхронізовано');
    await page.getByRole('button', { name: 'До синхронізації' }).click();
    await page.getByRole('button', { name: 'Синхронізувати зараз' }).click();
    await expect(page.getByRole('status')).toContainText('Синхронізовано');
    await laptop.getByRole('button', { name: 'Синхронізувати зараз' }).click();
    await expect(laptop.getByRole('status')).toContainText('Синхронізовано');
    await checkScreenSoft(laptop, testInfo, 'office-synced');
    await expectNoSeriousA11yViolations(laptop, 'sync panel');

    const names = async (p: Page, api: { origin: string; token: string }) => {
      const listed = await callAsPage<{ items: { surname: string }[] }>(
        p,
        api,
        'zamok:contacts.list',
        { filter: {} },
      );
      expect(listed.result.ok, listed.body).toBe(true);
      return listed.result.ok ? listed.result.value.items.map(c => c.surname) : [];
    };
    expect(await names(page, ownerApi)).toEqual(
      expect.arrayContaining(['Менеджерська', 'Передана']),
    );
    expect(await names(laptop, laptopApi)).toEqual(
      expect.arrayContaining(['Менеджерська', 'Передана']),
    );
  } finally {
    if (laptopHost) await stopHost(laptopHost.child);
    await rm(laptopDir, { recursive: true, force: true });
  }
});
