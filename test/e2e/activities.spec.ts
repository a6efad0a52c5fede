/**
 * Activities, end to end: on a contact's page the owner logs a call (Ctrl+Enter saves) and a task
 * due in ten minutes with a reminder fifteen minutes before it; the timeline shows both, newest
 * first; the reminder, already due, appears in the app as a notification; "Activities" lists the
 * open task. Screenshots of the timeline in English and Ukrainian. A manager edits and deletes a
 * call of theirs from the timeline's entry menu; the owner finds both in the audit log.
 */
import { expect, test } from './fixtures';
import { expectShell, runSetupWizard, signOut, submitSignIn } from './support/flows';
import { checkScreenSoft } from './support/screens';
import {
  addUser,
  auditRows,
  contactRows,
  createContact,
  firstSignIn,
  openSection,
  signInStaff,
  type StaffMember,
} from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

test('activities: a call and a task with a reminder on a contact, newest first', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await runSetupWizard(page);
  await openSection(page, 'Contacts');
  await createContact(page, {
    surname: 'Коваль',
    givenName: 'Олена',
    company: 'Пекарня Світанок',
    phone: '+380 67 123 4567',
  });

  const form = page.getByRole('form', { name: 'Log an activity' });
  const timeline = page.getByTestId('timeline');
  await expect(page.getByText('Nothing here yet.', { exact: false })).toBeVisible();

  // A call, saved with Ctrl+Enter from the subject field.
  await form.getByLabel('Subject', { exact: true }).fill('Discussed the contract terms');
  await form.getByLabel('Subject', { exact: true }).press('Control+Enter');
  await expect(timeline.getByText('Discussed the contract terms')).toBeVisible();

  // A task due in ten minutes, reminded fifteen minutes before: the reminder is due at once.
  await form.getByText('Task', { exact: true }).click();
  const due = await page.evaluate(() => {
    const d = new Date(Date.now() + 10 * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await form.getByLabel('Due', { exact: true }).fill(due);
  await expect(form.getByRole('combobox', { name: 'Remind me' })).toHaveValue('15 minutes before');
  await form.getByLabel('Subject', { exact: true }).fill('Send the invoice');
  await form.getByRole('button', { name: 'Save', exact: true }).click();

  const items = timeline.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Send the invoice');
  await expect(items.nth(1)).toContainText('Discussed the contract terms');
  await expect(page.getByText('Reminder: Send the invoice')).toBeVisible({ timeout: 40_000 });
  await checkScreenSoft(page, testInfo, 'contact-timeline');

  // My tasks ("Activities" in the navigation) lists the open task.
  await openSection(page, 'Activities');
  await expect(page.getByRole('heading', { name: 'My tasks', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'My open tasks' }).getByText('Send the invoice'),
  ).toBeVisible();
  await checkScreenSoft(page, testInfo, 'my-tasks');

  // The same timeline in Ukrainian.
  await page.getByRole('button', { name: 'Client: Олена Коваль' }).click();
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByRole('heading', { name: 'Хронологія' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'contact-timeline-uk');
});

const MANAGER: StaffMember = {
  login: 'oksana.manager',
  displayName: 'Оксана Ткаченко',
  roleName: 'Manager',
  setupPassword: 'harbour violet cinder twelve',
  ownPassword: 'meadow quartz lantern otter',
};

test('activities: a manager edits a call from the timeline menu, deletes it, and the owner sees both in the audit log', async ({
  page,
}, testInfo) => {
  // Vault creation, a setup password, a first sign-in and two more sign-ins: real Argon2id each.
  test.setTimeout(240_000);
  const owner = await runSetupWizard(page);
  await openSection(page, 'Users');
  await addUser(page, MANAGER);
  await signOut(page);
  const manager = await firstSignIn(page, MANAGER);

  await openSection(page, 'Contacts');
  await createContact(page, {
    surname: 'Мельник',
    givenName: 'Ярослав',
    company: 'Кав’ярня Зерно',
    phone: '+380 50 111 2233',
  });
  const form = page.getByRole('form', { name: 'Log an activity' });
  const timeline = page.getByTestId('timeline');
  await form.getByLabel('Subject', { exact: true }).fill('Called about the delivery');
  await form.getByLabel('Subject', { exact: true }).press('Control+Enter');
  await expect(timeline.getByText('Called about the delivery')).toBeVisible();

  // The entry's menu, opened from the keyboard.
  const menuButton = timeline.getByRole('button', {
    name: 'Actions for “Called about the delivery”',
  });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await checkScreenSoft(page, testInfo, 'timeline-entry-menu');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('Enter');

  const edit = page.getByRole('dialog', { name: 'Edit entry' });
  const subject = edit.getByLabel('Subject', { exact: true });
  await expect(subject).toHaveValue('Called about the delivery');
  await expect(edit.getByText('Call', { exact: true })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'timeline-edit-dialog');
  await subject.fill('Agreed the delivery for Friday');
  await subject.press('Control+Enter');
  await expect(edit).toBeHidden();
  await expect(timeline.getByText('Agreed the delivery for Friday')).toBeVisible();
  await expect(timeline.getByText('Called about the delivery')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

  // Delete: asked first; Cancel keeps it, Delete removes it.
  await timeline
    .getByRole('button', { name: 'Actions for “Agreed the delivery for Friday”' })
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this entry?' });
  await expect(confirm).toContainText('“Agreed the delivery for Friday” will leave the timeline');
  await checkScreenSoft(page, testInfo, 'timeline-delete-dialog');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(timeline.getByText('Agreed the delivery for Friday')).toBeVisible();
  await timeline
    .getByRole('button', { name: 'Actions for “Agreed the delivery for Friday”' })
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'The entry was removed from the timeline.' }),
  ).toBeVisible();
  await expect(page.getByText('Agreed the delivery for Friday')).toHaveCount(0);

  // Still gone after a reload (the session may ask to sign in again).
  await page.reload();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const signIn = page.getByRole('heading', { name: 'Sign in', level: 1 });
  await expect(nav.or(signIn)).toBeVisible({ timeout: 30_000 });
  if (await signIn.isVisible()) await signInStaff(page, manager);
  await openSection(page, 'Contacts');
  await contactRows(page).filter({ hasText: 'Мельник' }).click();
  await expect(page.getByRole('heading', { name: 'Мельник Ярослав', level: 1 })).toBeVisible();
  await expect(page.getByText('Nothing here yet.', { exact: false })).toBeVisible();
  await expect(page.getByText('Agreed the delivery for Friday')).toHaveCount(0);
  await signOut(page);

  // The owner: the change and the deletion are in the audit log, by the manager.
  await submitSignIn(page, {
    login: owner.login,
    password: owner.password,
    totpCode: await owner.totp.next(),
  });
  await expectShell(page, owner.displayName);
  await openSection(page, 'Audit log');
  const rows = await auditRows(page);
  for (const what of ['Activity logged', 'Activity changed', 'Activity deleted']) {
    expect(
      rows.filter(row => row.who === MANAGER.login && row.what === what && row.outcome === 'ok'),
      what,
    ).toHaveLength(1);
  }
});
