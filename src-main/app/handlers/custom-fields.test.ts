/**
 * Custom fields through the composed router on a real SQLCipher vault: the owner defines fields,
 * a manager sets values on their contact, and the values are then filtered on, exported as
 * columns, found by global search and audited with before/after; a bad value is refused with a
 * typed error and nothing changes; only `fields.manage` holders define fields.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import type { CustomField } from '../../../src-shared/custom-fields';
import type { Result } from '../../../src-shared/ipc/contract';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import {
  customFieldsContract,
  type RecordCustomValues,
} from '../../../src-shared/ipc/custom-fields';
import { recordsContract, type RecordExportResult } from '../../../src-shared/ipc/records';
import { searchContract, type SearchResult } from '../../../src-shared/ipc/search';
import type { ContactListPage } from '../../../src-shared/contacts';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { closeTestVaults, composeTestApp, keepOpen, usersByRole, value } from './app.test-support';
import { contactsHandlers } from './contacts';
import { customFieldsHandlers } from './custom-fields';
import { recordsHandlers } from './records';
import { searchHandlers } from './search';

afterEach(closeTestVaults);

async function office() {
  const t = await keepOpen(createContactsTestVault());
  const { vault, staff } = t;
  const app = composeTestApp({
    vault,
    staff,
    contract: {
      fields: customFieldsContract,
      contacts: contactsContract,
      records: recordsContract,
      search: searchContract,
    },
    handlers: ({ openVault }) => ({
      fields: customFieldsHandlers({ openVault }),
      contacts: contactsHandlers({ openVault }),
      records: recordsHandlers({ openVault }),
      search: searchHandlers({ openVault }),
    }),
  });
  const audit = (action: string) =>
    vault.sqlite
      .prepare(
        'SELECT user_id, outcome, entity_type, entity_id, changes FROM audit_log WHERE action = ? ORDER BY seq',
      )
      .all(action) as {
      user_id: string;
      outcome: string;
      entity_type: string | null;
      entity_id: string | null;
      changes: string | null;
    }[];
  return { ...t, app, audit };
}

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

async function defineFields(call: (name: string, input: unknown) => Promise<Result<unknown>>) {
  const source = value<CustomField>(
    await call('fields.create', {
      recordType: 'contact',
      label: ' Джерело ',
      kind: 'choice',
      options: ['OLX', 'Prom', 'Сарафанне радіо'],
    }),
  );
  const firstCall = value<CustomField>(
    await call('fields.create', {
      recordType: 'contact',
      label: 'Перший дзвінок',
      kind: 'date',
    }),
  );
  const budget = value<CustomField>(
    await call('fields.create', { recordType: 'contact', label: 'Бюджет', kind: 'number' }),
  );
  const vip = value<CustomField>(
    await call('fields.create', { recordType: 'contact', label: 'VIP', kind: 'yesno' }),
  );
  return { source, firstCall, budget, vip };
}

describe('custom fields: define, set, filter, export, search, audit', () => {
  it('a value set through the router is filtered on, exported, found and audited', async () => {
    const { app, staff, audit } = await office();
    app.signInStaff('owner');
    const { source, firstCall, budget, vip } = await defineFields(app.call);
    expect(source).toMatchObject({ label: 'Джерело', kind: 'choice', position: 1 });
    expect(vip.position).toBe(4);

    app.signInStaff('anna');
    const call = app.call;
    const olena = value<Contact>(
      await call('contacts.create', { contact: { surname: 'Шевчук', givenName: 'Олена' } }),
    );
    const petro = value<Contact>(
      await call('contacts.create', { contact: { surname: 'Бондар', givenName: 'Петро' } }),
    );
    const set = value<RecordCustomValues>(
      await call('fields.setValues', {
        recordType: 'contact',
        id: olena.id,
        values: {
          [source.id]: 'OLX',
          [firstCall.id]: '2026-12-01',
          [budget.id]: '15000,5',
          [vip.id]: true,
        },
        expectedUpdatedAt: olena.updatedAt,
      }),
    );
    expect(set.values).toEqual({
      [source.id]: 'OLX',
      [firstCall.id]: '2026-12-01',
      [budget.id]: 15000.5,
      [vip.id]: true,
    });
    expect(set.updatedAt > olena.updatedAt).toBe(true);
    value(
      await call('fields.setValues', {
        recordType: 'contact',
        id: petro.id,
        values: { [source.id]: 'Prom', [firstCall.id]: '2026-10-15' },
      }),
    );

    // Read back.
    const read = value<RecordCustomValues>(
      await call('fields.values', { recordType: 'contact', id: olena.id }),
    );
    expect(read.values[source.id]).toBe('OLX');

    // Filter: choice, date range, number range, yes/no.
    const list = async (custom: unknown[]) =>
      value<ContactListPage>(await call('contacts.list', { filter: { custom } })).items.map(
        c => c.surname,
      );
    expect(await list([{ fieldId: source.id, equals: 'OLX' }])).toEqual(['Шевчук']);
    expect(await list([{ fieldId: firstCall.id, min: '2026-10-01', max: '2026-10-31' }])).toEqual([
      'Бондар',
    ]);
    expect(await list([{ fieldId: budget.id, min: 10000 }])).toEqual(['Шевчук']);
    expect(await list([{ fieldId: vip.id, equals: true }])).toEqual(['Шевчук']);
    expect(await list([{ fieldId: vip.id, equals: false }])).toEqual([]);
    const wrong = await call('contacts.list', {
      filter: { custom: [{ fieldId: source.id, min: 3 }] },
    });
    expect(code(wrong)).toBe('invalid_input');

    // Export: one column per field after the built-in ones, filtered like the list.
    const exported = value<{ status: 'done'; content: string; count: number }>(
      await call('contacts.export', {
        format: 'csv',
        filter: { custom: [{ fieldId: source.id, equals: 'OLX' }] },
      }),
    );
    expect(exported.count).toBe(1);
    const [header, row] = exported.content.replace('\uFEFF', '').split('\r\n');
    expect(header?.endsWith('Ідентифікатор,Джерело,Перший дзвінок,Бюджет,VIP')).toBe(true);
    expect(row?.endsWith(`${olena.id},OLX,2026-12-01,15000.5,так`)).toBe(true);
    const sheet = value<RecordExportResult>(
      await call('records.export', { type: 'contacts', format: 'csv', csvStyle: 'plain' }),
    );
    expect(sheet.content.split('\r\n')[0]).toContain('Джерело');
    expect(sheet.content).toContain('OLX');

    // Global search: the choice value is found; a number value is not a search word.
    const hits = value<SearchResult>(await call('search.query', { text: 'сарафанне' }));
    expect(hits.contacts ?? []).toEqual([]);
    value(
      await call('fields.setValues', {
        recordType: 'contact',
        id: petro.id,
        values: { [source.id]: 'Сарафанне радіо' },
      }),
    );
    const found = value<SearchResult>(await call('search.query', { text: 'сарафанне' }));
    expect((found.contacts ?? []).map(h => h.id)).toEqual([petro.id]);
    const byNumber = value<SearchResult>(await call('search.query', { text: '15000' }));
    expect(byNumber.contacts ?? []).toEqual([]);

    // Audit: the record is the entity, the fields by label with before/after.
    const entries = audit('fields.set_values');
    expect(entries[0]).toMatchObject({
      user_id: staff.anna,
      outcome: 'ok',
      entity_type: 'contact',
      entity_id: olena.id,
    });
    expect(JSON.parse(entries[0]?.changes ?? '')).toMatchObject({
      Джерело: { after: 'OLX' },
      'Перший дзвінок': { after: '2026-12-01' },
    });
    expect(JSON.parse(entries.at(-1)?.changes ?? '')).toMatchObject({
      Джерело: { before: 'Prom', after: 'Сарафанне радіо' },
    });
  });

  it('a bad value is refused with a typed error, and nothing changes', async () => {
    const { app, vault, audit } = await office();
    app.signInStaff('owner');
    const { source, firstCall, budget, vip } = await defineFields(app.call);
    app.signInStaff('anna');
    const olena = value<Contact>(
      await app.call('contacts.create', { contact: { surname: 'Шевчук', givenName: 'Олена' } }),
    );
    value(
      await app.call('fields.setValues', {
        recordType: 'contact',
        id: olena.id,
        values: { [source.id]: 'OLX' },
      }),
    );
    const stored = () =>
      vault.sqlite
        .prepare('SELECT custom_values, updated_at FROM contacts WHERE id = ?')
        .get(olena.id);
    const before = stored();
    const cases: [Record<string, unknown>, string][] = [
      [{ [source.id]: 'Avito' }, 'custom.choice_invalid'],
      [{ [firstCall.id]: '2026-02-30' }, 'custom.date_invalid'],
      [{ [firstCall.id]: '01.12.2026' }, 'custom.date_invalid'],
      [{ [budget.id]: 1e13 }, 'custom.number_range'],
      [{ [budget.id]: 'багато' }, 'custom.number_invalid'],
      [{ [vip.id]: 'так' }, 'custom.wrong_kind'],
      [{ 'field-nope': 'x' }, 'custom.unknown_field'],
    ];
    for (const [values, expected] of cases) {
      // A good value beside the bad one is not half applied.
      const r = await app.call('fields.setValues', {
        recordType: 'contact',
        id: olena.id,
        values: { [source.id]: 'Prom', ...values },
      });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.details?.codes).toEqual([
        { field: `values.${Object.keys(values)[0]}`, code: expected },
      ]);
      expect(stored()).toEqual(before);
    }
    // A stale token is a conflict, nothing written.
    const stale = await app.call('fields.setValues', {
      recordType: 'contact',
      id: olena.id,
      values: { [source.id]: 'Prom' },
      expectedUpdatedAt: olena.updatedAt,
    });
    expect(code(stale)).toBe('conflict');
    expect(stored()).toEqual(before);
    expect(audit('fields.set_values').map(e => e.outcome)).toEqual([
      'ok',
      ...cases.map(() => 'failed'),
      'failed',
    ]);
  });

  it('only fields.manage defines fields; values follow the record scope', async () => {
    const { app, vault, staff, audit } = await office();
    const people = await usersByRole(vault.db, staff);
    app.signInStaff('anna');
    const refused = await app.call('fields.create', {
      recordType: 'contact',
      label: 'Джерело',
      kind: 'text',
    });
    expect(code(refused)).toBe('forbidden');
    expect(audit('fields.create')[0]).toMatchObject({ outcome: 'denied' });
    expect(vault.sqlite.prepare('SELECT count(*) FROM custom_fields').pluck().get()).toBe(0);
    // Everyone signed in may list them (forms need them).
    expect(value<CustomField[]>(await app.call('fields.list', {}))).toEqual([]);

    // The administrator defines fields (no client data needed for that).
    app.state.signIn(vault, {
      userId: people.administrator,
      login: 'admin',
      role: 'administrator',
      grants: BUILT_IN_GRANTS.administrator,
      teamId: null,
    });
    const note = value<CustomField>(
      await app.call('fields.create', {
        recordType: 'contact',
        label: 'Примітка',
        kind: 'text',
      }),
    );
    expect(
      code(
        await app.call('fields.create', {
          recordType: 'contact',
          label: 'примітка',
          kind: 'text',
        }),
      ),
    ).toBe('conflict');
    // The administrator reads no client data, so cannot set values either.
    app.signInStaff('vira');
    const viras = value<Contact>(
      await app.call('contacts.create', { contact: { surname: 'Мельник' } }),
    );
    app.state.signIn(vault, {
      userId: people.administrator,
      login: 'admin',
      role: 'administrator',
      grants: BUILT_IN_GRANTS.administrator,
      teamId: null,
    });
    const noGrant = await app.call('fields.setValues', {
      recordType: 'contact',
      id: viras.id,
      values: { [note.id]: 'x' },
    });
    expect(code(noGrant)).toBe('forbidden');

    // Another manager's contact is not there for anna.
    app.signInStaff('anna');
    const other = await app.call('fields.setValues', {
      recordType: 'contact',
      id: viras.id,
      values: { [note.id]: 'чуже' },
    });
    expect(code(other)).toBe('not_found');
    expect(code(await app.call('fields.values', { recordType: 'contact', id: viras.id }))).toBe(
      'not_found',
    );
  });

  it('rename, reorder, archive keeps values, delete only without values', async () => {
    const { app, vault } = await office();
    app.signInStaff('owner');
    const { source, firstCall, budget, vip } = await defineFields(app.call);
    const olena = value<Contact>(
      await app.call('contacts.create', { contact: { surname: 'Шевчук' } }),
    );
    value(
      await app.call('fields.setValues', {
        recordType: 'contact',
        id: olena.id,
        values: { [source.id]: 'OLX' },
      }),
    );
    const renamed = value<CustomField>(
      await app.call('fields.update', { id: source.id, label: 'Звідки прийшов' }),
    );
    expect(renamed.label).toBe('Звідки прийшов');
    // An option still chosen cannot be removed; an unused one can.
    const dropUsed = await app.call('fields.update', { id: source.id, options: ['Prom'] });
    expect(code(dropUsed)).toBe('conflict');
    value(await app.call('fields.update', { id: source.id, options: ['OLX', 'Prom'] }));

    const order = [vip.id, budget.id, firstCall.id, source.id];
    const reordered = value<CustomField[]>(
      await app.call('fields.reorder', { recordType: 'contact', ids: order }),
    );
    expect(reordered.map(f => f.id)).toEqual(order);
    expect(code(await app.call('fields.reorder', { recordType: 'contact', ids: [vip.id] }))).toBe(
      'invalid_input',
    );

    value(await app.call('fields.archive', { id: source.id, archived: true }));
    const live = value<CustomField[]>(await app.call('fields.list', { recordType: 'contact' }));
    expect(live.map(f => f.id)).not.toContain(source.id);
    const kept = value<RecordCustomValues>(
      await app.call('fields.values', { recordType: 'contact', id: olena.id }),
    );
    expect(kept.values[source.id]).toBe('OLX');
    // An archived field's value cannot be changed.
    const archivedSet = await app.call('fields.setValues', {
      recordType: 'contact',
      id: olena.id,
      values: { [source.id]: 'Prom' },
    });
    expect(code(archivedSet)).toBe('invalid_input');

    const held = await app.call('fields.delete', { id: source.id });
    expect(code(held)).toBe('conflict');
    if (!held.ok) expect(held.error.details).toMatchObject({ reason: 'field_has_values' });
    value(await app.call('fields.delete', { id: vip.id }));
    expect(
      vault.sqlite.prepare('SELECT count(*) FROM custom_fields WHERE id = ?').pluck().get(vip.id),
    ).toBe(0);
  });
});
