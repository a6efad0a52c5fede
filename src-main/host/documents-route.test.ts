/**
 * The test host's document transfer route, over real HTTP: without the per-launch token nothing
 * moves; a ticket works once; an upload body reaches the transfer as a stream; a download comes back
 * byte for byte with safe headers; a stored file that fails its check midway is cut off, so the
 * browser never receives a complete-looking file.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/ipc';
import { DecryptStream, EncryptStream, documentTransfers } from '../crm/documents';
import { readAll } from '../crm/documents/documents.test-support';
import { createRouter } from '../ipc';
import { ownerSession, recordingHandlers } from '../ipc/router.test-support';
import { createPreviewServer, type PreviewServer } from './server';

let dir: string;
let server: PreviewServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zamok-host-docs-'));
  await mkdir(join(dir, 'www'));
  await writeFile(join(dir, 'www', 'index.html'), '<!doctype html><title>Zamok</title>');
  const router = createRouter({
    contract,
    handlers: recordingHandlers(contract).handlers,
    sessions: { current: () => ownerSession },
  });
  server = await createPreviewServer({ router, staticDir: join(dir, 'www') });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const auth = () => ({ Authorization: `Bearer ${server.token}` });

async function encrypted(plain: Buffer, key: Buffer, id: string): Promise<Buffer> {
  const enc = new EncryptStream(key, id, { maxBytes: 1 << 30 });
  return readAll(Readable.from([plain]).pipe(enc));
}

describe('document transfer route', () => {
  it('streams an upload into its transfer once, and only with the token', async () => {
    const body = randomBytes(300_000);
    let received: Buffer | null = null;
    const ticket = documentTransfers.add({
      kind: 'upload',
      receive: async source => {
        received = await readAll(source);
        return { size: received.length };
      },
    });
    const url = `${server.origin}/api/documents/upload/${ticket}`;
    const noToken = await fetch(url, { method: 'PUT', body });
    expect(noToken.status).toBe(401);
    const ok = await fetch(url, { method: 'PUT', body, headers: auth() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, value: { size: body.length } });
    expect(received && (received as Buffer).equals(body)).toBe(true);
    const again = await fetch(url, { method: 'PUT', body, headers: auth() });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({
      ok: false,
      error: { details: { reason: 'ticket_unknown' } },
    });
  });

  it('serves a download byte for byte as data (nosniff, sandboxed, attachment name in UTF-8)', async () => {
    const key = randomBytes(32);
    const id = randomUUID();
    const plain = randomBytes(200_000);
    const file = await encrypted(plain, key, id);
    const ticket = documentTransfers.add({
      kind: 'download',
      fileName: 'договір "1".pdf',
      mimeType: 'application/pdf',
      size: plain.length,
      disposition: 'attachment',
      open: async () => Readable.from([file]).pipe(new DecryptStream(key, id)),
    });
    const res = await fetch(`${server.origin}/api/documents/download/${ticket}`, {
      headers: auth(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('договір "1".pdf')}`,
    );
    expect(Buffer.from(await res.arrayBuffer()).equals(plain)).toBe(true);
  });

  it('cuts off a download whose stored file was altered, so no complete file arrives', async () => {
    const key = randomBytes(32);
    const id = randomUUID();
    const plain = randomBytes(300_000);
    const file = await encrypted(plain, key, id);
    file[file.length - 3] = (file[file.length - 3] ?? 0) ^ 1;
    const ticket = documentTransfers.add({
      kind: 'download',
      fileName: 'a.pdf',
      mimeType: 'application/pdf',
      size: plain.length,
      disposition: 'inline',
      open: async () => Readable.from([file]).pipe(new DecryptStream(key, id)),
    });
    const res = await fetch(`${server.origin}/api/documents/download/${ticket}`, {
      headers: auth(),
    });
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it('answers unknown tickets and wrong methods without touching anything', async () => {
    const bogus = 'A'.repeat(43);
    const r1 = await fetch(`${server.origin}/api/documents/download/${bogus}`, { headers: auth() });
    expect(r1.status).toBe(404);
    const r2 = await fetch(`${server.origin}/api/documents/download/../../x`, { headers: auth() });
    expect([404, 405]).toContain(r2.status);
    const ticket = documentTransfers.add({
      kind: 'download',
      fileName: 'a.png',
      mimeType: 'image/png',
      size: 1,
      disposition: 'inline',
      open: async () => Readable.from([Buffer.from([1])]),
    });
    const wrong = await fetch(`${server.origin}/api/documents/upload/${ticket}`, {
      method: 'PUT',
      body: 'x',
      headers: auth(),
    });
    expect(wrong.status).toBe(404);
  });
});
