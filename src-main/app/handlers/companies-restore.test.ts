/**
 * Restoring a deleted company through a router composed like the app's (audit wrapper → session
 * guard → permission → handler) on a real vault: who may, what comes back (the list, global search,
 * the documents nobody destroyed), what the audit log keeps, and what bad input leaves untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Company, CompanyListPage } from '../../../src-shared/companies';
import type {
  DocumentInfo,
  DownloadTicket,
  TransferTicket,
} from '../../../src-shared/ipc/documents';
import type { SearchResult } from '../../../src-shared/ipc/search';
import type { Grants } from '../../../src-shared/permissions';
import { listAudit } from '../../audit';
import { TINY_PDF, readAll, streamOf } from '../../crm/documents/documents.test-support';
import type { TestStaff } from '../../crm/contacts/contacts.test-support';
import { type OpenVault } from '../../vault';
import { recordsApp, stampsOf, value } from './records-app.test-support';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
});

/** A custom role an owner could make: restores, but reads only its own companies. */
const RESTORER: Grants = {
  'companies.read': 'own',
  'companies.create': true,
  'companies.delete': 'own',
  'contacts.restore': true,
};

async function app() {
  const records = await recordsApp();
  opened.push(records.vault);
  const { transfers } = records;
  function as(who: keyof TestStaff) {
    const { call } = records.as(who);
    return {
      call,
      /** Company names the global search finds for `text`. */
      async found(text: string): Promise<string[]> {
        const result = value<SearchResult>(await call('search.query', { text }));
        return (result.companies ?? []).map(hit => hit.title);
      },
      /** The whole upload as a host does it: ticket, streamed body, finish. */
      async upload(record: { type: string; id: string }, name: string, bytes: Buffer) {
        const start = value<TransferTicket>(
          await call('documents.startUpload', { record, file: { name, size: bytes.length } }),
        );
        const upload = transfers.take(start.ticket, 'upload');
        if (!upload) throw new Error('no upload ticket');
        await upload.receive(streamOf(bytes));
        return value<DocumentInfo>(await call('documents.finishUpload', { ticket: start.ticket }));
      },
      /** A preview's bytes, as the host streams them. */
      async preview(id: string): Promise<Buffer> {
        const t = value<DownloadTicket>(await call('documents.preview', { id }));
        const download = transfers.take(t.ticket, 'download');
        if (!download) throw new Error('no download ticket');
        return readAll(await download.open());
      },
    };
  }
  return { ...records, as };
}

const BAKERY = { company: { name: 'ТОВ «Пекарня Світанок»', edrpou: '32855961' } };

function companyRow(vault: OpenVault, id: string) {
  return stampsOf(vault, 'companies', id);
}

