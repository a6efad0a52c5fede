/**
 * Tasks and calls that carry facts, end to end in Ukrainian: on a contact's page the owner logs an
 * outgoing call of 7 minutes with the outcome "Передзвонити", which turns on a next step; one save
 * creates the call and the task. The reminder of that task comes due at once and is snoozed for an
 * hour from its notification. The task list's "Сьогодні" view names the client; a standalone task
 * ("Подати звіт до податкової") is added from the section; both sit on today's cell of the month
 * calendar; both are selected and marked done in one go. Screenshots and axe (0 serious) of the
 * form, the list, the calendar and the emptied view.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { callAsPage } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

/** A `datetime-local` value `minutes` from now in the page's time zone (capped at 23:59 today). */
async function laterToday(page: Page, minutes: number): Promise<string> {
  return page.evaluate(m => {
    const now = new Date();
    const end = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59);
    const d = new Date(Math.min(now.getTime() + m * 60_000, end.getTime()));
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);
}

test('tasks: a call with outcome “call back” creates a task; Today, the calendar, bulk done', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(240_000);
  const host = { origin: hostOrigin, token: hostToken };
  await runSetupWizard(page);
  const contact = await callAsPage<{ id: string }>(page, host, 'zamok:contacts.create', {
    contact: { surname: 'Коваль', givenName: 'Олена', phones: [{ number: '+380671234567' }] },
  });
  expect(contact.result.ok).toBe(true);

  // Ukrainian from here on.
  await page.getByText('Українська', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  const nav = page.getByRole('navigation', { name: 'Розділи' });
  // Created outside the interface: found through the header's search.
  const search = page.getByRole('combobox', { name: 'Пошук' });
  await search.fill('Коваль');
  await page.getByRole('option', { name: /Коваль Олена/ }).click();
  await expect(page.getByRole('heading', { name: 'Коваль Олена', level: 1 })).toBeVisible();
  // The phone offers Viber, Telegram and WhatsApp beside the call.
  await expect(page.getByRole('link', { name: /^Написати у Viber на/ })).toHaveAttribute(
    'href',
    'viber://chat?number=%2B380671234567',
  );
  await expect(page.getByRole('link', { name: /^Написати у WhatsApp на/ })).toHaveAttribute(
    'href',
    'https://wa.me/380671234567',
  );

  // The call: direction, duration, outcome "Передзвонити" → the next step turns on.
  const form = page.getByRole('form', { name: 'Записати активність' });
  await form.getByLabel('Тема', { exact: true }).fill('Дзвінок щодо поставки');
  await form.getByText('Вихідний', { exact: true }).click();
  await form.getByLabel('Тривалість, хв').fill('7');
  await form.getByRole('combobox', { name: 'Результат' }).click();
  await page.getByRole('option', { name: 'Передзвонити' }).click();
  await expect(form.getByLabel('Наступний крок — створити завдання')).toBeChecked();
  await expect(form.getByLabel('Що зробити далі')).toHaveValue('Передзвонити');
  await form.getByLabel('Що зробити далі').fill('Передзвонити Олені щодо договору');
  // Due in five minutes, reminded fifteen before: the reminder is due at once.
  await form.getByLabel('Термін', { exact: true }).fill(await laterToday(page, 5));
  await checkScreenSoft(page, testInfo, 'call-with-next-step-uk');
  await form.getByRole('button', { name: 'Зберегти', exact: true }).click();

  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByText('Дзвінок щодо поставки')).toBeVisible();
  await expect(timeline.getByText('Передзвонити Олені щодо договору')).toBeVisible();
  await expect(timeline.getByText('Вихідний · 7 хв · Передзвонити')).toBeVisible();

  // The reminder's notification: snooze it for an hour.
  await expect(page.getByText('Нагадування: Передзвонити Олені щодо договору')).toBeVisible({
    timeout: 40_000,
  });
  await page
    .getByRole('button', { name: 'Відкласти нагадування «Передзвонити Олені щодо договору»' })
    .click();
  // A snooze later than the due time moves the due time with it (a reminder never comes after it):
  // an hour's snooze after 23:00 would move the task to tomorrow and out of "Сьогодні", so late in
  // the day the test snoozes for 10 minutes (it still fails in the last 10 minutes before midnight).
  const minutesLeftToday = await page.evaluate(() => {
    const now = new Date();
    return 24 * 60 - (now.getHours() * 60 + now.getMinutes());
  });
  await page
    .getByRole('menuitem', { name: minutesLeftToday > 70 ? 'На годину' : 'На 10 хвилин' })
    .click();
  await expect(page.getByText('Нагадування: Передзвонити Олені щодо договору')).toBeHidden();

  // The task list: "Сьогодні" names the client.
  await nav.getByRole('button', { name: /^(Справи|Завдання)$/ }).click();
  await page.getByText('Сьогодні', { exact: true }).click();
  const list = page.getByRole('list', { name: 'Мої відкриті завдання' });
  await expect(list.getByText('Передзвонити Олені щодо договору')).toBeVisible();
  await expect(list.getByRole('button', { name: 'Клієнт: Олена Коваль' })).toBeVisible();

  // A standalone task, due later today.
  await page.getByRole('button', { name: 'Нове завдання' }).click();
  const taskForm = page.getByRole('form', { name: 'Записати активність' });
  await taskForm.getByLabel('Тема', { exact: true }).fill('Подати звіт до податкової');
  await taskForm.getByLabel('Термін', { exact: true }).fill(await laterToday(page, 30));
  await taskForm.getByRole('button', { name: 'Зберегти', exact: true }).click();
  await expect(list.getByText('Подати звіт до податкової')).toBeVisible();
  await expect(list.getByText('Без клієнта')).toBeVisible();
  await checkScreenSoft(page, testInfo, 'tasks-today-uk');

  // The month calendar: both on today's cell.
  await page.getByRole('tab', { name: 'Календар' }).click();
  const calendar = page.getByRole('table', { name: 'Календар завдань і зустрічей' });
  const today = calendar.locator('td[aria-current="date"]');
  await expect(today).toContainText('Передзвонити Олені щодо договору');
  await expect(today).toContainText('Подати звіт до податкової');
  const title = await page.evaluate(() => {
    const name = new Intl.DateTimeFormat('uk', { month: 'long' }).format(new Date());
    return `${name} ${new Date().getFullYear()}`;
  });
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(calendar.getByRole('columnheader').first()).toHaveText('пн');
  await checkScreenSoft(page, testInfo, 'tasks-calendar-uk');

  // Bulk: select both and mark them done.
  await page.getByRole('tab', { name: 'Список' }).click();
  await page.getByText('Сьогодні', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Вибрати: Передзвонити Олені щодо договору' }).check();
  await page.getByRole('checkbox', { name: 'Вибрати: Подати звіт до податкової' }).check();
  await expect(page.getByText('Вибрано: 2')).toBeVisible();
  await page.getByRole('button', { name: 'Позначити виконаними' }).click();
  await expect(page.getByText('Виконано 2 завдання.')).toBeVisible();
  await expect(page.getByText('У цьому поданні завдань немає.')).toBeVisible();
  await checkScreenSoft(page, testInfo, 'tasks-done-uk');

  // The audit log holds one completion entry per task, as if done one by one.
  const audit = await callAsPage<{ entries: { action: string; outcome: string }[] }>(
    page,
    host,
    'zamok:audit.list',
    { limit: 50 },
  );
  expect(audit.result.ok).toBe(true);
  const actions = audit.result.ok ? audit.result.value.entries.map(e => e.action) : [];
  expect(actions.filter(a => a === 'activities.complete')).toHaveLength(2);
  expect(actions.filter(a => a === 'activities.create')).toHaveLength(3);
});
