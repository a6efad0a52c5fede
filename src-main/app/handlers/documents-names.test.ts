/**
 * Document names (issue 14, point 9) through the real router on a real vault: a name with a bidi
 * formatting character is refused by the upload channel's schema (`invalid_input` naming the field,
 * never the value); a file whose extension lies about its bytes is stored under the true extension,
 * keeping its base name; "save a copy" and previews offer only the type's extension, also for rows
 * stored before this rule.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DocumentInfo,
  type DownloadTicket,
  type TransferTicket,
} from '../../../src-shared/ipc/documents';
import { createTransferRegistry } from '../../crm/documents';
import { TINY_PDF, TINY_PNG, streamOf } from '../../crm/documents/documents.test-support';
import type { OpenVault } from '../../vault';
import { documentsTestApp, value } from './documents.test-support';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
});

async function app() {
  const transfers = createTransferRegistry();
  const { vault, signIn, call, contact } = await documentsTestApp({ transfers, opened });
  signIn('anna');
  const record = { type: 'contact', id: (await contact()).id };
  const start = (name: string, size: number) =>
    call('documents.startUpload', { record, file: { name, size } });
  async function upload(name: string, bytes: Buffer): Promise<DocumentInfo> {
    const { ticket } = value<TransferTicket>(await start(name, bytes.length));
    const transfer = transfers.take(ticket, 'upload');
    if (!transfer) throw new Error('no upload ticket');
    await transfer.receive(streamOf(bytes));
    return value<DocumentInfo>(await call('documents.finishUpload', { ticket }));
  }
  return { vault, call, record, start, upload, transfers };
}

describe('document names', () => {
  it.each([
    ['U+202E (right-to-left override)', 'scan\u202Efdp.exe'],
    ['U+202A (left-to-right embedding)', '\u202Aдоговір.pdf'],
    ['U+2066 (left-to-right isolate)', 'a\u2066b.pdf'],
    ['U+2069 (pop directional isolate)', 'a\u2069.pdf'],
    ['U+200E (left-to-right mark)', 'a\u200E.pdf'],
    ['U+200F (right-to-left mark)', 'a\u200F.pdf'],
    ['U+061C (Arabic letter mark)', 'a\u061C.pdf'],
  ])(
    'a name with %s is refused as invalid_input naming the field, not the value',
    async (_, name) => {
      const a = await app();
      const r = await a.start(name, TINY_PDF.length);
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          details: {
            fields: ['file.name'],
            codes: [{ field: 'file.name', code: 'document.name_bidi' }],
          },
        },
      });
      if (r.ok) throw new Error('accepted');
      expect(r.error.message).toContain('file.name');
      expect(JSON.stringify(r.error)).not.toContain(name);
      expect(JSON.stringify(r.error)).not.toMatch(/fdp|договір/u);
    },
  );

  it.each([
    ['a PDF named .bat', 'рахунок.bat', TINY_PDF, 'рахунок.pdf'],
    ['a PDF named .html', 'invoice.html', TINY_PDF, 'invoice.pdf'],
    ['a PNG named .exe', 'scan.exe', TINY_PNG, 'scan.png'],
    ['a PNG with two extensions', 'photo.pdf.exe', TINY_PNG, 'photo.pdf.png'],
    ['a PDF with no extension', 'Dr. Smith', TINY_PDF, 'Dr. Smith.pdf'],
    ['a PDF named .PDF (kept)', 'SCAN.PDF', TINY_PDF, 'SCAN.PDF'],
  ])(
    '%s is stored, listed and offered under the true extension',
    async (_, name, bytes, stored) => {
      const a = await app();
      const doc = await a.upload(name, bytes);
      expect(doc.fileName).toBe(stored);
      const list = value<DocumentInfo[]>(await a.call('documents.list', { record: a.record }));
      expect(list.map(d => d.fileName)).toEqual([stored]);
      const copy = value<DownloadTicket>(await a.call('documents.export', { id: doc.id }));
      expect(copy.fileName).toBe(stored);
      const download = a.transfers.take(copy.ticket, 'download');
      expect(download?.fileName).toBe(stored);
    },
  );

  it('a row stored before the rule (a PNG named .exe, a bidi name) is offered with the true extension', async () => {
    const a = await app();
    const doc = await a.upload('scan.png', TINY_PNG);
    a.vault.sqlite
      .prepare('UPDATE documents SET file_name = ? WHERE id = ?')
      .run('scan\u202Egnp.exe', doc.id);
    const list = value<DocumentInfo[]>(await a.call('documents.list', { record: a.record }));
    expect(list.map(d => d.fileName)).toEqual(['scangnp.png']);
    for (const kind of ['preview', 'export']) {
      const t = value<DownloadTicket>(await a.call(`documents.${kind}`, { id: doc.id }));
      expect(t.fileName).toBe('scangnp.png');
    }
  });
});
