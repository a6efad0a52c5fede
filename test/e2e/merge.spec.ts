/**
 * Merging duplicate contacts, end to end, in Ukrainian (issue 15 point 4): the same client saved
 * twice (same phone, different notes and tags; the copy has the deal and the call). The owner
 * opens the first card, picks the copy in "Об’єднати з…", keeps the copy's patronymic and source,
 * merges: one card left, with both notes, every tag, the deal and the call in its timeline. Then
 * "Скасувати об’єднання" in the card's merge history brings both cards back as they were, and the
 * audit log lists the merge and its undo. Screenshots of the dialog and of the merged card; axe
 * finds nothing serious on either.
 */
import type { Contact } from '../../src-shared/contacts';
import { expect, test } from './fixtures';
import { runSetupWizard } from './support/flows';
import { checkScreenSoft } from './support/screens';
import { callAsPage, openSection } from './support/staff';

test.use({ locale: 'en-GB', actionTimeout: 30_000 });

const PHONE = '+380671234567';

test('merge: two cards of one client become one with everything, and unmerge brings both back', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  test.setTimeout(300_000);
  const host = { origin: hostOrigin, token: hostToken };
  await runSetupWizard(page);

  const create = async (contact: Record<string, unknown>) => {
    const { result } = await callAsPage<Contact>(page, host, 'zamok:contacts.create', { contact });
    expect(result.ok, 'creates a contact').toBe(true);
    return result.ok ? result.value.id : '';
  };
  const firstId = await create({
    surname: 'Шевченко',
    givenName: 'Тарас',
    phones: [{ number: PHONE }],
    tags: ['vip'],
    notes: 'Дзвонив з Києва',
  });
  const copyId = await create({
    surname: 'Шевченко',
    givenName: 'Тарас',
    patronymic: 'Григорович',
    phones: [{ number: '067 123 45 67' }],
    tags: ['поет'],
    notes: 'Прийшов з виставки',
    source: 'Виставка',
  });
  const deal = await callAsPage<{ id: string }>(page, host, 'zamok:deals.create', {
    deal: { title: 'Видання «Кобзаря»', amountMinor: 1_500_000, contactId: copyId },
  });
  expect(deal.result.ok, 'creates the deal').toBe(true);
  const call = await callAsPage(page, host, 'zamok:activities.create', {
    activity: { kind: 'call', subject: 'Обговорили наклад', contactId: copyId },
  });
  expect(call.result.ok, 'logs the call').toBe(true);

  await page.setViewportSize({ width: 1366, height: 768 });
  // The list was loaded before the calls above: open it afresh, in Ukrainian.
  await openSection(page, 'Deals');
  await expect(page.getByRole('heading', { name: 'Deals', level: 1 })).toBeVisible();
  await page.getByText('Українська', { exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Розділи' });
  await nav.getByRole('button', { name: 'Контакти', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Контакти', level: 1 })).toBeVisible();
  const rows = page.getByRole('listbox').getByRole('option');
  await expect(rows).toHaveCount(2);

  // The first card: "Об’єднати з…", the copy picked by its name.
  await rows.filter({ hasNotText: 'Григорович' }).click();
  await expect(page.getByRole('heading', { name: 'Шевченко Тарас', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Об’єднати з…' }).click();
  const picker = page.getByRole('dialog', { name: 'Об’єднати з іншим контактом' });
  await picker.getByLabel('Контакт, який є дублікатом', { exact: true }).fill('Григорович');
  await page.getByRole('option', { name: 'Шевченко Тарас Григорович' }).click();

  const dialog = page.getByRole('dialog', { name: 'Об’єднання контактів' });
  await expect(dialog.getByRole('radio', { name: 'По батькові: Григорович' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'По батькові: Григорович' }).check();
  // The first card has no source: the copy's is chosen already.
  await expect(dialog.getByRole('radio', { name: 'Джерело: Виставка' })).toBeChecked();
  await checkScreenSoft(page, testInfo, 'merge-dialog-uk');
  await dialog.getByRole('button', { name: 'Об’єднати', exact: true }).click();
  await expect(dialog).toBeHidden();

  // One card with everything: name, both notes, every tag, the deal and the call.
  const merged = page.getByRole('heading', { name: 'Шевченко Тарас Григорович', level: 1 });
  await expect(merged).toBeVisible();
  // Both notes, joined, on the card itself.
  await expect(
    page
      .getByRole('paragraph')
      .filter({ hasText: 'Дзвонив з Києва' })
      .filter({ hasText: 'Прийшов з виставки' })
      .first(),
  ).toBeVisible();
  await expect(page.getByText('vip', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('поет', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Видання «Кобзаря»').first()).toBeVisible();
  await expect(page.getByText('Обговорили наклад').first()).toBeVisible();
  await checkScreenSoft(page, testInfo, 'merge-merged-card-uk');
  const listed = await callAsPage<{ items: { id: string }[] }>(
    page,
    host,
    'zamok:contacts.list',
    {},
  );
  expect(listed.result.ok && listed.result.value.items.map(c => c.id)).toEqual([firstId]);

  // Undo from the card's merge history: both cards back as they were.
  await page.getByRole('button', { name: 'Скасувати об’єднання' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Об’єднання скасовано' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Шевченко Тарас', level: 1 })).toBeVisible();
  const back = await callAsPage<Contact>(page, host, 'zamok:contacts.get', { id: copyId });
  expect(back.result.ok && back.result.value).toMatchObject({
    patronymic: 'Григорович',
    tags: ['поет'],
    notes: 'Прийшов з виставки',
    deletedAt: null,
  });
  const first = await callAsPage<Contact>(page, host, 'zamok:contacts.get', { id: firstId });
  expect(first.result.ok && first.result.value).toMatchObject({
    patronymic: null,
    tags: ['vip'],
    notes: 'Дзвонив з Києва',
  });
  const deals = await callAsPage<{ items: { contactId: string | null }[] }>(
    page,
    host,
    'zamok:deals.list',
    {},
  );
  expect(deals.result.ok && deals.result.value.items.map(d => d.contactId)).toEqual([copyId]);

  // The audit log: the merge and its undo, newest first.
  await nav.getByRole('button', { name: 'Журнал дій', exact: true }).click();
  const audit = page.getByRole('table', { name: 'Записи журналу' });
  await expect(audit.getByText('Об’єднання скасовано').first()).toBeVisible();
  await expect(audit.getByText('Записи об’єднано').first()).toBeVisible();
  await page.getByText('English', { exact: true }).click();
});
