/**
 * Roles and contacts, end to end: the owner adds two managers and an administrator; each manager
 * finishes the first sign-in and creates a client; each sees only their own in the list, the
 * search and the detail, and a direct call for the other's contact id answers exactly like an id
 * that does not exist. The administrator has no contacts section and is refused on the channel.
 * The owner sees everyone's clients, and the audit log shows every step, refusals included.
 */
import { writeFile } from 'node:fs/promises';
import type { Contact } from '../../src-shared/contacts';
import { expect, test } from './fixtures';
import {
  expectShell,
  runSetupWizard,
  signOut,
  SIGN_IN_TIMEOUT_MS,
  submitSignIn,
} from './support/flows';
import {
  expectNoReachTo,
  expectOnlyOwnClient,
  hasEntry,
  MISSING_ID,
  nameOf,
} from './support/scope-checks';
import { checkScreenSoft } from './support/screens';
import {
  addUser,
  auditRows,
  callAsPage,
  contactRows,
  createContact,
  firstSignIn,
  navigationItems,
  openSection,
  searchContacts,
  signedInUserId,
  signInStaff,
  type ContactDraft,
  type EnrolledStaff,
  type StaffMember,
} from './support/staff';

// A step that cannot happen fails within 30 s, not at the end of the whole budget.
test.use({ locale: 'en-GB', actionTimeout: 30_000 });

