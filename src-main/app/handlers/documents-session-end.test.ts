/**
 * Document tickets end with the session (issue 14, point 8): a real vault, the real router and the
 * test host's real transfer route over HTTP. A preview, export or upload ticket issued before a lock,
 * a sign-out or another user signing in is refused afterwards with `not_found` / `ticket_unknown`,
 * and the file keys the transfers held are zeroed: a download transfer kept aside no longer
 * decrypts, and the upload's own key buffer (caught as `randomBytes` hands it out) is all zeros.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type * as nodeCrypto from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  DocumentInfo,
  DownloadTicket,
  TransferTicket,
} from '../../../src-shared/ipc/documents';
import { documentTransfers, type Transfer, type TransferRegistry } from '../../crm/documents';
import { TINY_PDF, TINY_PNG, readAll } from '../../crm/documents/documents.test-support';
import { createPreviewServer, type PreviewServer } from '../../host/server';
import type { OpenVault } from '../../vault';
import { documentsTestApp, value } from './documents.test-support';

/** Every 32-byte buffer `randomBytes` hands out (document keys among them), in order. */
const handedOut = vi.hoisted(() => [] as Buffer[]);
vi.mock('node:crypto', async importOriginal => {
  const real = await importOriginal<typeof nodeCrypto>();
  const randomBytes = (size: number): Buffer => {
    const bytes = real.randomBytes(size);
    if (size === 32) handedOut.push(bytes);
    return bytes;
  };
  return { ...real, default: { ...real, randomBytes }, randomBytes };
});

const opened: OpenVault[] = [];
const servers: PreviewServer[] = [];
let www: string;

beforeAll(async () => {
  www = await mkdtemp(join(tmpdir(), 'zamok-docs-end-'));
  await writeFile(join(www, 'index.html'), '<!doctype html><title>Zamok</title>');
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const vault of opened.splice(0)) if (!vault.closed) vault.close();
});
afterAll(async () => {
  await rm(www, { recursive: true, force: true });
});

/** The process's ticket book (the one the host route reads), remembering what was registered. */
function recording(): { transfers: TransferRegistry; added: Transfer[] } {
  const added: Transfer[] = [];
  return {
    added,
    transfers: {
      add: transfer => {
        added.push(transfer);
        return documentTransfers.add(transfer);
      },
      take: (ticket, kind) => documentTransfers.take(ticket, kind),
      clear: () => documentTransfers.clear(),
      onClear: listener => documentTransfers.onClear(listener),
    },
  };
}

async function app() {
  const { transfers, added } = recording();
  // As src-main/app/compose.ts wires it: the session's end clears the ticket book.
  const { state, router, signIn, call, contact } = await documentsTestApp({
    transfers,
    opened,
    state: { onSessionEnd: () => transfers.clear() },
  });
  const server = await createPreviewServer({ router, staticDir: www });
  servers.push(server);
  const headers = { Authorization: `Bearer ${server.token}` };
  const download = (ticket: string) =>
    fetch(`${server.origin}/api/documents/download/${ticket}`, { headers });
  const upload = (ticket: string, body: Buffer) =>
    fetch(`${server.origin}/api/documents/upload/${ticket}`, {
      method: 'PUT',
      headers,
      body: new Uint8Array(body),
    });
  /** Anna's contact with one PNG attached, through the route as a browser does it. */
  async function annaWithDocument() {
    signIn('anna');
    const record = { type: 'contact', id: (await contact()).id };
    const { ticket } = value<TransferTicket>(
      await call('documents.startUpload', {
        record,
        file: { name: 'скан.png', size: TINY_PNG.length },
      }),
    );
    expect((await upload(ticket, TINY_PNG)).status).toBe(200);
    const doc = value<DocumentInfo>(await call('documents.finishUpload', { ticket }));
    return { record, doc };
  }
  return { state, call, download, upload, signIn, added, annaWithDocument };
}

