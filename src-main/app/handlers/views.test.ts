/**
 * Saved list filters through the composed router on a real vault: each user keeps their own per
 * list (relative periods stored as relative), the same name replaces, another user's filter is
 * neither listed nor deletable (`not_found`), and saving and deleting are audited.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { viewsContract, type SavedFilter } from '../../../src-shared/ipc/views';
import { listAudit } from '../../audit';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { viewsHandlers } from './views';

afterEach(closeTestVaults);

async function app() {
  const t = await keepOpen(createContactsTestVault());
  const { call, signInStaff } = composeTestApp({
    vault: t.vault,
    staff: t.staff,
    contract: { views: viewsContract },
    handlers: ({ openVault }) => ({ views: viewsHandlers({ openVault }) }),
  });
  const as = (who: keyof TestStaff) => {
    signInStaff(who);
    return call;
  };
  return { ...t, as };
}

// As the contacts toolbar sends it: the whole query, custom-field conditions included (empty).
const OLX_THIS_MONTH = {
  source: 'OLX',
  ownerId: 'me',
  created: { period: 'thisMonth', from: '', to: '' },
  custom: [],
};

describe('saved filters', () => {
  it('keeps each user’s own per list; a repeated name replaces; relative periods stay relative', async () => {
    const t = await app();
    const anna = t.as('anna');
    const saved = value<SavedFilter>(
      await anna('views.saveFilter', {
        list: 'contacts',
        name: 'Мої ліди з OLX за цей місяць',
        filter: OLX_THIS_MONTH,
      }),
    );
    expect(saved.filter).toEqual(OLX_THIS_MONTH);
    const stored = t.vault.sqlite
      .prepare('SELECT filter FROM saved_filters WHERE id = ?')
      .get(saved.id) as { filter: string };
    expect(JSON.parse(stored.filter).created).toEqual({ period: 'thisMonth', from: '', to: '' });
    const replaced = value<SavedFilter>(
      await anna('views.saveFilter', {
        list: 'contacts',
        name: 'МОЇ ЛІДИ з OLX за цей місяць',
        filter: { source: 'Prom' },
      }),
    );
    expect(replaced.id).toBe(saved.id);
    expect(value<SavedFilter[]>(await anna('views.savedFilters', { list: 'contacts' }))).toEqual([
      expect.objectContaining({ id: saved.id, filter: { source: 'Prom' } }),
    ]);
    expect(value<SavedFilter[]>(await anna('views.savedFilters', { list: 'deals' }))).toEqual([]);

    // Borys sees none of hers and cannot delete hers (not_found, nothing deleted).
    const borys = t.as('borys');
    expect(value<SavedFilter[]>(await borys('views.savedFilters', { list: 'contacts' }))).toEqual(
      [],
    );
    expect(await borys('views.deleteFilter', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(t.vault.sqlite.prepare('SELECT count(*) AS n FROM saved_filters').get()).toEqual({
      n: 1,
    });

    const again = t.as('anna');
    expect(value(await again('views.deleteFilter', { id: saved.id }))).toEqual({ id: saved.id });
    const entries = (await listAudit(t.vault.db, { limit: 20 })).entries;
    expect(entries.map(e => [e.action, e.outcome, e.entityType])).toEqual([
      ['views.delete_filter', 'ok', 'saved_filter'],
      ['views.delete_filter', 'failed', 'saved_filter'],
      ['views.save_filter', 'ok', 'saved_filter'],
      ['views.save_filter', 'ok', 'saved_filter'],
    ]);
    expect(entries[3]?.changes?.filter).toEqual({ before: null, after: OLX_THIS_MONTH });
  });

  it('refuses an unknown filter key or a malformed day before storing anything', async () => {
    const t = await app();
    const anna = t.as('anna');
    for (const filter of [
      { script: 'x' },
      { created: { period: 'custom', from: '1.12', to: '' } },
    ]) {
      const result = await anna('views.saveFilter', { list: 'contacts', name: 'x', filter });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(t.vault.sqlite.prepare('SELECT count(*) AS n FROM saved_filters').get()).toEqual({
      n: 0,
    });
  });

  it('keeps the deal and company lists’ filters apart, as their toolbars send them', async () => {
    const t = await app();
    const anna = t.as('anna');
    const dealFilter = {
      text: '',
      pipelineId: 'pipe-1',
      stageId: 'stage-2',
      currency: 'UAH',
      mine: true,
      amountMin: '10 000',
      amountMax: '',
      created: { period: 'thisMonth', from: '', to: '' },
      custom: [],
    };
    const deals = value<SavedFilter>(
      await anna('views.saveFilter', { list: 'deals', name: 'Великі', filter: dealFilter }),
    );
    expect(deals.filter).toEqual(dealFilter);
    const companyFilter = { created: { period: 'lastMonth', from: '', to: '' }, ownerId: '' };
    await anna('views.saveFilter', { list: 'companies', name: 'Нові', filter: companyFilter });
    const names = async (list: 'deals' | 'companies' | 'contacts') =>
      value<SavedFilter[]>(await anna('views.savedFilters', { list })).map(f => f.name);
    expect(await names('deals')).toEqual(['Великі']);
    expect(await names('companies')).toEqual(['Нові']);
    expect(await names('contacts')).toEqual([]);
  });
});
