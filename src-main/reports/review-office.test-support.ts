/**
 * Test support (never imported by app code): an office on a real vault, driven through the real
 * router — an owner, a head and a manager in team "north", a manager in team "south" — with a
 * scripted March 2026 of sign-ins, failed sign-ins, contact changes, an export and an acknowledged
 * alert, and
 * one more contact in April.
 */
import { vi } from 'vitest';
import type { AlertList } from '../../src-shared/ipc/alerts';
import type { Contact } from '../../src-shared/contacts';
import { generateTotp } from '../auth/totp';
import { insertTestTeams } from '../teams/teams.test-support';
import {
  addEnrolledUser,
  failure,
  ok,
  OWN_PASSWORD,
  OWNER,
  ownerVault,
  testClock,
  type StaffApp,
} from '../users/staff-app.test-support';

/**
 * The office and its apps (dispose each `app` when done; call `vi.useRealTimers()` after). The audit
 * log stamps entries with `new Date()`, so Date is faked and kept with the test clock.
 */
export async function reviewOffice() {
  const testClockBase = testClock(); // 2026-03-02T09:00Z
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(testClockBase.now());
  const clock = {
    ...testClockBase,
    advance(seconds: number) {
      testClockBase.advance(seconds);
      vi.setSystemTime(testClockBase.now());
    },
  };
  const o = await ownerVault(clock);
  const apps: StaffApp[] = [o.staff];
  const head = await addEnrolledUser(o.staff, o.dir, clock, 'hanna', 'head');
  const anna = await addEnrolledUser(o.staff, o.dir, clock, 'anna', 'manager');
  const borys = await addEnrolledUser(o.staff, o.dir, clock, 'borys', 'manager');
  apps.push(head.other, anna.other, borys.other);
  // Teams set in the vault directly (not through teams.* channels, whose audit entries would
  // change the month the review reports on).
  const vault = o.staff.app.state.openVault();
  if (!vault) throw new Error('vault closed');
  const db = vault.db;
  await insertTestTeams(db, ['north', 'south']);
  for (const [id, team] of [
    [head.user.id, 'north'],
    [anna.user.id, 'north'],
    [borys.user.id, 'south'],
  ] as const) {
    await db.updateTable('users').set({ team_id: team }).where('id', '=', id).execute();
  }

  /** Signs in again: past the idle lock (src-main/app/idle-lock.ts) a session is locked. */
  const signInAgain = async (app: StaffApp, login: string, password: string, secret: string) => {
    clock.advance(30);
    await ok(
      app.call('auth.signIn', { login, password, totpCode: generateTotp(secret, clock.now()) }),
    );
  };
  const create = (app: StaffApp, surname: string) =>
    ok<Contact>(app.call('contacts.create', { contact: { surname, givenName: 'Test' } }));
  clock.advance(60);
  const c1 = await create(anna.other, 'Коваль');
  const c2 = await create(anna.other, 'Шевченко');
  await ok(
    anna.other.call('contacts.update', {
      id: c1.id,
      patch: { notes: 'дзвонила' },
      expectedUpdatedAt: c1.updatedAt,
    }),
  );
  await ok(anna.other.call('contacts.delete', { id: c2.id }));
  await create(borys.other, 'Мельник');
  // Anna exports what she may see: one contact left after the delete.
  await ok(anna.other.call('contacts.export', { format: 'csv' }));

  // Two wrong passwords for anna, then her sign-in (which records the failures), on a new app.
  clock.advance(3600);
  await ok(anna.other.call('auth.signOut', {}));
  await failure(anna.other.call('auth.signIn', { login: 'anna', password: 'not her password 1' }));
  await failure(anna.other.call('auth.signIn', { login: 'anna', password: 'not her password 2' }));
  clock.advance(60);
  await ok(
    anna.other.call('auth.signIn', {
      login: 'anna',
      password: OWN_PASSWORD,
      totpCode: generateTotp(anna.secret, clock.now()),
    }),
  );

  // The owner, idle for that hour, signs in again; a custom role raises a security alert for the
  // owner, who acknowledges it.
  await signInAgain(o.staff, OWNER.login, OWNER.password, o.ownerSecret);
  await ok(o.staff.call('roles.create', { name: 'Стажер', grants: { 'contacts.read': 'own' } }));
  const alerts = await ok<AlertList>(o.staff.call('alerts.list', {}));
  const roleAlert = alerts.items.find(a => a.userId === o.owner.id);
  if (roleAlert) await ok(o.staff.call('alerts.acknowledge', { id: roleAlert.id }));

  // April: one more contact by anna, outside the March review.
  clock.advance(35 * 24 * 3600);
  // A month away: every session is locked again; all sign in.
  await signInAgain(o.staff, OWNER.login, OWNER.password, o.ownerSecret);
  for (const who of [head, anna, borys])
    await signInAgain(who.other, who.user.login, OWN_PASSWORD, who.secret);
  await create(anna.other, 'Бондар');

  return {
    clock,
    dir: o.dir,
    apps,
    owner: { ...o.owner, app: o.staff, secret: o.ownerSecret },
    head: { ...head.user, app: head.other, secret: head.secret },
    anna: { ...anna.user, app: anna.other, secret: anna.secret },
    borys: { ...borys.user, app: borys.other, secret: borys.secret },
    alertAcknowledged: roleAlert !== undefined,
  };
}
