/**
 * Background WAL checkpoints: the worker moves committed pages into zamok.db while the writer's own
 * automatic checkpoint is off; what lands in the file is still ciphertext; closing leaves no WAL
 * behind; a worker that cannot key the file hands the checkpoint back to the writer at once.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { THRESHOLD_BYTES, startCheckpointer } from './checkpointer';
import { setBackgroundCheckpoints } from './database';
import { keyConnection } from './keyed';
import { createNoKeychainStore } from './device';
import { createTestVault, makeTempDir, TEST_OWNER } from './temp-vault.test-support';
import { unlockWithPassword } from './unlock';
import { vaultPaths } from './files';

const MARKER = 'Мар’яна Шевченко-таємниця';

afterEach(() => setBackgroundCheckpoints(false));

function keyedFile(): { path: string; key: Buffer; writer: Database.Database } {
  const path = join(makeTempDir('zamok-ckpt-'), 'zamok.db');
  const key = randomBytes(32);
  const writer = new Database(path);
  keyConnection(writer, key);
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  return { path, key, writer };
}

/** Writes about `mb` MB of rows, in transactions of ~1 MB. */
function write(writer: Database.Database, mb: number): void {
  const insert = writer.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let t = 0; t < mb; t++) {
    writer.transaction(() => {
      for (let i = 0; i < 250; i++) insert.run(`${MARKER} ${t}-${i} ${'ж'.repeat(1900)}`);
    })();
  }
}

/** Waits for the worker thread's own timer to get there; the timeout is only a guard. */
const GUARD = { timeout: 15_000, interval: 20 };

describe('background checkpointer', () => {
  it('moves committed pages into the encrypted file off the writer; close leaves no WAL', () => {
    const { path, key, writer } = keyedFile();
    const checkpointer = startCheckpointer(writer, { path, dataKey: key, manualPolls: true });
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(path).size;
    // A poll below the threshold does nothing; once answered, the worker is keyed.
    write(writer, 1);
    checkpointer.poll();
    expect(checkpointer.count()).toBe(0);
    // Keyed and working: its copy of the data key is gone already.
    expect(checkpointer.keyCopyWiped).toBe(true);
    write(writer, 11);
    checkpointer.poll();
    expect(checkpointer.count()).toBe(1);
    expect(statSync(path).size).toBeGreaterThan(before + THRESHOLD_BYTES);
    // What reached zamok.db is ciphertext: no SQLite header, no client name.
    const file = readFileSync(path);
    expect(file.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(file.includes(Buffer.from(MARKER))).toBe(false);
    expect(file.includes(Buffer.from('Шевченко'))).toBe(false);
    // Nothing written: no more checkpoints (the WAL keeps its size, so size alone would repeat them).
    checkpointer.poll();
    checkpointer.poll();
    expect(checkpointer.count()).toBe(1);
    // A later write is picked up.
    write(writer, 1);
    checkpointer.poll();
    expect(checkpointer.count()).toBe(2);
    checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    writer.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reader = new Database(path, { readonly: true });
    keyConnection(reader, key);
    expect(reader.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(13 * 250);
    reader.close();
  });

  it('a worker that cannot read the file gives the writer its automatic checkpoint back', async () => {
    const { path, writer } = keyedFile();
    const checkpointer = startCheckpointer(writer, { path, dataKey: randomBytes(32) });
    // As soon as the worker fails, without anyone calling stop().
    await vi.waitFor(() => expect(checkpointer.running).toBe(false), GUARD);
    expect(checkpointer.keyCopyWiped).toBe(true);
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    checkpointer.stop();
    writer.close();
  });

  it('a vault opened with background checkpoints keeps its data, closes without a WAL, reopens as usual', async () => {
    setBackgroundCheckpoints(true);
    const created = await createTestVault();
    expect(created.vault.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    created.vault.sqlite.exec('CREATE TABLE probe (body TEXT)');
    const insert = created.vault.sqlite.prepare('INSERT INTO probe (body) VALUES (?)');
    for (let t = 0; t < 8; t++) {
      created.vault.sqlite.transaction(() => {
        for (let i = 0; i < 250; i++) insert.run(`${MARKER} ${'ж'.repeat(1900)}`);
      })();
    }
    const database = vaultPaths(created.dir).database;
    // The worker's own timer (POLL_MS) checkpoints the WAL into the file.
    await vi.waitFor(() => expect(statSync(database).size).toBeGreaterThan(THRESHOLD_BYTES), GUARD);
    created.vault.close();
    expect(existsSync(`${database}-wal`)).toBe(false);
    setBackgroundCheckpoints(false);
    const again = await unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    try {
      expect(again.sqlite.prepare('SELECT count(*) FROM probe').pluck().get()).toBe(2000);
      expect(again.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      again.close();
    }
  });
});
