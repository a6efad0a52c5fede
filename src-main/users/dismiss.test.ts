/**
 * Dismissal through the real router on real vault files, with the dismissed colleague signed in on
 * another app instance of the same folder (as on a second desk, or the desktop app while an admin
 * uses the CLI): slot gone, the same "sign-in failed" as any failure, the open session ended at its
 * next call, contacts moved to the chosen colleague, the audit entry written and the chain intact.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../src-shared/ipc/auth';
import type { DismissResult, UserSummary } from '../../src-shared/ipc/users';
import { listAudit, verifyAuditChain } from '../audit';
import { generateTotp } from '../auth/totp';
import {
  createNoKeychainStore,
  hasPasswordSlot,
  unlockWithPassword,
  type OpenVault,
} from '../vault';
import {
  addEnrolledUser,
  failure,
  ok,
  OWN_PASSWORD,
  OWNER,
  ownerVault,
  testClock,
  type StaffApp,
} from './staff-app.test-support';

const opened: StaffApp[] = [];
const vaults: OpenVault[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.app.dispose();
  for (const v of vaults.splice(0)) v.close();
});

async function setUp() {
  const clock = testClock();
  const { dir, staff: owner, owner: me } = await ownerVault(clock);
  opened.push(owner);
  const taras = await addEnrolledUser(owner, dir, clock, 'taras', 'manager');
  const iryna = await addEnrolledUser(owner, dir, clock, 'iryna', 'manager');
  opened.push(taras.other, iryna.other);
  const vault = owner.app.state.vault;
  if (!vault) throw new Error('owner has no open vault');
  const db = vault.db;
  const contactIds: string[] = [];
  const at = new Date(clock.now()).toISOString();
  for (const [surname, ownerId] of [
    ['Бондар', taras.user.id],
    ['Ярема', taras.user.id],
    ['Коваль', iryna.user.id],
  ] as const) {
    const id = randomUUID();
    contactIds.push(id);
    await db
      .insertInto('contacts')
      .values({
        id,
        owner_id: ownerId,
        surname,
        given_name: 'Ім’я',
        sort_key: surname,
        // The columns' defaults, spelled out: the vault's schema type lists every column.
        phones: '[]',
        emails: '[]',
        messengers: '{}',
        tags: '[]',
        search_text: '',
        created_at: at,
        created_by: ownerId,
        updated_at: at,
        updated_by: ownerId,
      })
      .execute();
  }
  // A company of Taras's moves with his contacts (raw SQL: the columns' defaults fill the rest).
  await sql`INSERT INTO companies (id, owner_id, name, sort_key, created_at, created_by, updated_at, updated_by)
    VALUES ('co-taras', ${taras.user.id}, 'ТОВ Рівне-Агро', 'rivne', ${at}, ${taras.user.id}, ${at}, ${taras.user.id})`.execute(
    db,
  );
  // Iryna's contact is shared with Taras.
  await db
    .insertInto('contact_shares')
    .values({
      contact_id: contactIds[2] ?? '',
      user_id: taras.user.id,
      granted_by: iryna.user.id,
      granted_at: at,
    })
    .execute();
  return { clock, dir, owner, me, taras, iryna, db, contactIds };
}

describe('dismissing a colleague', () => {
  it('deletes the slot, ends their open session elsewhere, moves their contacts, and is audited', async () => {
    const { clock, dir, owner, me, taras, iryna, db, contactIds } = await setUp();
    expect((await ok<AppStatus>(taras.other.call('auth.status'))).state).toBe('signed_in');

    const result = await ok<DismissResult>(
      owner.call('users.dismiss', { userId: taras.user.id, reassignToUserId: iryna.user.id }),
    );
    expect(result.user).toMatchObject({ login: 'taras', status: 'dismissed' });
    expect(result.reassignedCount).toBe(2);
    expect(result.reassigned).toMatchObject({ contacts: 2, companies: 1 });
    expect(hasPasswordSlot(dir, 'taras')).toBe(false);

    // Taras's desk: the next call is refused and the vault there is closed.
    const refused = await failure(taras.other.call('roles.list'));
    expect(refused.code).toBe('unauthenticated');
    expect(taras.other.app.state.session).toBeNull();
    expect(taras.other.app.state.vault).toBeNull();
    expect((await ok<AppStatus>(taras.other.call('auth.status'))).state).toBe('locked');

    // Signing in again fails exactly like a wrong password.
    clock.advance(30);
    const again = await failure(
      taras.other.call('auth.signIn', {
        login: 'taras',
        password: OWN_PASSWORD,
        totpCode: generateTotp(taras.secret, clock.now()),
      }),
    );
    expect(again).toEqual({
      code: 'auth_failed',
      message: 'Sign-in failed. Check the login, password and code, then try again.',
    });

    const owners = await db
      .selectFrom('contacts')
      .select(['id', 'owner_id'])
      .orderBy('surname')
      .execute();
    expect(owners.every(c => c.owner_id === iryna.user.id)).toBe(true);
    expect(owners.map(c => c.id).sort()).toEqual([...contactIds].sort());
    const shares = await db.selectFrom('contact_shares').selectAll().execute();
    expect(shares).toEqual([]);
    const company = await sql<{
      owner_id: string;
      updated_by: string;
    }>`SELECT owner_id, updated_by FROM companies WHERE id = 'co-taras'`.execute(db);
    expect(company.rows).toEqual([{ owner_id: iryna.user.id, updated_by: me.id }]);

    // Still listed (accounts are never deleted), as dismissed.
    const list = await ok<UserSummary[]>(owner.call('users.list'));
    expect(list.find(u => u.id === taras.user.id)?.status).toBe('dismissed');
    await ok(owner.call('auth.signOut'));

    const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const { entries } = await listAudit(vault.db, { limit: 500 });
    const dismissal = entries.find(e => e.action === 'users.dismiss');
    expect(dismissal).toMatchObject({
      outcome: 'ok',
      userLogin: OWNER.login,
      entityType: 'user',
      entityId: taras.user.id,
      details: { reassignedTo: iryna.user.id, reassignedCount: 2 },
    });
    expect(dismissal?.changes?.status).toMatchObject({ before: 'active', after: 'dismissed' });
    const ended = entries.find(e => e.action === 'roles.list' && e.userLogin === 'taras');
    expect(ended).toBeUndefined(); // roles.list is not audited; the refusal closed the vault at once
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: entries.length });
  });

  it('records the refusal when the dismissed user next makes an audited call', async () => {
    const { dir, owner, taras, iryna } = await setUp();
    await ok(
      owner.call('users.dismiss', { userId: taras.user.id, reassignToUserId: iryna.user.id }),
    );
    const refused = await failure(
      taras.other.call('auth.changePassword', {
        currentPassword: OWN_PASSWORD,
        newPassword: 'copper kettle on a winter stove',
      }),
    );
    expect(refused.code).toBe('unauthenticated');
    expect(taras.other.app.state.vault).toBeNull();
    await ok(owner.call('auth.signOut'));
    const vault = await unlockWithPassword(dir, OWNER.login, OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    vaults.push(vault);
    const { entries } = await listAudit(vault.db, { limit: 500 });
    expect(entries.find(e => e.action === 'auth.change_password')).toMatchObject({
      outcome: 'denied',
      userLogin: 'taras',
      details: { error: 'unauthenticated' },
    });
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true });
  });

  it('refuses yourself, the same or an inactive heir, and unknown users, changing nothing', async () => {
    const { dir, owner, me, taras, iryna } = await setUp();
    await ok(
      owner.call('users.dismiss', { userId: iryna.user.id, reassignToUserId: taras.user.id }),
    );
    const answers = [
      await failure(
        owner.call('users.dismiss', { userId: me.id, reassignToUserId: taras.user.id }),
      ),
      await failure(
        owner.call('users.dismiss', { userId: taras.user.id, reassignToUserId: taras.user.id }),
      ),
      await failure(
        owner.call('users.dismiss', { userId: taras.user.id, reassignToUserId: iryna.user.id }),
      ),
      await failure(
        owner.call('users.dismiss', { userId: taras.user.id, reassignToUserId: randomUUID() }),
      ),
      await failure(
        owner.call('users.dismiss', { userId: randomUUID(), reassignToUserId: taras.user.id }),
      ),
      await failure(
        owner.call('users.dismiss', { userId: iryna.user.id, reassignToUserId: taras.user.id }),
      ),
    ];
    expect(answers.map(a => a.code)).toEqual([
      'forbidden',
      'invalid_input',
      'invalid_input',
      'invalid_input',
      'not_found',
      'conflict',
    ]);
    expect(hasPasswordSlot(dir, 'taras')).toBe(true);
    expect((await ok<AppStatus>(taras.other.call('auth.status'))).state).toBe('signed_in');
  });
});

describe('a role change reaches an open session', () => {
  it('refreshes the grants of a session on another instance at its next call', async () => {
    const { owner, taras } = await setUp();
    expect((await failure(taras.other.call('users.list'))).code).toBe('forbidden');
    await ok(owner.call('users.changeRole', { userId: taras.user.id, role: 'head' }));
    const list = await ok<UserSummary[]>(taras.other.call('users.list'));
    expect(list.map(u => u.login)).toContain('taras');
    expect(taras.other.app.state.session).toMatchObject({ role: 'head' });
    await ok(owner.call('users.changeRole', { userId: taras.user.id, role: 'manager' }));
    expect((await failure(taras.other.call('users.list'))).code).toBe('forbidden');
  });
});
