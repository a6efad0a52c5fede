/**
 * A new computer: the owner made a vault with a contact on the old one (a second host), a backup was
 * written (and signed with the recovery key) by the CLI, and on this computer the vault folder is empty. "Restore from a backup" with
 * the file and the recovery key shows "Vault restored" (it used to jump to the wizard's owner step,
 * the restore dialog's submit bubbling to the wizard's form), "Go to sign-in" opens the sign-in
 * screen, the restored owner signs in with the old password and authenticator, and the contact is
 * there. Done in Ukrainian at 1366×768; each step is a screenshot in test-results.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { englishContext, expect, startHost, stopHost, test } from './fixtures';
import { runSetupWizard, signOut, SIGN_IN_TIMEOUT_MS } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { callAsPage } from './support/staff';

const repo = resolve(import.meta.dirname, '..', '..');

test.use({ locale: 'uk-UA', viewport: { width: 1366, height: 768 } });

/** The old computer: a vault with one contact, closed, and a backup of it made by the CLI. */
async function oldComputerBackup(
  page: Page,
  work: string,
): Promise<{ file: string; owner: Awaited<ReturnType<typeof runSetupWizard>> }> {
  const vaultDir = join(work, 'old-vault');
  const host = await startHost(vaultDir);
  try {
    await page.goto(host.url);
    const owner = await runSetupWizard(page);
    const url = new URL(host.url);
    const created = await callAsPage(
      page,
      { origin: url.origin, token: url.hash.replace('#token=', '') },
      'zamok:contacts.create',
      { contact: { surname: 'Гнатюк', givenName: 'Ярина', phones: [{ number: '+380501112233' }] } },
    );
    expect(created.result.ok).toBe(true);
    await signOut(page);
    await stopHost(host.child);
    const out = join(work, 'usb');
    await mkdir(out);
    const made = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/cli/main.ts',
        '--vault',
        vaultDir,
        'backup',
        'create',
        '--out',
        out,
        '--recovery-key-stdin',
      ],
      { cwd: repo, encoding: 'utf8', timeout: 120_000, input: `${owner.recoveryKey}\n` },
    );
    expect(made.status, made.stderr).toBe(0);
    const files = (await readdir(out)).filter(name => name.endsWith('.zamokbackup'));
    expect(files).toHaveLength(1);
    return { file: join(out, files[0] ?? ''), owner };
  } finally {
    await stopHost(host.child);
  }
}

test('a new computer restores from a backup and the owner signs in', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const work = await mkdtemp(join(tmpdir(), 'zamok-e2e-old-'));
  try {
    const oldContext = await englishContext(browser);
    const { file, owner } = await oldComputerBackup(await oldContext.newPage(), work);
    await oldContext.close();

    // This computer: an empty folder, the setup wizard in Ukrainian.
    await expect(page.getByRole('heading', { name: 'Де зберігати сховище' })).toBeVisible();
    await page.getByRole('button', { name: 'Відновити з резервної копії' }).click();
    const dialog = page.getByRole('dialog', { name: 'Відновлення з резервної копії' });
    await dialog.getByRole('textbox', { name: /^Файл копії/ }).fill(file);
    await dialog.getByRole('textbox', { name: /^Ключ відновлення/ }).fill(owner.recoveryKey);
    await checkScreenSoft(page, testInfo, 'restore-1-form-uk');
    await dialog.getByRole('button', { name: 'Відновити', exact: true }).click();

    await expect(dialog.getByText('Сховище відновлено')).toBeVisible({ timeout: 60_000 });
    // Still the restore dialog over the wizard's first step: the wizard did not move on.
    await expect(page.getByRole('heading', { name: 'Обліковий запис власника' })).toHaveCount(0);
    await checkScreenSoft(page, testInfo, 'restore-2-done-uk');
    await dialog.getByRole('button', { name: 'До входу' }).click();

    await expect(page.getByRole('heading', { name: 'Вхід', level: 1 })).toBeVisible();
    await page.getByLabel('Логін').fill(owner.login);
    await page.getByLabel('Пароль', { exact: true }).fill(owner.password);
    await page.getByLabel('Код із застосунку автентифікації').fill(await owner.totp.next());
    await checkScreenSoft(page, testInfo, 'restore-3-sign-in-uk');
    await page.getByRole('button', { name: 'Увійти', exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Розділи' })).toBeVisible({
      timeout: SIGN_IN_TIMEOUT_MS,
    });
    await expect(page.getByTestId('signed-in-user')).toContainText(owner.displayName);

    await page.getByRole('navigation', { name: 'Розділи' }).getByText('Контакти').click();
    await expect(page.getByText('Гнатюк Ярина')).toBeVisible();
    await checkScreenSoft(page, testInfo, 'restore-4-data-uk');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
