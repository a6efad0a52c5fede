/**
 * What a manager must (not) see of a colleague's clients, checked through the interface and
 * through direct calls to the host; and a lookup in the audit table.
 */
import { expect, type Page } from '@playwright/test';
import type { ContactListPage } from '../../../src-shared/contacts';
import {
  callAsPage,
  contactRows,
  openSection,
  searchContacts,
  type AuditRow,
  type ContactDraft,
} from './staff';

/** A well-formed id no contact has. */
export const MISSING_ID = '0b6f3a52-9c1e-4d7a-8f20-5e4b1c9d7a63';

/** "Surname Given" as the list and the detail page show a contact without a patronymic. */
export function nameOf(draft: ContactDraft): string {
  return `${draft.surname} ${draft.givenName}`;
}

/** Contacts section: the manager's list and search show their own client and never the other's. */
export async function expectOnlyOwnClient(page: Page, own: ContactDraft, other: ContactDraft) {
  await openSection(page, 'Contacts');
  await expect(contactRows(page)).toHaveCount(1);
  await expect(contactRows(page)).toContainText(nameOf(own));
  // The shared prefix: only the own client comes back.
  await searchContacts(page, 'Шев');
  await expect(contactRows(page)).toHaveCount(1);
  await expect(contactRows(page)).toContainText(nameOf(own));
  // The other's surname and company: nothing at all.
  for (const text of [other.surname, other.company]) {
    await searchContacts(page, text);
    await expect(page.getByRole('heading', { name: 'Nothing found' })).toBeVisible();
    await expect(contactRows(page)).toHaveCount(0);
  }
  await searchContacts(page, '');
  await expect(contactRows(page)).toHaveCount(1);
  expect(await page.content()).not.toContain(other.surname);
}

/**
 * Direct calls for the other manager's contact: every one answers `not_found`, byte for byte the
 * same as for an id that does not exist, and nothing of the contact is in the answer.
 */
export async function expectNoReachTo(
  page: Page,
  host: { origin: string; token: string },
  otherId: string,
  other: ContactDraft,
  me: string,
) {
  const attempts: [string, (id: string) => unknown][] = [
    ['zamok:contacts.get', id => ({ id })],
    ['zamok:contacts.get', id => ({ id, includeDeleted: true })],
    [
      'zamok:contacts.update',
      id => ({ id, patch: { notes: 'mine now' }, expectedUpdatedAt: '2026-01-01T00:00:00.000Z' }),
    ],
    ['zamok:contacts.share', id => ({ id, userId: me })],
    ['zamok:contacts.delete', id => ({ id })],
  ];
  for (const [channel, input] of attempts) {
    const theirs = await callAsPage(page, host, channel, input(otherId));
    const missing = await callAsPage(page, host, channel, input(MISSING_ID));
    expect(theirs.result.ok, `${channel} on the other's contact`).toBe(false);
    if (!theirs.result.ok) expect(['not_found', 'forbidden']).toContain(theirs.result.error.code);
    // No existence leak: the same answer as for an id nobody has.
    expect(theirs.body.replaceAll(otherId, MISSING_ID), channel).toBe(missing.body);
    for (const secret of [other.surname, other.givenName, other.company, digitsOf(other.phone)])
      expect(theirs.body).not.toContain(secret);
  }
  // The contract says so for reads: out of scope is `not_found`, as if it did not exist.
  const get = await callAsPage(page, host, 'zamok:contacts.get', { id: otherId });
  expect(get.result.ok === false && get.result.error.code).toBe('not_found');
  // The list channel, asked for the other's name, returns nothing of it either.
  const list = await callAsPage<ContactListPage>(page, host, 'zamok:contacts.list', {
    filter: { text: other.surname },
  });
  expect(list.result.ok && list.result.value.items).toEqual([]);
}

/** The last seven digits of a phone as typed: in any stored or formatted form of the number. */
function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '').slice(-7);
}

/** True when the audit table has a row like `row` (every given field equal). */
export function hasEntry(rows: readonly AuditRow[], row: Partial<AuditRow>): boolean {
  return rows.some(entry =>
    Object.entries(row).every(([key, value]) => entry[key as keyof AuditRow] === value),
  );
}
