/**
 * Staff paths through the real UI in English: the owner adding a colleague, the colleague's first
 * sign-in (own password, authenticator enrolment, recovery codes), creating a contact, reading the
 * audit table; and direct calls to the host's API as whoever the page has signed in.
 */
import { expect, type Page } from '@playwright/test';
import type { Contact } from '../../../src-shared/contacts';
import type { CallError } from '../../../src-shared/ipc/contract';
import { expectShell, signOut, SIGN_IN_TIMEOUT_MS, submitSignIn } from './flows';
import { totpCodes, type TotpCodes } from './totp';

export { DARYNA, HANNA, OLEH } from './people';

/** A colleague as the owner creates them, and the password they choose at first sign-in. */
export interface StaffMember {
  login: string;
  displayName: string;
  /** The role's English name in the Add user list: "Manager", "Administrator". */
  roleName: string;
  setupPassword: string;
  ownPassword: string;
}

/** A staff member after the first sign-in: their authenticator codes. */
export interface EnrolledStaff extends StaffMember {
  totp: TotpCodes;
}

/** Setting a password derives a key slot (real Argon2id): generous on a loaded 2-core machine. */
const KEY_WORK_TIMEOUT_MS = 30_000;

/** The section buttons of the left navigation, in order. */
export async function navigationItems(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  return (await nav.getByRole('button').allTextContents()).map(text => text.trim());
}

