/**
 * What a local attacker with the disk (or /proc) would find while the vault sorts a lot of rows:
 * SQLite3 Multiple Ciphers leaves temporary files unencrypted, so every keyed connection keeps its
 * temporary storage in memory. The control case shows the probe would see a plaintext temp file.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenVault } from './database';
import { VAULT_CACHE_KIB } from './keyed';
import { createTestVault } from './temp-vault.test-support';

const MARKER = 'Шевченко-таємниця';
let vault: OpenVault;

beforeEach(async () => {
  ({ vault } = await createTestVault());
  vault.sqlite.exec('CREATE TABLE probe_rows (x TEXT NOT NULL)');
  const insert = vault.sqlite.prepare('INSERT INTO probe_rows (x) VALUES (?)');
  vault.sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i++)
      insert.run(`${MARKER} ${(i * 7919) % 20_000} ${'x'.repeat(300)}`);
  })();
});
afterEach(() => vault.close());

/** SQLite's temporary files (etilqs_*, unlinked but open) this process holds right now. */
function openTempFiles(): { path: string; content: Buffer }[] {
  const found: { path: string; content: Buffer }[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const path = readlinkSync(`/proc/self/fd/${fd}`);
      if (/\/etilqs_/.test(path))
        found.push({ path, content: readFileSync(`/proc/self/fd/${fd}`) });
    } catch {
      // The fd readdir itself used is gone by now.
    }
  }
  return found;
}

/** Runs a sort larger than a small page cache and looks at the temp files while rows come out. */
function sortAndLook(): { path: string; content: Buffer }[] {
  const seen: { path: string; content: Buffer }[] = [];
  let calls = 0;
  vault.sqlite.function('look', (x: unknown) => {
    if (calls++ === 10_000) seen.push(...openTempFiles());
    return x;
  });
  vault.sqlite.pragma('cache_size = 50');
  const rows = vault.sqlite.prepare('SELECT look(x) AS x FROM probe_rows ORDER BY x').all();
  expect(rows).toHaveLength(20_000);
  return seen;
}

describe.runIf(process.platform === 'linux')('temporary storage of a vault connection', () => {
  it('a large sort leaves no client data in a temporary file', () => {
    expect(vault.sqlite.pragma('temp_store', { simple: true })).toBe(2);
    expect(sortAndLook()).toEqual([]);
  });

  it('(control) with temp files on disk the same sort writes the names in plain text', () => {
    vault.sqlite.pragma('temp_store = FILE');
    const files = sortAndLook();
    expect(files.length).toBeGreaterThan(0);
    expect(files.some(f => f.content.includes(Buffer.from(MARKER)))).toBe(true);
  });
});

describe('page cache', () => {
  it('the vault connection keeps a 64 MiB page cache', () => {
    expect(vault.sqlite.pragma('cache_size', { simple: true })).toBe(-VAULT_CACHE_KIB);
  });
});
