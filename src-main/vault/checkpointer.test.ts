/**
 * Background WAL checkpoints: the worker moves committed pages into zamok.db while the writer's own
 * automatic checkpoint is off; what lands in the file is still ciphertext; closing leaves no WAL
 * behind; a worker that cannot key the file hands the checkpoint back to the writer at once.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import {
  STOP_WAIT_MS,
  THRESHOLD_BYTES,
  startCheckpointer,
  type Checkpointer,
} from './checkpointer';
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

/** Writes about `mb` MB of rows in transactions of ~1 MB, yielding between them. */
async function write(writer: Database.Database, mb: number): Promise<void> {
  const insert = writer.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let t = 0; t < mb; t++) {
    writer.transaction(() => {
      for (let i = 0; i < 250; i++) insert.run(`${MARKER} ${t}-${i} ${'ж'.repeat(1900)}`);
    })();
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

/** The count once no checkpoint has run for a second (the last may still be running when writes end). */
async function settledCount(checkpointer: Checkpointer): Promise<number> {
  const end = Date.now() + 15_000;
  let last = checkpointer.count();
  let since = Date.now();
  while (Date.now() - since < 1_000) {
    if (Date.now() > end) throw new Error('checkpoints go on with nothing written');
    await new Promise(resolve => setTimeout(resolve, 50));
    if (checkpointer.count() !== last) {
      last = checkpointer.count();
      since = Date.now();
    }
  }
  return last;
}

describe('background checkpointer', () => {
  it('moves committed pages into the encrypted file off the writer; close leaves no WAL', async () => {
    const { path, key, writer } = keyedFile();
    const checkpointer = startCheckpointer(writer, { path, dataKey: key });
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = statSync(path).size;
    await write(writer, 12);
    await until(() => checkpointer.count() > 0);
    // Keyed and working: its copy of the data key is gone already.
    expect(checkpointer.keyCopyWiped).toBe(true);
    await until(() => statSync(path).size > before + THRESHOLD_BYTES);
    // What reached zamok.db is ciphertext: no SQLite header, no client name.
    const file = readFileSync(path);
    expect(file.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(file.includes(Buffer.from(MARKER))).toBe(false);
    expect(file.includes(Buffer.from('Шевченко'))).toBe(false);
    // Nothing written: no more checkpoints (the WAL keeps its size, so size alone would repeat them).
    const settled = await settledCount(checkpointer);
    await new Promise(resolve => setTimeout(resolve, 2_000));
    expect(checkpointer.count()).toBe(settled);
    // A later write is picked up.
    await write(writer, 1);
    await until(() => checkpointer.count() > settled);
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
    const started = Date.now();
    const checkpointer = startCheckpointer(writer, { path, dataKey: randomBytes(32) });
    await until(() => !checkpointer.running);
    expect(checkpointer.keyCopyWiped).toBe(true);
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    checkpointer.stop();
    expect(Date.now() - started).toBeLessThan(STOP_WAIT_MS);
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
      await new Promise(resolve => setTimeout(resolve, 5));
    }
    const database = vaultPaths(created.dir).database;
    await until(() => statSync(database).size > THRESHOLD_BYTES);
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
