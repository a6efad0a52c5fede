/**
 * Activities, end to end: on a contact's page the owner logs a call (Ctrl+Enter saves) and a task
 * due in ten minutes with a reminder fifteen minutes before it; the timeline shows both, newest
 * first; the reminder, already due, appears in the app as a notification; "Activities" lists the
 * open task. Screenshots of the timeline in English and Ukrainian.
 */
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { createContact, openSection } from './support/staff';

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
  await page.getByRole('button', { name: 'Open contact' }).click();
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByRole('heading', { name: 'Хронологія' })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'contact-timeline-uk');
});
