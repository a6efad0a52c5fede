/**
 * Path transfers (Electron's dialogs, the CLI): a file on disk goes in through an upload ticket; a
 * saved copy appears at the chosen path only complete and verified — an altered stored document
 * leaves nothing there, and a ticket works once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { isDocumentError } from './errors';
import { DecryptStream, EncryptStream } from './format';
import { downloadToPath, uploadFromPath } from './path-transfer';
import { readAll } from './documents.test-support';
import { createTransferRegistry } from './transfers';

describe('path transfers', () => {
  it('uploads a file from its path through a ticket, once', async () => {
    const dir = makeTempDir('zamok-path-');
    const source = join(dir, 'скан.png');
    const bytes = randomBytes(100_000);
    writeFileSync(source, bytes);
    const transfers = createTransferRegistry();
    let received: Buffer = Buffer.alloc(0);
    const ticket = transfers.add({
      kind: 'upload',
      receive: async stream => {
        received = await readAll(stream);
        return { size: received.length };
      },
    });
    expect(await uploadFromPath(transfers, ticket, source)).toEqual({ size: bytes.length });
    expect(received.equals(bytes)).toBe(true);
    const again = await uploadFromPath(transfers, ticket, source).catch((e: unknown) => e);
    expect(isDocumentError(again, 'ticket_unknown')).toBe(true);
  });

  it('a file gone since it was picked: “the file changed”, and the receiver never gets a stream', async () => {
    const dir = makeTempDir('zamok-path-');
    const transfers = createTransferRegistry();
    let called = false;
    const ticket = transfers.add({
      kind: 'upload',
      receive: async stream => {
        called = true;
        // A slow receiver (the real one creates folders first) must not meet an unhandled error:
        // it yields to the event loop before reading.
        await new Promise(resolve => setImmediate(resolve));
        return { size: (await readAll(stream)).length };
      },
    });
    const error = await uploadFromPath(transfers, ticket, join(dir, 'скан.png')).catch(
      (e: unknown) => e,
    );
    expect(isDocumentError(error, 'size_mismatch')).toBe(true);
    expect(String(error)).not.toContain(dir);
    expect(called).toBe(false);
  });

  it('saves a verified copy at the path, and nothing at all when the stored file was altered', async () => {
    const dir = makeTempDir('zamok-path-');
    const key = randomBytes(32);
    const id = randomUUID();
    const plain = randomBytes(200_000);
    const file = await readAll(
      Readable.from([plain]).pipe(new EncryptStream(key, id, { maxBytes: 1 << 30 })),
    );
    const transfers = createTransferRegistry();
    const offer = (stored: Buffer) =>
      transfers.add({
        kind: 'download',
        fileName: 'a.pdf',
        mimeType: 'application/pdf',
        size: plain.length,
        disposition: 'attachment',
        open: async () => Readable.from([stored]).pipe(new DecryptStream(key, id)),
      });
    const good = join(dir, 'копія.pdf');
    await downloadToPath(transfers, offer(file), good);
    expect(readFileSync(good).equals(plain)).toBe(true);

    const altered = Buffer.from(file);
    altered[altered.length - 2] = (altered[altered.length - 2] ?? 0) ^ 1;
    const bad = join(dir, 'зіпсована.pdf');
    const failure = await downloadToPath(transfers, offer(altered), bad).catch((e: unknown) => e);
    expect(isDocumentError(failure, 'tampered')).toBe(true);
    expect(existsSync(bad)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['копія.pdf']);
  });
});