async function refused(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({
    ok: false,
    error: {
      code: 'not_found',
      message: 'The transfer expired or was already used. Try again.',
      details: { reason: 'ticket_unknown' },
    },
  });
}

describe('document tickets end with the session', () => {
  it('a preview ticket works before a lock and is refused after it; the kept transfer no longer decrypts', async () => {
    const a = await app();
    const { doc } = await a.annaWithDocument();
    const before = value<DownloadTicket>(await a.call('documents.preview', { id: doc.id }));
    const served = await a.download(before.ticket);
    expect(Buffer.from(await served.arrayBuffer()).equals(TINY_PNG)).toBe(true);

    const ticket = value<DownloadTicket>(await a.call('documents.preview', { id: doc.id })).ticket;
    const kept = a.added.at(-1);
    if (kept?.kind !== 'download') throw new Error('no download transfer');
    a.state.end({ keepLogin: true });
    await refused(await a.download(ticket));
    // The key it held is zeroed: opening it anyway fails the chunk check instead of decrypting.
    await expect(readAll(await kept.open())).rejects.toMatchObject({ reason: 'tampered' });
  });

  it("another user's unused export ticket is refused after she signs out", async () => {
    const a = await app();
    const { doc } = await a.annaWithDocument();
    const { ticket } = value<DownloadTicket>(await a.call('documents.export', { id: doc.id }));
    a.state.end({ keepLogin: false });
    a.signIn('borys');
    await refused(await a.download(ticket));
  });

  it('a user switch without a sign-out ends her tickets too; a refreshed session keeps its own', async () => {
    const a = await app();
    const { doc } = await a.annaWithDocument();
    const kept = value<DownloadTicket>(await a.call('documents.preview', { id: doc.id }));
    a.signIn('anna'); // the session guard's refresh: same user, same vault
    expect((await a.download(kept.ticket)).status).toBe(200);
    const { ticket } = value<DownloadTicket>(await a.call('documents.export', { id: doc.id }));
    a.signIn('borys');
    await refused(await a.download(ticket));
  });

  it('an upload ticket is refused after a lock and its key buffer is zeroed', async () => {
    const a = await app();
    const { record } = await a.annaWithDocument();
    const from = handedOut.length;
    const { ticket } = value<TransferTicket>(
      await a.call('documents.startUpload', {
        record,
        file: { name: 'договір.pdf', size: TINY_PDF.length },
      }),
    );
    // Handed out by startUpload: the file key, then the ticket.
    const fresh = handedOut.slice(from);
    const key = fresh.find(b => b.toString('base64url') !== ticket);
    if (!key) throw new Error('no key seen');
    expect(key.equals(Buffer.alloc(32))).toBe(false);
    a.state.end({ keepLogin: true });
    expect(key.equals(Buffer.alloc(32))).toBe(true);
    await refused(await a.upload(ticket, TINY_PDF));
  });

  it('an upload received but not finished is void after a user switch: key zeroed, finishUpload refused', async () => {
    const a = await app();
    const { record } = await a.annaWithDocument();
    const from = handedOut.length;
    const { ticket } = value<TransferTicket>(
      await a.call('documents.startUpload', {
        record,
        file: { name: 'договір.pdf', size: TINY_PDF.length },
      }),
    );
    const key = handedOut.slice(from).find(b => b.toString('base64url') !== ticket);
    if (!key) throw new Error('no key seen');
    expect((await a.upload(ticket, TINY_PDF)).status).toBe(200);
    a.signIn('borys');
    expect(key.equals(Buffer.alloc(32))).toBe(true);
    a.signIn('anna');
    expect(await a.call('documents.finishUpload', { ticket })).toMatchObject({
      ok: false,
      error: { code: 'not_found', details: { reason: 'ticket_unknown' } },
    });
    // The staged bytes were never attached.
    const list = value<DocumentInfo[]>(await a.call('documents.list', { record }));
    expect(list.map(d => d.fileName)).toEqual(['скан.png']);
  });
});
