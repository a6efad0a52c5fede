/**
 * Document channels through the real router (audit wrapper → session guard → permission → handler)
 * on a real vault, with the transfer tickets a host would use: what each colleague gets back, what
 * lands on disk, and what the audit log keeps.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Company } from '../../../src-shared/companies';
import type { Contact } from '../../../src-shared/contacts';
import { companiesContract } from '../../../src-shared/ipc/companies';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import type { Result } from '../../../src-shared/ipc/contract';
import {
  documentsContract,
  type DocumentInfo,
  type DownloadTicket,
  type TransferTicket,
} from '../../../src-shared/ipc/documents';
import { listAudit } from '../../audit';
import { createTransferRegistry, documentPath, isDocumentError } from '../../crm/documents';
import { TINY_PDF, TINY_PNG, readAll, streamOf } from '../../crm/documents/documents.test-support';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { vaultPaths, type OpenVault } from '../../vault';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { companiesHandlers } from './companies';
import { contactsHandlers } from './contacts';
import { documentsHandlers } from './documents';

afterEach(closeTestVaults);

async function app() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const transfers = createTransferRegistry();
  const app = composeTestApp({
    vault,
    staff,
    contract: {
      companies: companiesContract,
      contacts: contactsContract,
      documents: documentsContract,
    },
    handlers: ({ openVault }) => ({
      companies: companiesHandlers({ openVault }),
      contacts: contactsHandlers({ openVault }),
      documents: documentsHandlers({ openVault, transfers }),
    }),
  });
  function as(who: keyof TestStaff) {
    app.signInStaff(who);
    const { call } = app;
    return {
      call,
      /** The whole upload as a host does it: ticket, streamed body, finish. */
      async upload(
        record: { type: string; id: string },
        name: string,
        bytes: Buffer,
      ): Promise<Result<unknown>> {
        const start = await call('documents.startUpload', {
          record,
          file: { name, size: bytes.length },
        });
        if (!start.ok) return start;
        const { ticket } = start.value as TransferTicket;
        const upload = transfers.take(ticket, 'upload');
        if (!upload) throw new Error('no upload ticket');
        try {
          await upload.receive(streamOf(bytes));
        } catch (err) {
          // What the host's transfer route answers.
          if (!isDocumentError(err)) throw err;
          const error = { code: err.code, message: err.message, details: { reason: err.reason } };
          return { ok: false, error } satisfies Result<unknown>;
        }
        return call('documents.finishUpload', { ticket });
      },
      /** Preview or export, then the download a host does with the ticket. */
      async download(kind: 'preview' | 'export', id: string) {
        const r = await call(`documents.${kind}`, { id });
        if (!r.ok) return r;
        const t = r.value as DownloadTicket;
        const download = transfers.take(t.ticket, 'download');
        if (!download) throw new Error('no download ticket');
        return { ok: true as const, value: { ...t, bytes: await readAll(await download.open()) } };
      },
    };
  }
  const contactOf = async (who: keyof TestStaff) =>
    value<Contact>(
      await as(who).call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Олена' } }),
    );
  return { vault, staff, as, contactOf, transfers };
}

function files(vault: OpenVault): string[] {
  const root = vaultPaths(vault.dir).attachments;
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(n => n.includes('.'));
}

