/**
 * The office server's migration runner on a real (embedded) PostgreSQL: applies the bundled
 * schema once, is a no-op the second time, and refuses — changing nothing — a database that holds
 * a migration this server does not know (made by a newer server).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db';
import {
  NewerDatabaseError,
  loadServerMigrations,
  migrateServer,
  serverMigrationSha256,
  splitStatements,
} from './migrate';
import { SERVER_MIGRATION_SHA256 } from './migration-pins';
import { openPglite } from './pglite';

let db: Db;
beforeAll(async () => {
  db = await openPglite(null);
}, 120_000);
afterAll(async () => db.close());

describe('office server migrations', () => {
  it('applies the bundled migrations once, then nothing', async () => {
    const bundled = loadServerMigrations().map(m => m.id);
    expect(bundled[0]).toBe('0001_office_schema');
    expect(await migrateServer(db)).toEqual(bundled);
    expect(await migrateServer(db)).toEqual([]);
    const tables = await db.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map(t => t.tablename)).toEqual([
      'auth_challenges',
      'changes',
      'devices',
      'document_chunks',
      'invites',
      'join_requests',
      'key_envelopes',
      'office',
      'partition_access',
      'partitions',
      'server_migrations',
      'users',
    ]);
  });

  it('refuses a database made by a newer server and changes nothing', async () => {
    const newer = mkdtempSync(join(tmpdir(), 'zamok-office-migrations-'));
    for (const m of loadServerMigrations()) writeFileSync(join(newer, `${m.id}.sql`), m.sql);
    writeFileSync(join(newer, '9999_newer_thing.sql'), 'CREATE TABLE newer_thing (id int);\n');
    expect(await migrateServer(db, newer)).toEqual(['9999_newer_thing']);
    await expect(migrateServer(db)).rejects.toBeInstanceOf(NewerDatabaseError);
    const applied = await db.query<{ id: string }>('SELECT id FROM server_migrations ORDER BY id');
    expect(applied.map(a => a.id)).toEqual([
      ...loadServerMigrations().map(m => m.id),
      '9999_newer_thing',
    ]);
  });

  it('pins every shipped migration and refuses an edited one', () => {
    const bundled = loadServerMigrations();
    expect(Object.keys(SERVER_MIGRATION_SHA256).sort()).toEqual(bundled.map(m => m.id));
    for (const m of bundled)
      expect(SERVER_MIGRATION_SHA256[m.id]).toBe(serverMigrationSha256(m.sql));
    const edited = mkdtempSync(join(tmpdir(), 'zamok-office-migrations-'));
    for (const m of bundled) writeFileSync(join(edited, `${m.id}.sql`), `${m.sql}\n-- edited\n`);
    expect(() => loadServerMigrations(edited)).toThrow(/edited after it shipped/);
  });

  it('splits a migration into statements, dropping comment lines', () => {
    expect(
      splitStatements('-- a comment; with a semicolon\nCREATE TABLE a (x int);\n\nSELECT 1;\n'),
    ).toEqual(['CREATE TABLE a (x int)', 'SELECT 1']);
  });
});
