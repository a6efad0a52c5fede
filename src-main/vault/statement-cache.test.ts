import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Kysely, sql } from 'kysely';
import type { OpenVault } from './database';
import { NestingSqliteDialect } from './nesting-dialect';
import { withStatementCache } from './statement-cache';
import { createTestVault } from './temp-vault.test-support';

let vault: OpenVault;
beforeEach(async () => {
  ({ vault } = await createTestVault());
  vault.sqlite.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
    INSERT INTO notes (text) VALUES ('перша'), ('друга'), ('третя');`);
});
afterEach(() => vault.close());

describe('statement cache', () => {
  it('hands out the same prepared statement for the same SQL text', () => {
    const db = withStatementCache(vault.sqlite);
    const a = db.prepare('SELECT text FROM notes WHERE id = ?');
    expect(db.prepare('SELECT text FROM notes WHERE id = ?')).toBe(a);
    expect(db.prepare('SELECT id FROM notes WHERE id = ?')).not.toBe(a);
    expect(a.get(2)).toEqual({ text: 'друга' });
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const db = withStatementCache(vault.sqlite);
    const text = 'SELECT text FROM notes ORDER BY id';
    const seen: string[] = [];
    for (const row of db.prepare(text).iterate() as Iterable<{ text: string }>) {
      seen.push(row.text, ...(db.prepare(text).all() as { text: string }[]).map(r => r.text));
      break;
    }
    expect(seen).toEqual(['перша', 'перша', 'друга', 'третя']);
  });

  it('keeps only the most recently used statements', () => {
    const db = withStatementCache(vault.sqlite, 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(one); // 1 is now the most recent
    db.prepare('SELECT 3'); // evicts 2
    expect(db.prepare('SELECT 1')).toBe(one);
    expect(db.prepare('SELECT 2')).not.toBe(two);
  });

  it('a cached statement follows a schema change (a migration adding a column)', () => {
    const db = withStatementCache(vault.sqlite);
    const text = 'SELECT * FROM notes WHERE id = 1';
    expect(db.prepare(text).get()).toEqual({ id: 1, text: 'перша' });
    vault.sqlite.exec("ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'нова'");
    expect(db.prepare(text).get()).toEqual({ id: 1, text: 'перша', tag: 'нова' });
  });

  it('kysely over the vault dialect reuses statements across calls and transactions', async () => {
    const k = new Kysely<{ notes: { id: number; text: string } }>({
      dialect: new NestingSqliteDialect(vault.sqlite),
    });
    const read = () => k.selectFrom('notes').select('text').where('id', '=', 3).execute();
    expect(await read()).toEqual([{ text: 'третя' }]);
    await k.transaction().execute(async trx => {
      await trx.updateTable('notes').set({ text: 'змінена' }).where('id', '=', 3).execute();
      await sql`SELECT 1`.execute(trx);
    });
    expect(await read()).toEqual([{ text: 'змінена' }]);
  });
});