describe('companies.restore', () => {
  it('the owner brings a deleted company back: in the list and in search again, audited before/after', async () => {
    const { vault, staff, as } = await app();
    const bakery = value<Company>(await as('head').call('companies.create', BAKERY));
    expect(await as('head').found('Світанок')).toEqual([bakery.name]);
    const deleted = value<{ deletedAt: string }>(
      await as('head').call('companies.delete', { id: bakery.id }),
    );
    expect(await as('head').found('Світанок')).toEqual([]);
    expect(await as('owner').found('32855961')).toEqual([]);

    // Only the restore holder may list deleted companies; there it is, marked deleted.
    const withDeleted = { filter: { includeDeleted: true } };
    expect(await as('head').call('companies.list', withDeleted)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const owner = as('owner');
    expect(value<CompanyListPage>(await owner.call('companies.list', {})).items).toEqual([]);
    const listed = value<CompanyListPage>(await owner.call('companies.list', withDeleted)).items;
    expect(listed.map(c => [c.id, c.deletedAt])).toEqual([[bakery.id, deleted.deletedAt]]);

    const restored = value<Company>(await owner.call('companies.restore', { id: bakery.id }));
    expect(restored).toMatchObject({ id: bakery.id, deletedAt: null, deletedBy: null });
    expect(restored.updatedBy).toBe(staff.owner);
    expect(restored.ownerId).toBe(staff.head);
    // Back for its owner too: in the plain list, by id, and in global search (name and code).
    const head = as('head');
    const back = value<CompanyListPage>(await head.call('companies.list', {})).items;
    expect(back.map(c => c.id)).toEqual([bakery.id]);
    expect(
      value<Company>(await head.call('companies.get', { id: bakery.id })).deletedAt,
    ).toBeNull();
    expect(await head.found('Світанок')).toEqual([bakery.name]);
    expect(await head.found('32855961')).toEqual([bakery.name]);

    const { entries } = await listAudit(vault.db, { limit: 20, entityId: bakery.id });
    const restoreEntry = entries.find(e => e.action === 'companies.restore');
    expect(restoreEntry).toMatchObject({ outcome: 'ok', entityType: 'company' });
    expect(restoreEntry?.changes).toEqual({
      deletedAt: { before: deleted.deletedAt, after: null },
    });
  });

  it('documents nobody destroyed are out of reach while the company is deleted and come back with it', async () => {
    const { as } = await app();
    const anna = as('anna');
    const bakery = value<Company>(await anna.call('companies.create', BAKERY));
    const doc = await anna.upload({ type: 'company', id: bakery.id }, 'договір.pdf', TINY_PDF);
    const record = { record: { type: 'company', id: bakery.id } };
    value(await anna.call('companies.delete', { id: bakery.id }));
    expect(await anna.call('documents.list', record)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await anna.call('documents.preview', { id: doc.id })).toMatchObject({ ok: false });

    value(await as('owner').call('companies.restore', { id: bakery.id }));
    const back = as('anna');
    const docs = value<DocumentInfo[]>(await back.call('documents.list', record));
    expect(docs.map(d => [d.id, d.fileName])).toEqual([[doc.id, 'договір.pdf']]);
    expect((await back.preview(doc.id)).equals(TINY_PDF)).toBe(true);
  });

  it('refuses roles without the grant, live companies and bad ids, changing nothing', async () => {
    const { vault, as } = await app();
    const bakery = value<Company>(await as('anna').call('companies.create', BAKERY));
    // A live company: conflict, and the row is untouched.
    const live = companyRow(vault, bakery.id);
    expect(await as('owner').call('companies.restore', { id: bakery.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(companyRow(vault, bakery.id)).toEqual(live);

    value(await as('anna').call('companies.delete', { id: bakery.id }));
    const gone = companyRow(vault, bakery.id);
    for (const who of ['anna', 'head'] as const) {
      expect(await as(who).call('companies.restore', { id: bakery.id })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    const owner = as('owner');
    for (const input of [
      { id: "co-1'; DROP TABLE companies" },
      { id: '' },
      {},
      { id: bakery.id, x: 1 },
    ]) {
      expect(await owner.call('companies.restore', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(
      await owner.call('companies.restore', { id: '00000000-0000-0000-0000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(companyRow(vault, bakery.id)).toEqual(gone);

    const { entries } = await listAudit(vault.db, { limit: 50, entityId: bakery.id });
    const restores = entries.filter(e => e.action === 'companies.restore');
    expect(restores.every(e => e.outcome !== 'ok' && e.changes === null)).toBe(true);
  });

  it('a custom role with the restore grant restores only what its companies.read scope reaches', async () => {
    const { vault, as, giveRole } = await app();
    const hers = value<Company>(await as('anna').call('companies.create', BAKERY));
    const his = value<Company>(
      await as('borys').call('companies.create', { company: { name: 'Будмайстер Захід' } }),
    );
    value(await as('anna').call('companies.delete', { id: hers.id }));
    value(await as('borys').call('companies.delete', { id: his.id }));
    const borysRow = companyRow(vault, his.id);

    await giveRole('anna', 'Відновлювач', RESTORER);
    const anna = as('anna');
    const listed = value<CompanyListPage>(
      await anna.call('companies.list', { filter: { includeDeleted: true } }),
    ).items;
    expect(listed.map(c => c.id)).toEqual([hers.id]);
    // His company answers exactly like a missing one, and stays deleted.
    const missing = await anna.call('companies.restore', {
      id: '00000000-0000-0000-0000-000000000000',
    });
    expect(await anna.call('companies.restore', { id: his.id })).toEqual(missing);
    expect(companyRow(vault, his.id)).toEqual(borysRow);
    expect(value<Company>(await anna.call('companies.restore', { id: hers.id })).deletedAt).toBe(
      null,
    );

    // Without any companies.read the grant alone restores nothing.
    await giveRole('vira', 'Лише відновлення', { 'contacts.restore': true });
    const blind = as('vira');
    expect(await blind.call('companies.restore', { id: his.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
