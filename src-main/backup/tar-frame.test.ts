/**
 * The hand-written tar framing (tar-frame.ts) against tar-stream's `pack`: the same bytes for the
 * same members, short names, names split into ustar's prefix, and names only pax can hold.
 */
import { Readable } from 'node:stream';
import { pack as tarPack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { TAR_END, tarHeader, tarPadding } from './tar-frame';

const MTIME = new Date('2026-03-02T09:00:04.512Z');

async function packed(members: { name: string; data: Buffer }[]): Promise<Buffer> {
  const tar = tarPack();
  const out = Readable.from(tar);
  const chunks: Buffer[] = [];
  const reading = (async () => {
    for await (const chunk of out as AsyncIterable<Buffer>) chunks.push(chunk);
  })();
  for (const m of members) {
    await new Promise<void>((resolve, reject) =>
      tar.entry(
        { name: m.name, size: m.data.length, mode: 0o600, mtime: MTIME, type: 'file' },
        m.data,
        err => (err ? reject(err) : resolve()),
      ),
    );
  }
  tar.finalize();
  await reading;
  return Buffer.concat(chunks);
}

function framed(members: { name: string; data: Buffer }[]): Buffer {
  return Buffer.concat([
    ...members.flatMap(m => [
      tarHeader({ name: m.name, size: m.data.length, mode: 0o600, mtime: MTIME }),
      m.data,
      Buffer.alloc(tarPadding(m.data.length)),
    ]),
    TAR_END,
  ]);
}

describe('tar framing', () => {
  it('writes the bytes tar-stream writes, for every kind of member name and size', async () => {
    const deep = `attachments/${'d'.repeat(90)}/${'e'.repeat(90)}/scan.pdf`; // ustar prefix
    const long = `attachments/${'x'.repeat(200)}.pdf`; // one 212-byte segment: pax only
    const members = [
      { name: 'zamok.db', data: Buffer.alloc(4096, 7) },
      { name: 'keyring.json', data: Buffer.from('{"slots":[]}\n') },
      { name: 'attachments/ab/empty.bin', data: Buffer.alloc(0) },
      { name: deep, data: Buffer.alloc(513, 1) },
      { name: long, data: Buffer.alloc(511, 2) },
      { name: 'manifest.json', data: Buffer.from('{}') },
    ];
    const mine = framed(members);
    expect(mine.length % 512).toBe(0);
    expect(mine.equals(await packed(members))).toBe(true);
  });
});
