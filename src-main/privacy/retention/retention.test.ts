/**
 * Issue 17 point 5: the retention run on an injected clock lists candidates and changes nothing;
 * only an approved list is erased, and only the ids still past their rule at that moment. The
 * channels: a manager may not erase or run retention; the owner may.
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import type { RetentionCandidates, RetentionResult } from '../../../src-shared/ipc/erasure';
import {
  addStaff,
  call,
  DAY_MS,
  failure,
  ok,
  ownerSignedIn,
  STAFF_PASSWORD,
} from '../../app/handlers/audit.fixture';
import { generateTotp } from '../../auth/totp';

describe('retention', () => {
  it('lists on a fake clock, erases nothing until approved, then only the approved candidates', async () => {
    const { app, clock, signInAgain } = await ownerSignedIn();
    const contact = (surname: string) =>
      ok<Contact>(call(app, 'contacts.create', { contact: { surname, givenName: 'Іван' } }));
    const old = await contact('Давній');
    const revived = await contact('Повернений');
    clock.advance(60 * (DAY_MS / 1000));
    await signInAgain(); // two months away: the idle lock (src-main/app/idle-lock.ts) asks again
    const recent = await contact('Свіжий');
    // No rule: no candidates.
    expect(
      (await ok<RetentionCandidates>(call(app, 'erasure.retentionCandidates', {}))).count,
    ).toBe(0);
    await ok(call(app, 'erasure.setRetentionRule', { recordType: 'contact', inactiveMonths: 36 }));
    // 36 months after `old`, 35 after `recent`.
    clock.advance((3 * 365 - 30) * (DAY_MS / 1000));
    await signInAgain();
    const run = await ok<RetentionCandidates>(call(app, 'erasure.retentionCandidates', {}));
    expect(run.candidates.map(c => c.id).sort()).toEqual([old.id, revived.id].sort());
    expect(run.reviewDue).toBe(true);
    // The dry run changed nothing.
    for (const c of [old, revived, recent]) {
      expect(await ok<Contact>(call(app, 'contacts.get', { id: c.id }))).toMatchObject({
        id: c.id,
      });
    }
    // Activity after the run takes `revived` off the list; approving it anyway skips it.
    await ok(
      call(app, 'activities.create', {
        activity: { kind: 'call', subject: 'Дзвінок', contactId: revived.id },
      }),
    );
    const done = await ok<RetentionResult>(
      call(app, 'erasure.retentionApprove', { ids: [old.id, revived.id, recent.id] }),
    );
    expect(done).toEqual({ approved: 3, erased: 1, skipped: 2 });
    expect((await failure(call(app, 'contacts.get', { id: old.id }))).code).toBe('not_found');
    expect(await ok<Contact>(call(app, 'contacts.get', { id: revived.id }))).toBeTruthy();
    expect(await ok<Contact>(call(app, 'contacts.get', { id: recent.id }))).toBeTruthy();
    const after = await ok<RetentionCandidates>(call(app, 'erasure.retentionCandidates', {}));
    expect(after).toMatchObject({ count: 0, reviewDue: false });
  });

  it('a manager can neither erase nor run retention; the refusal changes nothing', async () => {
    const { app, vault, clock } = await ownerSignedIn();
    const target = await ok<Contact>(
      call(app, 'contacts.create', { contact: { surname: 'Захищений', givenName: 'Олег' } }),
    );
    const anna = await addStaff(vault, 'anna', 'manager', clock.now());
    await ok(call(app, 'auth.signOut', {}));
    clock.advance(30);
    await ok(
      call(app, 'auth.signIn', {
        login: anna.login,
        password: STAFF_PASSWORD,
        totpCode: generateTotp(anna.secret, clock.now()),
      }),
    );
    expect((await failure(call(app, 'erasure.erase', { contactId: target.id }))).code).toBe(
      'forbidden',
    );
    expect((await failure(call(app, 'erasure.retentionCandidates', {}))).code).toBe('forbidden');
    expect((await failure(call(app, 'erasure.retentionApprove', { ids: [target.id] }))).code).toBe(
      'forbidden',
    );
    const open = app.state.vault;
    if (!open) throw new Error('no open vault');
    const row = open.sqlite.prepare('SELECT id FROM contacts WHERE id = ?').get(target.id);
    expect(row).toEqual({ id: target.id });
  });
});
