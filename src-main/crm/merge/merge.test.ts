import { describe, expect, it } from 'vitest';
import { UNMERGE_CHANGED } from '../../../src-shared/merge';
import { createContactsTestVault, viewerOf } from '../contacts/contacts.test-support';
import { createContact, getContact, updateContact } from '../contacts/repository';
import { shareContact } from '../contacts/ownership';
import { createCompany, getCompany } from '../companies/repository';
import { closedAfterEach, rejection, rejectionCode } from '../record/vaults.test-support';
import { mergeRecords, unmergeRecords } from './merge';
import { dumpVault, linkEverything } from './merge.test-support';
import { mergesOf } from './store';

const office = closedAfterEach(createContactsTestVault);
const NOW = new Date('2026-12-01T09:00:00.000Z');

async function twoCopies() {
  const t = await office();
  const anna = viewerOf(t.staff.anna, 'own', 'north');
  const first = await createContact(
    t.db,
    anna,
    {
      surname: 'Шевченко',
      givenName: 'Тарас',
      phones: [{ e164: '+380671234567' }],
      emails: ['taras@example.com'],
      tags: ['vip'],
      notes: 'Перший запис',
    },
    new Date('2026-11-01T08:00:00.000Z'),
  );
  const second = await createContact(
    t.db,
    anna,
    {
      surname: 'Шевченко',
      givenName: 'Тарас',
      patronymic: 'Григорович',
      phones: [{ e164: '+380671234567' }, { e164: '+380501112233' }],
      emails: ['t.shevchenko@example.com'],
      tags: ['VIP', 'поет'],
      notes: 'Другий запис',
      source: 'Виставка',
    },
    new Date('2026-11-01T08:01:00.000Z'),
  );
  await shareContact(t.db, anna, second.after.id, t.staff.vira, NOW);
  const links = await linkEverything(t.db, second.after.id, t.staff.anna);
  return { ...t, anna, survivor: first.after.id, copy: second.after.id, links };
}

