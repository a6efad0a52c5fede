/**
 * Test-only child process for payload-writer.test.ts (run with `node --import tsx
 * payload-memory.fixture.ts <file> <MiB>`): writes that many MiB through the backup's
 * {@link PayloadWriter} into a new age file and prints, as JSON, this process's resident memory
 * just before the writer started (`beforeMiB`, VmRSS) and its peak by the end (`peakMiB`, VmHWM),
 * plus whether a `gc` function appeared in new contexts (`exposedGc`: a V8 flag set at run time).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { newAgeHeader } from './age-header';
import { PayloadWriter } from './payload-writer';

function statusMiB(field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'mu').exec(
    readFileSync('/proc/self/status', 'utf8'),
  );
  return Number(m?.[1] ?? Number.NaN) / 1024;
}

const [file, megabytes] = process.argv.slice(2);
if (!file || !megabytes) throw new Error('usage: payload-memory.fixture.ts <file> <MiB>');
const recipient = await identityToRecipient(await generateX25519Identity());
const header = await newAgeHeader({ recipient });
const plain = randomBytes(1024 * 1024);
const out = await open(file, 'wx', 0o600);
const beforeMiB = statusMiB('VmRSS');
try {
  const writer = new PayloadWriter(out, header);
  for (let i = 0; i < Number(megabytes); i++) {
    let at = 0;
    while (at < plain.length) {
      const room = await writer.room();
      const n = plain.copy(room, 0, at);
      writer.advance(n);
      at += n;
    }
  }
  await writer.finish();
} finally {
  await out.close();
}
const exposedGc = runInNewContext('typeof gc') === 'function';
process.stdout.write(`${JSON.stringify({ beforeMiB, peakMiB: statusMiB('VmHWM'), exposedGc })}\n`);
