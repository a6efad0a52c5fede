/**
 * Telling a cut-short backup from a damaged one must not depend on how busy the machine is: the
 * error path reads the file again and finds where decryption fails. A cut at 60% fails at its end;
 * a flipped byte in the middle fails in the middle — for real age files, with a generated identity.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { plaintextBeforeFailure } from './extract';

const CHUNK = 64 * 1024;
const SIZE = 20 * CHUNK + 1234;

async function ageFile(): Promise<{ file: string; identity: string; plain: Uint8Array }> {
  const identity = await generateIdentity();
  const enc = new Encrypter();
  enc.addRecipient(await identityToRecipient(identity));
  const plain = randomBytes(SIZE);
  const file = join(makeTempDir('zamok-failure-'), 'b.age');
  writeFileSync(file, await enc.encrypt(plain));
  return { file, identity, plain };
}

describe('where a backup file fails to decrypt', () => {
  it('an intact file gives all of its plaintext', async () => {
    const { file, identity } = await ageFile();
    expect(await plaintextBeforeFailure(file, { identity })).toBe(SIZE);
  });

  it('a file cut at 60% fails within its last two chunks', async () => {
    const { file, identity } = await ageFile();
    const cut = Math.floor(readFileSync(file).length * 0.6);
    truncateSync(file, cut);
    const got = await plaintextBeforeFailure(file, { identity });
    expect(got).toBeLessThanOrEqual(cut);
    expect(got).toBeGreaterThanOrEqual(cut - 3 * CHUNK);
  });

  it('a flipped byte in the middle fails in the middle, far from the end', async () => {
    const { file, identity } = await ageFile();
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x40;
    writeFileSync(file, bytes);
    const got = await plaintextBeforeFailure(file, { identity });
    expect(got).toBeLessThanOrEqual(at);
    expect(got).toBeGreaterThanOrEqual(at - 3 * CHUNK);
    expect(got).toBeLessThan(SIZE - 4 * CHUNK);
  });
});
