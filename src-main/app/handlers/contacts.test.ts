/**
 * The contact channels through a router composed like the app's (audit wrapper → session guard →
 * permission → handler) on a real vault: what each role gets back, and what the audit log keeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import type { Contact, ContactListPage } from '../../../src-shared/contacts';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import type { Result } from '../../../src-shared/ipc/contract';
import { listAudit } from '../../audit';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { contactsHandlers } from './contacts';

afterEach(closeTestVaults);

const TEAM_OF: Partial<Record<keyof TestStaff, string>> = {
  anna: 'north',
  vira: 'north',
  borys: 'south',
};

async function app() {
  const { vault, db, staff } = await keepOpen(createContactsTestVault());
  const admin = await db
    .insertInto('users')
    .values({
      id: 'admin-1',
      login: 'admin',
      display_name: 'ADMIN',
      role: 'administrator',
      status: 'active',
      created_at: new Date().toISOString(),
      last_sign_in_at: null,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      must_change_password: 0,
      password_changed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { state, call, signInStaff } = composeTestApp({
    vault,
    staff,
    contract: { contacts: contactsContract },
    handlers: ({ openVault }) => ({ contacts: contactsHandlers({ openVault }) }),
  });
  /** Signs in as a member of staff (or the administrator) for the next calls. */
  function as(who: keyof TestStaff | 'admin') {
    if (who === 'admin') {
      const grants = BUILT_IN_GRANTS.administrator;
      const session = { userId: admin.id, login: who, role: 'administrator', grants, teamId: null };
      state.signIn(vault, session);
    } else signInStaff(who, { teamId: TEAM_OF[who] ?? null });
    return {
      call: (name: keyof typeof contactsContract, input: unknown): Promise<Result<unknown>> =>
        call(`contacts.${name}`, input),
    };
  }
  return { vault, db, staff, as };
}

const olena = {
  contact: {
    surname: 'Ігнатенко',
    givenName: 'Олена',
    phones: [{ number: '067 123 45 67' }],
    notes: 'Клієнтка з 2019 року',
  },
};

describe('contacts channels', () => {
  it('an administrator may not list, read or create contacts (forbidden, recorded as denied)', async () => {
    const { vault, as } = await app();
    const admin = as('admin');
    for (const [name, input] of [
      ['list', {}],
      ['get', { id: '00000000-0000-0000-0000-000000000000' }],
      ['create', olena],
    ] as const) {
      const result = await admin.call(name, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const audit = await listAudit(vault.db, { limit: 10 });
    // Refused reads are permission denials and are recorded too (successful reads are not).
    expect(audit.entries.map(e => [e.action, e.outcome])).toEqual([
      ['contacts.create', 'denied'],
      ['contacts.get', 'denied'],
      ['contacts.list', 'denied'],
    ]);
  });

  it('managers each see only their own; the other one’s id is not_found for get, update and delete', async () => {
    const { as } = await app();
    const created = value<Contact>(await as('anna').call('create', olena));
    expect(created.phones).toEqual([{ e164: '+380671234567' }]);

    const borys = as('borys');
    expect(value<ContactListPage>(await borys.call('list', {})).items).toEqual([]);
    const missing = await borys.call('get', { id: '00000000-0000-0000-0000-000000000000' });
    for (const [name, input] of [
      ['get', { id: created.id }],
      ['update', { id: created.id, patch: { notes: 'x' }, expectedUpdatedAt: created.updatedAt }],
      ['delete', { id: created.id }],
    ] as const) {
      const result = await borys.call(name, input);
      expect(result).toEqual(missing);
    }
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const anna = as('anna');
    expect(value<ContactListPage>(await anna.call('list', {})).items.map(c => c.id)).toEqual([
      created.id,
    ]);
  });

  it('the head reads all but edits only their own; only restore holders see deleted contacts', async () => {
    const { as } = await app();
    const created = value<Contact>(await as('anna').call('create', olena));
    const head = as('head');
    expect(value<Contact>(await head.call('get', { id: created.id })).surname).toBe('Ігнатенко');
    const edit = await head.call('update', {
      id: created.id,
      patch: { notes: 'x' },
      expectedUpdatedAt: created.updatedAt,
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await head.call('list', { filter: { includeDeleted: true } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    value(await as('anna').call('delete', { id: created.id }));
    expect(await as('anna').call('restore', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const owner = as('owner');
    const trash = value<ContactListPage>(
      await owner.call('list', { filter: { includeDeleted: true } }),
    );
    expect(trash.items.map(c => c.id)).toEqual([created.id]);
    expect(value<Contact>(await owner.call('restore', { id: created.id })).deletedAt).toBeNull();
  });

  it('refuses bad input before the handler, naming the field, and writes nothing', async () => {
    const { vault, as } = await app();
    const anna = as('anna');
    const result = await anna.call('create', {
      contact: { ...olena.contact, phones: [{ number: '12-34' }] },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { fields: ['contact.phones.0.number'] } },
    });
    expect(value<ContactListPage>(await anna.call('list', {})).items).toEqual([]);
    const count = vault.sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('records every change with field-level before/after (who changed the phone and when); reads are not recorded', async () => {
    const { vault, staff, as } = await app();
    const anna = as('anna');
    const created = value<Contact>(await anna.call('create', olena));
    const edited = value<Contact>(
      await anna.call('update', {
        id: created.id,
        patch: { phones: [{ number: '050 765 43 21' }] },
        expectedUpdatedAt: created.updatedAt,
      }),
    );
    // A stale second save is refused and recorded as failed, without changes.
    const stale = await anna.call('update', {
      id: created.id,
      patch: { notes: 'інше' },
      expectedUpdatedAt: created.updatedAt,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    value(await anna.call('share', { id: created.id, userId: staff.vira }));
    value(await anna.call('get', { id: created.id }));
    value(await anna.call('list', {}));

    const { entries } = await listAudit(vault.db, { limit: 20, entityId: created.id });
    const oldestFirst = [...entries].reverse();
    expect(oldestFirst.map(e => [e.action, e.outcome, e.userId])).toEqual([
      ['contacts.create', 'ok', staff.anna],
      ['contacts.update', 'ok', staff.anna],
      ['contacts.update', 'failed', staff.anna],
      ['contacts.share', 'ok', staff.anna],
    ]);
    const [create, update, failed, share] = oldestFirst;
    expect(create?.changes).toMatchObject({
      surname: { before: null, after: 'Ігнатенко' },
      notes: { before: null, after: 'Клієнтка з 2019 року' },
    });
    expect(update?.changes).toEqual({
      phones: { before: [{ e164: '+380671234567' }], after: [{ e164: '+380507654321' }] },
    });
    expect(update?.entityType).toBe('contact');
    expect(failed?.changes).toBeNull();
    expect(share?.changes).toEqual({ sharedWith: { before: [], after: [staff.vira] } });
    expect(edited.updatedAt > created.updatedAt).toBe(true);
  });

  it('records a job title change as its own field', async () => {
    const { vault, as } = await app();
    const anna = as('anna');
    const created = value<Contact>(await anna.call('create', olena));
    value(
      await anna.call('update', {
        id: created.id,
        patch: { position: ' Директор ' },
        expectedUpdatedAt: created.updatedAt,
      }),
    );
    const { entries } = await listAudit(vault.db, { limit: 5, entityId: created.id });
    expect(entries[0]?.action).toBe('contacts.update');
    expect(entries[0]?.changes).toEqual({ position: { before: null, after: 'Директор' } });
  });
});
