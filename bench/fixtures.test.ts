/**
 * The bench office is what the product would hold: rows the app itself would write (same sort key
 * and search text as a contact created through the router), a manager who sees only their own and
 * shared contacts, a plain copy that really is unencrypted and complete, and a baseline router
 * that drops only the audit entry — not the scope or permission checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ContactListPage } from '../src-shared/contacts';
import { vaultPaths } from '../src-main/vault';
import { createUnauditedContactsRouter } from './cases/bare-router';
import { createBenchOffice, WINDOW_CALLER, type BenchOffice } from './fixtures';

const SQLITE_HEADER = 'SQLite format 3\u0000';

let office: BenchOffice;
beforeAll(async () => {
  office = await createBenchOffice({ contacts: 300, managers: 3, seed: 7 });
});
afterAll(() => office.dispose());

function count(sql: string, ...params: unknown[]): number {
  const vault = office.app.state.vault;
  if (!vault) throw new Error('vault closed');
  return (vault.sqlite.prepare(sql).get(...params) as { n: number }).n;
}

describe('bench office', () => {
  it('shows the signed-in manager only their own and shared contacts, in alphabet order', async () => {
    const page = await office.call<ContactListPage>('contacts.list', { limit: 200 });
    const own = page.items.filter(c => c.ownerId === office.manager.id);
    expect(own).toHaveLength(100);
    expect(page.items).toHaveLength(100 + office.sharedWithManager);
    expect(office.sharedWithManager).toBe(25);
    const shared = count(
      'SELECT count(*) AS n FROM contact_shares WHERE user_id = ?',
      office.manager.id,
    );
    expect(shared).toBe(25);
    const sortKeys = page.items.map(c => c.id);
    const ordered = (
      office.app.state.vault?.sqlite
        .prepare(
          `SELECT id FROM contacts WHERE id IN (${sortKeys.map(() => '?').join(',')})
                  ORDER BY sort_key, id`,
        )
        .all(...sortKeys) as { id: string }[]
    ).map(r => r.id);
    expect(sortKeys).toEqual(ordered);
  });

  it('stores bulk rows exactly as the app stores the same contact (sort key, search text)', async () => {
    const vault = office.app.state.vault;
    if (!vault) throw new Error('vault closed');
    const bulk = vault.sqlite
      .prepare(
        `SELECT * FROM contacts WHERE owner_id = ? AND patronymic IS NOT NULL
           AND json_array_length(phones) = 2 AND messengers != '{}' ORDER BY sort_key LIMIT 1`,
      )
      .get(office.manager.id) as Record<string, string | null>;
    expect(bulk).toBeDefined();
    const phones = JSON.parse(bulk.phones ?? '[]') as { e164: string }[];
    const created = await office.call<Contact>('contacts.create', {
      contact: {
        surname: bulk.surname,
        givenName: bulk.given_name,
        patronymic: bulk.patronymic,
        companyName: bulk.company_name,
        address: bulk.address,
        source: bulk.source,
        notes: bulk.notes,
        phones: phones.map(p => ({ number: p.e164 })),
        emails: JSON.parse(bulk.emails ?? '[]') as string[],
        messengers: JSON.parse(bulk.messengers ?? '{}') as Record<string, string>,
        tags: JSON.parse(bulk.tags ?? '[]') as string[],
      },
    });
    const mine = vault.sqlite
      .prepare('SELECT * FROM contacts WHERE id = ?')
      .get(created.id) as Record<string, string | null>;
    for (const column of ['sort_key', 'search_text', 'phones', 'emails', 'messengers', 'tags']) {
      expect({ column, value: mine[column] }).toEqual({ column, value: bulk[column] });
    }
  });

  it('makes a plain copy that needs no key and holds every row; the vault file stays encrypted', () => {
    const plainPath = office.plainCopy();
    expect(readFileSync(plainPath).subarray(0, 16).toString('latin1')).toBe(SQLITE_HEADER);
    const vaultHeader = readFileSync(vaultPaths(office.dir).database).subarray(0, 16);
    expect(vaultHeader.toString('latin1')).not.toBe(SQLITE_HEADER);
    expect(office.plainCopy()).toBe(plainPath); // made once
    const plainText = readFileSync(plainPath).toString('utf8');
    expect(plainText).toContain('contacts_owner_name'); // same indexes as the vault
  });

  it('drops only the audit entry in the baseline router; scope and sign-in checks stay', async () => {
    const bare = createUnauditedContactsRouter(office.app.state);
    const page = await office.call<ContactListPage>('contacts.list', { limit: 1 });
    const mine = page.items[0];
    if (!mine) throw new Error('no contact');
    const audit = () => count('SELECT count(*) AS n FROM audit_log');
    const before = audit();
    const update = (router: typeof bare, expectedUpdatedAt: string) =>
      router.call(
        'zamok:contacts.update',
        { id: mine.id, patch: { notes: 'нова нотатка' }, expectedUpdatedAt },
        WINDOW_CALLER,
      );
    const viaBare = await update(bare, mine.updatedAt);
    expect(viaBare.ok).toBe(true);
    expect(audit()).toBe(before);
    const updatedAt = viaBare.ok ? (viaBare.value as Contact).updatedAt : '';
    expect((await update(office.app.router, updatedAt)).ok).toBe(true);
    expect(audit()).toBe(before + 1);

    const other = office.app.state.vault?.sqlite
      .prepare(
        'SELECT id, updated_at AS u FROM contacts WHERE owner_id != ? AND id NOT IN (SELECT contact_id FROM contact_shares) LIMIT 1',
      )
      .get(office.manager.id) as { id: string; u: string };
    const refused = await bare.call(
      'zamok:contacts.update',
      { id: other.id, patch: { notes: 'чуже' }, expectedUpdatedAt: other.u },
      WINDOW_CALLER,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const forbidden = await bare.call('zamok:contacts.restore', { id: other.id }, WINDOW_CALLER);
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('removes its temp folder on dispose', async () => {
    const small = await createBenchOffice({ contacts: 10, managers: 1 });
    expect(existsSync(small.dir)).toBe(true);
    small.dispose();
    expect(existsSync(small.root)).toBe(false);
  });
});