/** Opens a section from the left navigation. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name, exact: true })
    .click();
}

/** Users → Staff → Add user: fills the dialog, submits, waits for "Account … created." */
export async function addUser(page: Page, member: StaffMember): Promise<void> {
  await page.getByRole('button', { name: 'Add user', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Login', { exact: true }).fill(member.login);
  await dialog.getByLabel('Full name', { exact: true }).fill(member.displayName);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: member.roleName, exact: true }).click();
  await dialog.getByLabel('One-time setup password', { exact: true }).fill(member.setupPassword);
  await dialog.getByLabel('Repeat the password', { exact: true }).fill(member.setupPassword);
  await expect(dialog.getByText('The password meets the requirements.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'created' })).toHaveText(
    `Account “${member.login}” created.`,
    { timeout: KEY_WORK_TIMEOUT_MS },
  );
  await expect(dialog).toHaveCount(0);
}

/**
 * The owner's set-up of a staff spec: Users → Add user for each member in turn, then (unless told
 * to stay) sign out, back at the sign-in screen for the first colleague's first sign-in.
 */
export async function addStaff(
  page: Page,
  members: readonly StaffMember[],
  o: { stay?: boolean } = {},
): Promise<void> {
  await openSection(page, 'Users');
  for (const member of members) await addUser(page, member);
  if (!o.stay) await signOut(page);
}

/**
 * From the sign-in screen: setup password without a code, then the first sign-in screen (own
 * password, authenticator from the manual key, first code), the recovery codes, and the app.
 */
export async function firstSignIn(page: Page, member: StaffMember): Promise<EnrolledStaff> {
  await submitSignIn(page, { login: member.login, password: member.setupPassword });
  await expect(page.getByRole('heading', { name: 'Finish setting up your account' })).toBeVisible({
    timeout: SIGN_IN_TIMEOUT_MS,
  });
  // Nothing of the app is reachable before the setup is finished.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await page.getByLabel('New password', { exact: true }).fill(member.ownPassword);
  await page.getByLabel('Repeat the password', { exact: true }).fill(member.ownPassword);
  await expect(page.getByText('The password meets the requirements.')).toBeVisible();
  const key = page.getByTestId('totp-manual-key');
  await expect(key).toBeVisible();
  const manualKey = (await key.textContent()) ?? '';
  expect(manualKey.replace(/\s+/g, '')).toMatch(/^[A-Z2-7]{16,}$/);
  const totp = totpCodes(manualKey);
  await page.getByLabel('Code from the app', { exact: true }).fill(await totp.next());
  await page.getByRole('button', { name: 'Save and start working' }).click();

  await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible({
    timeout: KEY_WORK_TIMEOUT_MS,
  });
  const start = page.getByRole('button', { name: 'Start working' });
  await expect(start).toBeDisabled();
  await page.getByLabel('The recovery codes are stored in a safe place').check();
  await start.click();
  await expectShell(page, member.displayName);
  return { ...member, totp };
}

/** A later sign-in of an enrolled staff member (password + authenticator code). */
export async function signInStaff(page: Page, member: EnrolledStaff): Promise<void> {
  await submitSignIn(page, {
    login: member.login,
    password: member.ownPassword,
    totpCode: await member.totp.next(),
  });
  await expectShell(page, member.displayName);
}

/** What the test types into the contact form. */
export interface ContactDraft {
  surname: string;
  givenName: string;
  company: string;
  phone: string;
}

/**
 * Contacts → New contact → fills and saves; waits for the detail page and returns the new id as
 * the main process answered it to the page.
 */
export async function createContact(page: Page, draft: ContactDraft): Promise<string> {
  await page.getByRole('button', { name: 'New contact', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New contact', level: 1 })).toBeVisible();
  await page.getByLabel('Surname', { exact: true }).fill(draft.surname);
  await page.getByLabel('Given name', { exact: true }).fill(draft.givenName);
  await page.getByLabel('Company', { exact: true }).fill(draft.company);
  await page.getByLabel('Phone 1', { exact: true }).fill(draft.phone);
  const answer = page.waitForResponse(
    response =>
      response.url().endsWith('/api/call') &&
      (response.request().postDataJSON() as { channel?: string } | null)?.channel ===
        'zamok:contacts.create',
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const result = (await (await answer).json()) as CallResult<Contact>;
  expect(result.ok, 'contacts.create answered ok').toBe(true);
  await expect(
    page.getByRole('heading', { name: `${draft.surname} ${draft.givenName}`, level: 1 }),
  ).toBeVisible();
  return result.ok ? result.value.id : '';
}

/** The names on the rows of the contact list now shown (waits for the list or an empty state). */
export function contactRows(page: Page) {
  return page.getByRole('listbox', { name: 'Contact list' }).getByRole('option');
}

/**
 * Types into the contact search box and waits for the main process's answer to that very search
 * (the list asks after a debounce), so the rows checked next are the search's, not the old ones.
 */
export async function searchContacts(page: Page, text: string): Promise<void> {
  const answer = page.waitForResponse(response => {
    if (!response.url().endsWith('/api/call')) return false;
    const call = response.request().postDataJSON() as {
      channel?: string;
      input?: { filter?: { text?: string } };
    } | null;
    return (
      call?.channel === 'zamok:contacts.list' && (call.input?.filter?.text ?? '') === text.trim()
    );
  });
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
  await answer;
}

/** The host's answer: the same `Result` the renderer gets. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: CallError };

/**
 * A direct call to the host's router, outside the interface, as the session the page has signed
 * in: what a tampered renderer (or devtools) could send.
 */
export async function callAsPage<T = unknown>(
  page: Page,
  host: { origin: string; token: string },
  channel: string,
  input: unknown,
): Promise<{ result: CallResult<T>; body: string }> {
  const response = await page.request.post(`${host.origin}/api/call`, {
    headers: { Authorization: `Bearer ${host.token}` },
    data: { channel, input },
  });
  expect(response.status()).toBe(200);
  const body = await response.text();
  return { result: JSON.parse(body) as CallResult<T>, body };
}

/** The id of a colleague of the signed-in user, found by name in `users.colleagues` (never empty). */
export async function colleagueId(
  page: Page,
  host: { origin: string; token: string },
  member: StaffMember,
): Promise<string> {
  const { result } = await callAsPage<{ id: string; displayName: string }[]>(
    page,
    host,
    'zamok:users.colleagues',
    {},
  );
  const id = result.ok
    ? (result.value.find(p => p.displayName === member.displayName)?.id ?? '')
    : '';
  expect(id, `${member.login}'s id`).not.toBe('');
  return id;
}

/** The id of the user the page has signed in, as the host reports it (never empty). */
export async function signedInUserId(
  page: Page,
  host: { origin: string; token: string },
): Promise<string> {
  const { result } = await callAsPage<{ user?: { id: string } }>(
    page,
    host,
    'zamok:auth.status',
    {},
  );
  const id = result.ok ? (result.value.user?.id ?? '') : '';
  expect(id, 'signed-in user id').not.toBe('');
  return id;
}

/** One row of the audit table as a person reads it. */
export interface AuditRow {
  /** The login (the cell's title; the cell shows the person's name). */
  who: string;
  /** The name the cell shows. */
  whoName: string;
  what: string;
  record: string;
  outcome: string;
}

/** Every entry of the audit log screen (clicks "Load older" until the end). */
export async function auditRows(page: Page): Promise<AuditRow[]> {
  const table = page.getByRole('table', { name: 'Audit entries' });
  await expect(table).toBeVisible();
  const older = page.getByRole('button', { name: 'Load older' });
  await expect(page.getByText('No older entries.').or(older)).toBeVisible();
  while (await older.isVisible()) {
    await older.click();
    await expect(page.getByText('No older entries.').or(older)).toBeVisible();
  }
  const rows = await table.locator('tbody > tr').evaluateAll(trs =>
    trs.map(tr =>
      Array.from(tr.querySelectorAll(':scope > td'), td => ({
        text: td.textContent?.trim() ?? '',
        title: td.getAttribute('title') ?? '',
      })),
    ),
  );
  return rows
    .filter(cells => cells.length === 6)
    .map(([, who, what, record, outcome]) => ({
      who: who?.title || who?.text || '',
      whoName: who?.text ?? '',
      what: what?.text ?? '',
      record: record?.text ?? '',
      outcome: outcome?.text ?? '',
    }));
}
