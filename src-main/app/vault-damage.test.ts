/**
 * Issue 14 point 1 with real vault files and a real SIGKILL: a child process creates contacts
 * through the router and prints each acknowledged one, then is killed. Without damage every
 * acknowledged contact survives (a crash never reads as damage); with the WAL damaged while the
 * vault is closed — a flipped frame, a flipped header, cut short, deleted — the unlock refuses with
 * `vault_damaged`, the damaged files are kept aside byte for byte, and nothing is written to them.
 */
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isVaultError } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import {
  ackedName,
  createWriterVault,
  startWriter,
  unlockOwner as unlock,
} from './vault-writer.test-support';

const ACKS = 40;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A vault with ACKS acknowledged contacts whose writer was killed with SIGKILL (WAL left). */
async function killedVault(): Promise<{ dir: string; acked: number }> {
  const root = makeTempDir('zamok-damage-');
  dirs.push(root);
  const { dir, secret } = createWriterVault(root);
  const writer = startWriter(dir, secret);
  await writer.until(ACKS);
  await writer.kill();
  return { dir, acked: writer.acked() };
}

function copyOf(dir: string, name: string): string {
  const copy = join(dir, '..', name);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

const WAL_HEADER = 32;
const FRAME = 24 + 4096;

function flipByte(path: string, at: number): void {
  const bytes = readFileSync(path);
  bytes.writeUInt8((bytes.readUInt8(at) ^ 0x01) & 0xff, at);
  writeFileSync(path, bytes);
}

const damages: Record<string, (wal: string) => void> = {
  'a flipped WAL frame': wal => flipByte(wal, WAL_HEADER + FRAME * 2 + 24 + 100),
  'a flipped WAL header': wal => flipByte(wal, 12),
  'a WAL cut short': wal => truncateSync(wal, WAL_HEADER + FRAME * 3),
  'a deleted WAL': wal => rmSync(wal),
};

describe('a vault whose writer was killed (SIGKILL)', () => {
  let killed: { dir: string; acked: number };

  it('keeps every acknowledged write and opens without a false alarm', async () => {
    killed = await killedVault();
    const copy = copyOf(killed.dir, 'plain-kill');
    expect(existsSync(join(copy, 'zamok.db-wal'))).toBe(true);
    const vault = await unlock(copy);
    const names = vault.sqlite.prepare('SELECT surname FROM contacts').pluck().all() as string[];
    vault.close();
    for (let i = 1; i <= killed.acked; i++) expect(names).toContain(ackedName(i));
  }, 120_000);

  for (const [name, damage] of Object.entries(damages)) {
    it(`refuses to open with ${name}, keeping the damaged files aside untouched`, async () => {
      const copy = copyOf(killed.dir, name.replace(/ /g, '-'));
      const wal = join(copy, 'zamok.db-wal');
      damage(wal);
      const walBefore = existsSync(wal) ? readFileSync(wal) : null;
      const dbBefore = readFileSync(join(copy, 'zamok.db'));
      const error = await unlock(copy).then(
        v => (v.close(), null),
        (e: unknown) => e,
      );
      expect(isVaultError(error, 'vault_damaged')).toBe(true);
      // Nothing written to the vault's own files, and the evidence is the same bytes.
      expect(readFileSync(join(copy, 'zamok.db')).equals(dbBefore)).toBe(true);
      const kept = readdirSync(join(copy, '..')).filter(n =>
        n.startsWith(`${name.replace(/ /g, '-')}.damaged-`),
      );
      expect(kept).toHaveLength(1);
      const evidence = join(copy, '..', kept[0] ?? '');
      expect(readFileSync(join(evidence, 'zamok.db')).equals(dbBefore)).toBe(true);
      if (walBefore) {
        expect(readFileSync(wal).equals(walBefore)).toBe(true);
        expect(readFileSync(join(evidence, 'zamok.db-wal')).equals(walBefore)).toBe(true);
      }
      // Sticky: the next attempt refuses at once, without a second copy.
      await expect(unlock(copy)).rejects.toMatchObject({ code: 'vault_damaged' });
    }, 60_000);
  }
});
