/**
 * Test-only child process for the memory-bound test (bundled by esbuild, run with plain node):
 * `roundtrip <dir> <megabytes>` streams that many MB of random bytes into an encrypted document
 * (stage + commit), streams it back through the chunk check, and prints
 * `{ size, sha256In, sha256Out, storedSize, maxRssMiB }` as JSON.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { commitStaged, openDocumentStream, stageDocument } from './files';

const [mode, dir, megabytes] = process.argv.slice(2);

if (mode === 'roundtrip' && dir && megabytes) {
  const total = Number(megabytes) * 1024 * 1024;
  const hashIn = createHash('sha256');
  let produced = 0;
  // A PDF header first so the type check accepts it; then random bytes, 64 KiB at a time.
  const source = new Readable({
    read() {
      if (produced >= total) return void this.push(null);
      const piece =
        produced === 0
          ? Buffer.from('%PDF-1.7\n', 'latin1')
          : randomBytes(Math.min(65536, total - produced));
      produced += piece.length;
      hashIn.update(piece);
      this.push(piece);
    },
  });
  const id = randomUUID();
  const key = randomBytes(32);
  const staged = await stageDocument({ attachmentsDir: dir, id, key, fileName: 'big.pdf', source });
  await commitStaged(staged);
  const hashOut = createHash('sha256');
  let size = 0;
  await pipeline(
    await openDocumentStream({
      attachmentsDir: dir,
      id,
      key,
      size: staged.size,
      sha256: staged.sha256,
    }),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        hashOut.update(chunk);
        callback();
      },
    }),
  );
  process.stdout.write(
    JSON.stringify({
      size,
      staged: staged.size,
      sha256Staged: staged.sha256,
      sha256In: hashIn.digest('hex'),
      sha256Out: hashOut.digest('hex'),
      storedSize: statSync(staged.finalPath).size,
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} else {
  process.stderr.write('usage: roundtrip <dir> <megabytes>\n');
  process.exit(2);
}