// Names and logins that appear nowhere in the interface text, so finding them means finding data.
const MIRA: StaffMember = {
  login: 'mira.koval',
  displayName: 'Мирослава Коваль',
  roleName: 'Manager',
  setupPassword: 'granite pelican orchard fifty',
  ownPassword: 'copper walrus meadow lantern',
};
const TARAS: StaffMember = {
  login: 'taras.bondar',
  displayName: 'Тарас Бондар',
  roleName: 'Manager',
  setupPassword: 'velvet quarry thistle ninety',
  ownPassword: 'saffron glacier pocket drum',
};
const IVAN: StaffMember = {
  login: 'ivan.sysadmin',
  displayName: 'Іван Адмінчук',
  roleName: 'System administrator',
  setupPassword: 'marble falcon hollow seven',
  ownPassword: 'ember canyon tulip harness',
};
// Both surnames start with "Шев": a search that ignored the owner would find both.
const MIRA_CLIENT: ContactDraft = {
  surname: 'Шевченко',
  givenName: 'Оксана',
  company: 'Пекарня Світанок',
  phone: '067 123 45 67',
};
const TARAS_CLIENT: ContactDraft = {
  surname: 'Шевчук',
  givenName: 'Петро',
  company: 'Будмайстер Захід',
  phone: '050 765 43 21',
};
test('owner adds two managers and an administrator; each sees only what the role allows; the audit log shows it all', async ({
  page,
  hostOrigin,
  hostToken,
}, testInfo) => {
  // Vault creation, three setup passwords, three first sign-ins, three more sign-ins (real
  // Argon2id each), and TOTP steps that may have to wait for the clock.
  test.setTimeout(240_000);
  const host = { origin: hostOrigin, token: hostToken };

  const owner = await runSetupWizard(page);
  await openSection(page, 'Users');
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  for (const member of [MIRA, TARAS, IVAN]) await addUser(page, member);
  const staff = page.getByRole('table', { name: 'Staff' });
  for (const member of [MIRA, TARAS, IVAN]) {
    const row = staff.getByRole('row').filter({ hasText: member.login });
    await expect(row).toContainText(member.displayName);
    await expect(row).toContainText(member.roleName);
    await expect(row).toContainText('awaiting first sign-in');
  }
  await checkScreenSoft(page, testInfo, 'users-list');
  await signOut(page);

  // Mira: first sign-in, a manager's navigation, her first client.
  const mira: EnrolledStaff = await firstSignIn(page, MIRA);
  const miraNav = await navigationItems(page);
  expect(miraNav).toContain('Contacts');
  expect(miraNav).not.toContain('Users');
  expect(miraNav).not.toContain('Audit log');
  await openSection(page, 'Contacts');
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  const miraClientId = await createContact(page, MIRA_CLIENT);
  await expect(page.getByRole('definition').filter({ hasText: MIRA_CLIENT.company })).toBeVisible();
  await checkScreenSoft(page, testInfo, 'contact-detail');
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await expect(contactRows(page)).toHaveCount(1);
  await checkScreenSoft(page, testInfo, 'contacts-list');
  await signOut(page);

  // Taras: first sign-in, his own client, and none of Mira's anywhere.
  await firstSignIn(page, TARAS);
  await openSection(page, 'Contacts');
  // Mira's client is not in his list, even before he has any of his own.
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
  const tarasClientId = await createContact(page, TARAS_CLIENT);
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await expectOnlyOwnClient(page, TARAS_CLIENT, MIRA_CLIENT);
  const tarasId = await signedInUserId(page, host);
  await expectNoReachTo(page, host, miraClientId, MIRA_CLIENT, tarasId);
  // A manager cannot give himself staff rights by calling the channel either.
  const escalate = await callAsPage(page, host, 'zamok:users.create', {
    login: 'taras.second',
    displayName: 'Тарас Другий',
    role: 'owner',
    setupPassword: 'orbit sparrow crimson valley',
  });
  expect(escalate.result.ok === false && escalate.result.error.code).toBe('forbidden');
  await signOut(page);

  // Mira again: Taras's client is just as invisible to her.
  await signInStaff(page, mira);
  await expectOnlyOwnClient(page, MIRA_CLIENT, TARAS_CLIENT);
  const miraId = await signedInUserId(page, host);
  await expectNoReachTo(page, host, tarasClientId, TARAS_CLIENT, miraId);
  await signOut(page);

  // The administrator: staff and settings, no client data in the menu or on the channel.
  await firstSignIn(page, IVAN);
  const ivanNav = await navigationItems(page);
  expect(ivanNav).toContain('Users');
  for (const section of ['Contacts', 'Companies', 'Deals', 'Activities', 'Documents'])
    expect(ivanNav).not.toContain(section);
  const adminCalls: [string, unknown][] = [
    ['zamok:contacts.list', {}],
    ['zamok:contacts.get', { id: miraClientId }],
    ['zamok:contacts.get', { id: MISSING_ID }],
    ['zamok:contacts.create', { contact: { surname: 'Проба', givenName: 'Адмін' } }],
  ];
  for (const [channel, input] of adminCalls) {
    const { result, body } = await callAsPage(page, host, channel, input);
    expect(result.ok === false && result.error.code, channel).toBe('forbidden');
    expect(body).not.toContain(MIRA_CLIENT.surname);
  }
  await signOut(page);

  // The owner: everyone's clients, with their owners.
  await submitSignIn(page, {
    login: owner.login,
    password: owner.password,
    totpCode: await owner.totp.next(),
  });
  await expectShell(page, owner.displayName);
  await openSection(page, 'Contacts');
  await expect(contactRows(page)).toHaveCount(2, { timeout: SIGN_IN_TIMEOUT_MS });
  await expect(contactRows(page).filter({ hasText: nameOf(MIRA_CLIENT) })).toContainText(
    MIRA.displayName,
  );
  await expect(contactRows(page).filter({ hasText: nameOf(TARAS_CLIENT) })).toContainText(
    TARAS.displayName,
  );
  await searchContacts(page, 'Шев');
  await expect(contactRows(page)).toHaveCount(2);
  await contactRows(page)
    .filter({ hasText: nameOf(TARAS_CLIENT) })
    .click();
  await expect(page.getByRole('heading', { name: nameOf(TARAS_CLIENT), level: 1 })).toBeVisible();
  const fields = page.getByRole('definition');
  await expect(fields.filter({ hasText: TARAS_CLIENT.company })).toBeVisible();
  // Owner, and "created" / "changed" by him.
  await expect(fields.getByText(TARAS.displayName, { exact: true })).toBeVisible();

  // Both clients are as their managers left them: not changed, shared or deleted by the other.
  for (const id of [miraClientId, tarasClientId]) {
    const { result } = await callAsPage<Contact>(page, host, 'zamok:contacts.get', { id });
    expect(result.ok && result.value).toMatchObject({
      notes: null,
      sharedWith: [],
      deletedAt: null,
    });
  }

  // The audit log: every step, refusals included, and an intact chain.
  await openSection(page, 'Audit log');
  const rows = await auditRows(page);
  // Kept next to the screenshots for whoever reads a failure.
  const rowsFile = testInfo.outputPath('audit-rows.json');
  await writeFile(rowsFile, JSON.stringify(rows, null, 2));
  await testInfo.attach('audit-rows', { path: rowsFile, contentType: 'application/json' });
  expect(rows.filter(row => row.who === owner.login && row.what === 'User added')).toHaveLength(3);
  // People by name, their login on hover.
  expect(rows.find(row => row.who === TARAS.login)?.whoName).toBe(TARAS.displayName);
  for (const member of [MIRA, TARAS, IVAN]) {
    expect(
      hasEntry(rows, { who: member.login, what: 'Sign-in', outcome: 'ok' }),
      member.login,
    ).toBe(true);
    expect(
      hasEntry(rows, { who: member.login, what: 'First sign-in completed', outcome: 'ok' }),
      member.login,
    ).toBe(true);
  }
  for (const member of [MIRA, TARAS]) {
    expect(
      hasEntry(rows, { who: member.login, what: 'Contact created', outcome: 'ok' }),
      member.login,
    ).toBe(true);
  }
  expect(hasEntry(rows, { who: owner.login, what: 'Sign-in', outcome: 'ok' })).toBe(true);
  // Refused calls: the administrator's contact, the manager's attempt to add an account.
  expect(hasEntry(rows, { who: IVAN.login, what: 'Contact created', outcome: 'denied' })).toBe(
    true,
  );
  expect(hasEntry(rows, { who: TARAS.login, what: 'User added', outcome: 'denied' })).toBe(true);
  // Changes aimed at the other manager's client are on record, naming that client, and none
  // of them went through.
  // The owner may open both clients: the log names them (a link to each record).
  const attempts: [string, string, string][] = [
    [TARAS.login, MIRA.login, `Contact: ${nameOf(MIRA_CLIENT)}`],
    [MIRA.login, TARAS.login, `Contact: ${nameOf(TARAS_CLIENT)}`],
  ];
  for (const [who, victim, record] of attempts) {
    for (const what of ['Contact changed', 'Contact shared', 'Contact deleted']) {
      const tried = rows.filter(
        row => row.who === who && row.what === what && row.record === record,
      );
      expect(tried.length, `${who}: ${what} on ${victim}'s client`).toBeGreaterThan(0);
      for (const row of tried) expect(['denied', 'failed']).toContain(row.outcome);
    }
  }
  const managers = [MIRA.login, TARAS.login];
  for (const what of ['Contact changed', 'Contact shared', 'Contact deleted']) {
    expect(
      rows.some(row => managers.includes(row.who) && row.what === what && row.outcome === 'ok'),
    ).toBe(false);
  }
  await checkScreenSoft(page, testInfo, 'audit-log');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The log is intact' })).toBeVisible();
});