describe('merging contacts', () => {
  it('merge then unmerge gives back every row of every table byte for byte (stamps aside)', async () => {
    const t = await twoCopies();
    const before = dumpVault(t.vault.sqlite, { withoutStamps: true });
    const merged = await mergeRecords(
      t.vault,
      t.anna,
      {
        type: 'contacts',
        survivorId: t.survivor,
        mergedIds: [t.copy],
        fields: { source: t.copy },
      },
      NOW,
    );
    expect(merged.result.moved).toEqual({
      deals: 1,
      activities: 1,
      documents: 1,
      contact_shares: 1,
      privacy_consents: 1,
      privacy_objections: 1,
      privacy_requests: 1,
    });
    expect(dumpVault(t.vault.sqlite, { withoutStamps: true })).not.toEqual(before);
    await unmergeRecords(t.vault, t.anna, 'contacts', merged.result.mergeId, NOW);
    expect(dumpVault(t.vault.sqlite, { withoutStamps: true })).toEqual(before);
    // The merge record stays (history) but keeps no personal data once undone.
    const stored = t.vault.sqlite
      .prepare('SELECT changes, unmerged_by FROM record_merges')
      .get() as { changes: string; unmerged_by: string };
    expect(stored).toEqual({ changes: '[]', unmerged_by: t.staff.anna });
  });

  it('the survivor takes the picked fields, combines the rest and gets every link', async () => {
    const t = await twoCopies();
    const { result } = await mergeRecords(
      t.vault,
      t.anna,
      {
        type: 'contacts',
        survivorId: t.survivor,
        mergedIds: [t.copy],
        fields: { source: t.copy },
      },
      NOW,
    );
    const after = await getContact(t.db, t.anna, t.survivor);
    expect(after.patronymic).toBe('Григорович'); // empty on the survivor: filled
    expect(after.source).toBe('Виставка');
    expect(after.phones.map(p => p.e164)).toEqual(['+380671234567', '+380501112233']);
    expect(after.emails).toEqual(['taras@example.com', 't.shevchenko@example.com']);
    expect(after.tags).toEqual(['vip', 'поет']);
    expect(after.notes).toBe('Перший запис\n\nДругий запис');
    expect(after.sharedWith.map(s => s.userId)).toEqual([t.staff.vira]);
    expect(await rejectionCode(getContact(t.db, t.anna, t.copy))).toBe('not_found');
    const q = (sql: string) => t.vault.sqlite.prepare(sql).pluck().get(t.survivor);
    expect(q('SELECT count(*) FROM deals WHERE contact_id = ?')).toBe(1);
    expect(q('SELECT count(*) FROM activities WHERE contact_id = ?')).toBe(1);
    expect(
      q("SELECT count(*) FROM documents WHERE record_type = 'contact' AND record_id = ?"),
    ).toBe(1);
    expect(q('SELECT count(*) FROM privacy_consents WHERE contact_id = ?')).toBe(1);
    expect(q('SELECT count(*) FROM privacy_objections WHERE contact_id = ?')).toBe(1);
    expect(q('SELECT count(*) FROM privacy_requests WHERE contact_id = ?')).toBe(1);
    // The merged-away contact's full-text row is gone: searching its only words finds nothing.
    const fts = t.vault.sqlite
      .prepare(
        "SELECT count(*) FROM search_text_contacts WHERE search_text_contacts MATCH 'виставка'",
      )
      .pluck()
      .get();
    expect(fts).toBe(1); // the survivor now holds "Виставка"; the copy's row is gone
    expect(await mergesOf(t.db, 'contacts', t.survivor)).toEqual([
      expect.objectContaining({ id: result.mergeId, mergedIds: [t.copy], unmergedAt: null }),
    ]);
  });

  it('unmerge refuses, listing fields, when the survivor was edited since; nothing changes', async () => {
    const t = await twoCopies();
    const { result } = await mergeRecords(
      t.vault,
      t.anna,
      { type: 'contacts', survivorId: t.survivor, mergedIds: [t.copy], fields: {} },
      NOW,
    );
    const survivor = await getContact(t.db, t.anna, t.survivor);
    await updateContact(t.db, t.anna, t.survivor, { address: 'Київ' }, survivor.updatedAt, NOW);
    const dump = dumpVault(t.vault.sqlite);
    const err = (await rejection(
      unmergeRecords(t.vault, t.anna, 'contacts', result.mergeId, NOW),
    )) as { code: string; details: { reason: string; fields: string[] } };
    expect(err.code).toBe('conflict');
    expect(err.details.reason).toBe(UNMERGE_CHANGED);
    expect(err.details.fields).toEqual(
      expect.arrayContaining(['contacts.address', 'contacts.updated_at']),
    );
    expect(JSON.stringify(err)).not.toContain('Київ');
    expect(dumpVault(t.vault.sqlite)).toEqual(dump);
  });

  it('a record outside the caller’s edit scope is refused as not found; nothing changes', async () => {
    const t = await twoCopies();
    const borys = viewerOf(t.staff.borys, 'own', 'south');
    const theirs = await createContact(t.db, borys, { surname: 'Шевченко', givenName: 'Т.' });
    const vira = viewerOf(t.staff.vira, 'own', 'north');
    const hers = await createContact(t.db, vira, { surname: 'Шевченко', givenName: 'Тарас' });
    const dump = dumpVault(t.vault.sqlite);
    const asks = (who: typeof vira, survivorId: string, mergedId: string) =>
      rejectionCode(
        mergeRecords(
          t.vault,
          who,
          { type: 'contacts', survivorId, mergedIds: [mergedId], fields: {} },
          NOW,
        ),
      );
    expect(await asks(t.anna, t.survivor, theirs.after.id)).toBe('not_found');
    expect(await asks(t.anna, theirs.after.id, t.survivor)).toBe('not_found');
    // Shared with Vira: she may edit it but not dispose of it, so it cannot be merged away.
    expect(await asks(vira, hers.after.id, t.copy)).toBe('not_found');
    expect(dumpVault(t.vault.sqlite)).toEqual(dump);
    expect(t.vault.sqlite.prepare('SELECT count(*) FROM record_merges').pluck().get()).toBe(0);
  });

  it('a field picked from a record outside the merge is invalid input', async () => {
    const t = await twoCopies();
    const code = await rejectionCode(
      mergeRecords(
        t.vault,
        t.anna,
        {
          type: 'contacts',
          survivorId: t.survivor,
          mergedIds: [t.copy],
          fields: { surname: 'someone-else' },
        },
        NOW,
      ),
    );
    expect(code).toBe('invalid_input');
  });
});

describe('merging companies', () => {
  it('moves linked contacts and round-trips byte for byte (stamps aside)', async () => {
    const t = await office();
    const anna = viewerOf(t.staff.anna, 'own', 'north');
    const a = await createCompany(t.db, anna, { name: 'ТОВ Зірка', edrpou: '14360570' }, NOW);
    const b = await createCompany(t.db, anna, { name: 'Зірка', website: 'https://zirka.ua' }, NOW);
    const withCompanies = { ...anna, companyScope: 'own' as const };
    const person = await createContact(t.db, withCompanies, {
      surname: 'Коваль',
      givenName: 'Ірина',
      companyId: b.after.id,
    });
    const before = dumpVault(t.vault.sqlite, { withoutStamps: true });
    const { result } = await mergeRecords(
      t.vault,
      anna,
      { type: 'companies', survivorId: a.after.id, mergedIds: [b.after.id], fields: {} },
      NOW,
    );
    expect(result.moved).toEqual({ contacts: 1 });
    const company = await getCompany(t.db, anna, a.after.id);
    expect(company.website).toBe('https://zirka.ua');
    const linked = await getContact(t.db, withCompanies, person.after.id);
    expect(linked.companyId).toBe(a.after.id);
    await unmergeRecords(t.vault, anna, 'companies', result.mergeId, NOW);
    expect(dumpVault(t.vault.sqlite, { withoutStamps: true })).toEqual(before);
  });
});