describe('documents channels', () => {
  it('attaches a PNG and a PDF to a contact: encrypted on disk, listed, previewed byte for byte', async () => {
    const { vault, as, contactOf } = await app();
    const contact = await contactOf('anna');
    const anna = as('anna');
    const record = { type: 'contact', id: contact.id };
    const png = value<DocumentInfo>(await anna.upload(record, 'скан паспорта.png', TINY_PNG));
    const pdf = value<DocumentInfo>(await anna.upload(record, 'договір.pdf', TINY_PDF));
    expect(png).toMatchObject({
      mimeType: 'image/png',
      size: TINY_PNG.length,
      fileName: 'скан паспорта.png',
    });
    expect(pdf.mimeType).toBe('application/pdf');
    const list = value<DocumentInfo[]>(await anna.call('documents.list', { record }));
    expect(list.map(d => d.id).sort()).toEqual([png.id, pdf.id].sort());
    expect(JSON.stringify(list)).not.toMatch(/key/i);
    // On disk: one .zdoc per document, no temp files, no plaintext.
    expect(files(vault).sort()).toEqual(
      [png.id, pdf.id].map(id => `${id.slice(0, 2)}/${id}.zdoc`).sort(),
    );
    const stored = readFileSync(documentPath(vaultPaths(vault.dir).attachments, pdf.id));
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    const preview = await anna.download('preview', png.id);
    expect(preview.ok && preview.value.bytes.equals(TINY_PNG)).toBe(true);
  });

  it('sniffs the type from the bytes: an executable named .pdf is refused and nothing stays on disk', async () => {
    const { vault, as, contactOf } = await app();
    const contact = await contactOf('anna');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200, 1)]);
    const r = await as('anna').upload({ type: 'contact', id: contact.id }, 'рахунок.pdf', exe);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { reason: 'type_not_allowed' } },
    });
    expect(files(vault)).toEqual([]);
    const n = vault.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('another manager cannot list, preview, export or delete her documents: not_found, as for a missing id', async () => {
    const { as, contactOf } = await app();
    const contact = await contactOf('anna');
    const doc = value<DocumentInfo>(
      await as('anna').upload({ type: 'contact', id: contact.id }, 'a.png', TINY_PNG),
    );
    const borys = as('borys');
    const missing = await borys.call('documents.preview', {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const call of ['preview', 'export', 'delete']) {
      expect(await borys.call(`documents.${call}`, { id: doc.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
    expect(
      await borys.call('documents.list', { record: { type: 'contact', id: contact.id } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Nor can he attach to her contact.
    expect(
      await borys.upload({ type: 'contact', id: contact.id }, 'b.png', TINY_PNG),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('the head saves a copy of a manager’s document: the download equals the original, audited with id and size only', async () => {
    const { vault, as, contactOf } = await app();
    const contact = await contactOf('anna');
    const doc = value<DocumentInfo>(
      await as('anna').upload({ type: 'contact', id: contact.id }, 'договір.pdf', TINY_PDF),
    );
    const copy = await as('head').download('export', doc.id);
    expect(copy.ok && copy.value.bytes.equals(TINY_PDF)).toBe(true);
    const { entries } = await listAudit(vault.db, { limit: 20, entityId: doc.id });
    const exported = entries.find(e => e.action === 'documents.export');
    expect(exported).toMatchObject({
      outcome: 'ok',
      entityType: 'document',
      details: { documentId: doc.id, size: TINY_PDF.length },
    });
    const created = entries.find(e => e.action === 'documents.finish_upload');
    expect(created?.changes).toMatchObject({
      fileName: { after: 'договір.pdf' },
      size: { after: TINY_PDF.length },
    });
    expect(JSON.stringify(entries)).not.toContain('%PDF');
    // The head may not delete a manager's document (delete own).
    expect(await as('head').call('documents.delete', { id: doc.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('deleting shreds the file, wipes the key and keeps a tombstone; a ticket taken before cannot bring it back', async () => {
    const { vault, as, contactOf, transfers } = await app();
    const contact = await contactOf('anna');
    const anna = as('anna');
    const doc = value<DocumentInfo>(
      await anna.upload({ type: 'contact', id: contact.id }, 'a.png', TINY_PNG),
    );
    const path = documentPath(vaultPaths(vault.dir).attachments, doc.id);
    expect(existsSync(path)).toBe(true);
    const early = value<DownloadTicket>(await anna.call('documents.preview', { id: doc.id }));
    value(await anna.call('documents.delete', { id: doc.id }));
    expect(existsSync(path)).toBe(false);
    const row = vault.sqlite
      .prepare('SELECT file_key, deleted_at FROM documents WHERE id = ?')
      .get(doc.id) as { file_key: Buffer | null; deleted_at: string | null };
    expect(row.file_key).toBeNull();
    expect(row.deleted_at).not.toBeNull();
    const download = transfers.take(early.ticket, 'download');
    await expect(download?.open()).rejects.toMatchObject({ reason: 'not_found' });
    expect(await anna.call('documents.preview', { id: doc.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('deleting a record’s documents (after the user confirmed the count) shreds them all', async () => {
    const { vault, as } = await app();
    const anna = as('anna');
    const company = value<Company>(
      await anna.call('companies.create', { company: { name: 'Будмайстер' } }),
    );
    const record = { type: 'company', id: company.id };
    value(await anna.upload(record, 'a.png', TINY_PNG));
    value(await anna.upload(record, 'b.pdf', TINY_PDF));
    expect(value<DocumentInfo[]>(await anna.call('documents.list', { record }))).toHaveLength(2);
    expect(value(await anna.call('documents.deleteForRecord', { record }))).toEqual({ deleted: 2 });
    expect(files(vault)).toEqual([]);
    expect(value<DocumentInfo[]>(await anna.call('documents.list', { record }))).toEqual([]);
  });

  it('a ticket is single use and bound to its uploader; a size that does not match is refused', async () => {
    const { vault, as, contactOf, transfers } = await app();
    const contact = await contactOf('anna');
    const record = { type: 'contact', id: contact.id };
    const anna = as('anna');
    const start = value<TransferTicket>(
      await anna.call('documents.startUpload', {
        record,
        file: { name: 'a.png', size: TINY_PNG.length + 5 },
      }),
    );
    const upload = transfers.take(start.ticket, 'upload');
    expect(transfers.take(start.ticket, 'upload')).toBeUndefined();
    await expect(upload?.receive(streamOf(TINY_PNG))).rejects.toMatchObject({
      reason: 'size_mismatch',
    });
    expect(await anna.call('documents.finishUpload', { ticket: start.ticket })).toMatchObject({
      ok: false,
      error: { code: 'not_found', details: { reason: 'ticket_unknown' } },
    });
    const again = value<TransferTicket>(
      await anna.call('documents.startUpload', {
        record,
        file: { name: 'a.png', size: TINY_PNG.length },
      }),
    );
    await transfers.take(again.ticket, 'upload')?.receive(streamOf(TINY_PNG));
    // Vira (same team, manager) cannot finish Anna's upload.
    expect(await as('vira').call('documents.finishUpload', { ticket: again.ticket })).toMatchObject(
      {
        ok: false,
        error: { code: 'not_found' },
      },
    );
    expect(files(vault).filter(f => f.endsWith('.zdoc'))).toEqual([]);
  });
});
