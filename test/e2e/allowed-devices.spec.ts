/**
 * Allowed devices, end to end: the owner turns on "approved computers only" (the owner's own
 * computer is approved by it); a manager on a second computer is refused after a correct password
 * and code, with what to do; the owner approves that computer; the manager signs in.
 *
 * A second computer on one test machine: a second browser test host on the same vault folder,
 * started with ZAMOK_TEST_DEVICE_ID, which only the preview host honours (compose.ts refuses it for
 * the Electron app and the CLI). Everything else — unlock, 2FA, the check, the audit entry, the
 * alert — runs as it would on another machine sharing the vault folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { englishContext, expect, test } from './fixtures';
import {
  expectShell,
  runSetupWizard,
  signOut,
  SIGN_IN_TIMEOUT_MS,
  submitSignIn,
} from './support/flows';
import { captureScreen, checkScreenSoft } from './support/screens';
import { addUser, firstSignIn, openSection, type StaffMember } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

const repo = resolve(import.meta.dirname, '..', '..');
const URL_LINE = /Zamok preview: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/;
const LAPTOP_ID = 'dev-e2e-manager-laptop';

const MIRA: StaffMember = {
  login: 'mira.koval',
  displayName: 'Мирослава Коваль',
  roleName: 'Manager',
  setupPassword: 'granite pelican orchard fifty',
  ownPassword: 'copper walrus meadow lantern',
};

/** Starts a second host on the same vault acting as another computer; resolves with its URL. */
function startSecondComputer(vaultDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/host/main.ts', '--vault-dir', vaultDir, '--port', '0'],
    {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ZAMOK_TEST_DEVICE_ID: LAPTOP_ID },
    },
  );
  return new Promise((done, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`second host did not start:\n${output}`));
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

/** Stops the second host by its pid (SIGTERM: it closes cleanly). */
async function stopSecondComputer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

test('owner requires approved computers; a manager on a new computer is refused until the owner approves it', async ({
  page,
  browser,
  vaultDir,
}, testInfo) => {
  // Vault creation, a setup password, a first sign-in and five more sign-ins (real Argon2id each),
  // with TOTP steps that may have to wait for the clock.
  test.setTimeout(300_000);
  const owner = await runSetupWizard(page);
  await openSection(page, 'Users');
  await addUser(page, MIRA);
  await signOut(page);
  const mira = await firstSignIn(page, MIRA);
  await signOut(page);

  // The owner turns the rule on: their own computer is approved by it.
  await submitSignIn(page, {
    login: owner.login,
    password: owner.password,
    totpCode: await owner.totp.next(),
  });
  await expectShell(page, owner.displayName);
  await openSection(page, 'Settings');
  await page.getByRole('tab', { name: 'Devices and networks' }).click();
  const onlyApproved = page.getByRole('switch', {
    name: 'Allow sign-in only on computers you approved',
  });
  await expect(onlyApproved).not.toBeChecked();
  await onlyApproved.click();
  await expect(onlyApproved).toBeChecked();
  const computers = page.getByRole('table', { name: 'Computers used to sign in' });
  await expect(computers.getByRole('row').filter({ hasText: 'this computer' })).toContainText(
    'Approved',
  );
  await checkScreenSoft(page, testInfo, 'devices-approval-on');
  await signOut(page);

  const second = await startSecondComputer(vaultDir);
  try {
    const laptop = await (await englishContext(browser)).newPage();
    await laptop.goto(second.url);
    await expect(laptop.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
    await submitSignIn(laptop, {
      login: mira.login,
      password: mira.ownPassword,
      totpCode: await mira.totp.next(),
    });
    const refusal = laptop.getByRole('alert').filter({ hasText: 'not approved' });
    await expect(refusal).toHaveText(
      'This computer is not approved for sign-in yet. Ask the owner to approve it in Settings → Devices and networks, then sign in again.',
      { timeout: SIGN_IN_TIMEOUT_MS },
    );
    await expect(laptop.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
    await captureScreen(laptop, testInfo, 'devices-refused-sign-in');

    // The owner sees the waiting computer (first in the list) and approves it.
    await submitSignIn(page, {
      login: owner.login,
      password: owner.password,
      totpCode: await owner.totp.next(),
    });
    await expectShell(page, owner.displayName);
    await openSection(page, 'Settings');
    await page.getByRole('tab', { name: 'Devices and networks' }).click();
    await expect(page.getByText('Waiting for approval: 1.', { exact: false })).toBeVisible();
    const pending = computers.getByRole('row').filter({ hasText: LAPTOP_ID });
    await expect(pending).toContainText('Waiting for approval');
    await checkScreenSoft(page, testInfo, 'devices-pending');
    // Ukrainian first: the same screen in the default language.
    await page.getByText('Українська', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await expect(page.getByRole('row').filter({ hasText: LAPTOP_ID })).toContainText(
      'Чекає схвалення',
    );
    await expect(
      page.getByRole('switch', { name: /лише з комп’ютерів, які ви схвалили/ }),
    ).toBeChecked();
    await checkScreenSoft(page, testInfo, 'devices-pending-uk');
    await page.getByText('English', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await pending.getByRole('button', { name: /^Approve/ }).click();
    await expect(pending).toContainText('Approved');
    await signOut(page);

    await submitSignIn(laptop, {
      login: mira.login,
      password: mira.ownPassword,
      totpCode: await mira.totp.next(),
    });
    await expectShell(laptop, mira.displayName);
    await laptop.context().close();
  } finally {
    await stopSecondComputer(second.child);
  }
});
