/**
 * The documents service on deals (the router tests use contacts and companies): a document attached
 * to a manager's deal is hers and the head's to read, not another manager's; files left by an
 * upload that never finished are removed and never become documents.
 */
import { closedAfterEach } from '../record/vaults.test-support';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDealsTestVault } from '../deals/deals.test-support';
import { viewerOf } from '../contacts/contacts.test-support';
import { vaultPaths } from '../../vault';
import { isDocumentError } from './errors';
import { createDocumentsService } from './service';
import { TINY_PDF, readAll, streamOf } from './documents.test-support';
import { createTransferRegistry } from './transfers';

const open = closedAfterEach(createDealsTestVault);

async function setup() {
  const t = await open();
  const transfers = createTransferRegistry();
  let clock = Date.parse('2026-11-29T08:00:00.000Z');
  const service = createDocumentsService({
    transfers,
    now: () => new Date(clock),
    vault: () => ({
      db: t.vault.db,
      attachmentsDir: vaultPaths(t.vault.dir).attachments,
      vaultId: t.vault.vaultId,
    }),
  });
  return { ...t, service, transfers, advance: (ms: number) => (clock += ms) };
}

describe('documents service', () => {
  it('attaches to a deal within the deal’s scope', async () => {
    const { staff, deal, service, transfers } = await setup();
    const d = await deal(staff.anna);
    const anna = viewerOf(staff.anna, 'own');
    const record = { type: 'deal' as const, id: d.id };
    const { ticket } = await service.startUpload(anna, {
      record,
      file: { name: 'рахунок.pdf', size: TINY_PDF.length },
    });
    await transfers.take(ticket, 'upload')?.receive(streamOf(TINY_PDF));
    const doc = await service.finishUpload(staff.anna, ticket);
    expect(doc).toMatchObject({ recordType: 'deal', recordId: d.id, mimeType: 'application/pdf' });
    const head = viewerOf(staff.head, 'all');
    const copy = await service.download(head, doc.id, 'export');
    const download = transfers.take(copy.ticket, 'download');
    if (!download) throw new Error('no download ticket');
    const bytes = await readAll(await download.open());
    expect(bytes.equals(TINY_PDF)).toBe(true);
    const borys = viewerOf(staff.borys, 'own');
    const refused = await service.list(borys, record).catch((err: unknown) => err);
    expect(isDocumentError(refused, 'record_not_found')).toBe(true);
    const hidden = await service.download(borys, doc.id, 'preview').catch((err: unknown) => err);
    expect(isDocumentError(hidden, 'not_found')).toBe(true);
  });

  it('an upload never finished leaves no file and no row once it expires', async () => {
    const { vault, staff, deal, service, transfers, advance } = await setup();
    const d = await deal(staff.anna);
    const anna = viewerOf(staff.anna, 'own');
    const { ticket } = await service.startUpload(anna, {
      record: { type: 'deal', id: d.id },
      file: { name: 'a.pdf', size: TINY_PDF.length },
    });
    await transfers.take(ticket, 'upload')?.receive(streamOf(TINY_PDF));
    advance(11 * 60 * 1000);
    // Any later call sweeps expired uploads.
    await service
      .startUpload(anna, {
        record: { type: 'deal', id: d.id },
        file: { name: 'b.pdf', size: 10 },
      })
      .catch(() => undefined);
    const late = await service.finishUpload(staff.anna, ticket).catch((err: unknown) => err);
    expect(isDocumentError(late, 'ticket_unknown')).toBe(true);
    const n = vault.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
    expect(n.n).toBe(0);
    const root = vaultPaths(vault.dir).attachments;
    const left = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(f =>
      f.includes('.'),
    );
    expect(left).toEqual([]);
  });
});
