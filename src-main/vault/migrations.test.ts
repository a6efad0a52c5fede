import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from './database';
import { createNoKeychainStore, unlockWithPassword, unlockWithRecoveryKey } from './index';
import { MigrationEditedError } from './errors';
import { MIGRATION_SHA256 } from './migration-pins';
import {
  bundledMigrationIds,
  checkMigrationPrefix,
  loadMigrations,
  migrationSha256,
} from './migrations';
import { createTestVault, makeTempDir, snapshotDir, TEST_OWNER } from './temp-vault.test-support';

const repoMigrations = fileURLToPath(new URL('../../migrations/', import.meta.url));
const noKeychain = { deviceStore: createNoKeychainStore() };

/** A closed vault, its data key, and a copy of the bundled migrations plus `extra` files. */
async function vaultWithMigrations(extra: Record<string, string>) {
  const created = await createTestVault();
  const dataKey = created.vault.dataKey();
  created.vault.close();
  const dir = makeTempDir('zamok-migrations-');
  cpSync(repoMigrations, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
  return { ...created, dataKey, migrationsDir: dir, dbPath: join(created.dir, 'zamok.db') };
}

function appliedIds(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: string }[]
  ).map(r => r.id);
}

describe('migrations', () => {
  it('bundles every numbered .sql file in migrations/, in order, starting with 0001_vault', () => {
    const ids = bundledMigrationIds();
    expect(ids[0]).toBe('0001_vault');
    expect(ids).toEqual([...ids].sort());
    const files = readdirSync(repoMigrations).filter(n => /^\d{4}_[a-z0-9_]+\.sql$/.test(n));
    expect(ids).toEqual(files.map(f => f.slice(0, -4)).sort());
  });

  it('a new vault records every bundled migration and has the 0001 tables', async () => {
    const { vault } = await createTestVault();
    expect(appliedIds(vault.sqlite)).toEqual(bundledMigrationIds());
    const tables = vault.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        { name: 'vault_meta' },
        { name: 'settings' },
        { name: 'schema_migrations' },
      ]),
    );
    vault.close();
  });

  it('applies a pending migration on open, once', async () => {
    const v = await vaultWithMigrations({
      '9000_test_extra.sql': 'CREATE TABLE extra (id INTEGER PRIMARY KEY);',
    });
    const opts = { create: false, vaultId: v.vaultId, migrationsDir: v.migrationsDir };
    const first = openDatabase(v.dbPath, v.dataKey, opts);
    expect(appliedIds(first)).toEqual([...bundledMigrationIds(), '9000_test_extra']);
    first.close();
    const second = openDatabase(v.dbPath, v.dataKey, opts);
    expect(appliedIds(second)).toEqual([...bundledMigrationIds(), '9000_test_extra']);
    second.close();
  });

  it('a migration that fails is rolled back whole and the error surfaces', async () => {
    const v = await vaultWithMigrations({
      '9000_half_bad.sql': 'CREATE TABLE half (id INTEGER);\nINSERT INTO no_such_table VALUES (1);',
    });
    expect(() =>
      openDatabase(v.dbPath, v.dataKey, {
        create: false,
        vaultId: v.vaultId,
        migrationsDir: repoMigrations,
      }),
    ).not.toThrow();
    expect(() =>
      openDatabase(v.dbPath, v.dataKey, {
        create: false,
        vaultId: v.vaultId,
        migrationsDir: v.migrationsDir,
      }),
    ).toThrow(/no such table/);
    const vault = await unlockWithPassword(
      v.dir,
      TEST_OWNER.login,
      TEST_OWNER.password,
      noKeychain,
    );
    expect(appliedIds(vault.sqlite)).toEqual(bundledMigrationIds());
    expect(
      vault.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get(),
    ).toBeUndefined();
    vault.close();
  });

  it('a vault made by a newer Zamok is refused with vault_newer and left untouched', async () => {
    const v = await vaultWithMigrations({ '9000_future.sql': 'CREATE TABLE future (id INTEGER);' });
    openDatabase(v.dbPath, v.dataKey, {
      create: false,
      vaultId: v.vaultId,
      migrationsDir: v.migrationsDir,
    }).close();
    const before = snapshotDir(v.dir);
    await expect(
      unlockWithPassword(v.dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain),
    ).rejects.toMatchObject({
      code: 'vault_newer',
      message: expect.stringContaining('made by a newer Zamok'),
    });
    await expect(unlockWithRecoveryKey(v.dir, v.recoveryKey)).rejects.toMatchObject({
      code: 'vault_newer',
    });
    expect(snapshotDir(v.dir)).toEqual(before);
  });

  it('a vault with a migration this build never shipped is refused with vault_unknown_migration, untouched', async () => {
    const created = await createTestVault();
    created.vault.sqlite
      .prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)')
      .run('0001_aaa_other_branch', new Date().toISOString());
    created.vault.close();
    const before = snapshotDir(created.dir);
    await expect(
      unlockWithPassword(created.dir, TEST_OWNER.login, TEST_OWNER.password, noKeychain),
    ).rejects.toMatchObject({
      code: 'vault_unknown_migration',
      message: expect.stringContaining('unknown migration'),
    });
    expect(snapshotDir(created.dir)).toEqual(before);
  });

  it('every migration file is pinned and unchanged (shipped migrations are never edited)', () => {
    // Changing a shipped migration breaks vaults that already applied it: add a new migration
    // instead. A new migration is pinned in migration-pins.ts in the commit that adds it.
    const actual = Object.fromEntries(
      readdirSync(repoMigrations)
        .filter(n => /^\d{4}_[a-z0-9_]+\.sql$/.test(n))
        .sort()
        .map(n => [n.slice(0, -4), migrationSha256(readFileSync(join(repoMigrations, n), 'utf8'))]),
    );
    expect(actual).toEqual(MIGRATION_SHA256);
    expect(MIGRATION_SHA256['0001_vault']).toBe(
      createHash('sha256')
        .update(readFileSync(join(repoMigrations, '0001_vault.sql')))
        .digest('hex'),
    );
  });

  it('an edited shipped migration stops the open with MigrationEditedError, vault untouched', async () => {
    const v = await vaultWithMigrations({});
    const path = join(v.migrationsDir, '0005_contacts.sql');
    writeFileSync(
      path,
      `${readFileSync(path, 'utf8')}\nCREATE INDEX contacts_extra ON contacts (notes);\n`,
    );
    const before = snapshotDir(v.dir);
    let thrown: unknown;
    try {
      openDatabase(v.dbPath, v.dataKey, {
        create: false,
        vaultId: v.vaultId,
        migrationsDir: v.migrationsDir,
      }).close();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(MigrationEditedError);
    expect(thrown).toMatchObject({
      code: 'migration_edited',
      migrationId: '0005_contacts',
      expectedSha256: MIGRATION_SHA256['0005_contacts'],
      message: expect.stringContaining('Shipped migrations are never edited'),
    });
    expect(snapshotDir(v.dir)).toEqual(before);
  });

  it('pins ignore line endings: a CRLF checkout still matches', () => {
    const dir = makeTempDir();
    const sql = readFileSync(join(repoMigrations, '0002_accounts.sql'), 'utf8');
    writeFileSync(
      join(dir, '0001_vault.sql'),
      readFileSync(join(repoMigrations, '0001_vault.sql')),
    );
    writeFileSync(join(dir, '0002_accounts.sql'), sql.replace(/\n/g, '\r\n'));
    expect(loadMigrations(dir).map(m => m.id)).toEqual(['0001_vault', '0002_accounts']);
  });

  it('checks that the applied list is a prefix of the bundled list', () => {
    const bundled = ['0001_a', '0002_b', '0003_c'];
    expect(() => checkMigrationPrefix([], bundled)).not.toThrow();
    expect(() => checkMigrationPrefix(['0001_a', '0002_b'], bundled)).not.toThrow();
    expect(() => checkMigrationPrefix(bundled, bundled)).not.toThrow();
    expect(() => checkMigrationPrefix([...bundled, '0004_d'], bundled)).toThrow(/newer Zamok/);
    expect(() => checkMigrationPrefix(['0001_a', '0003_c'], bundled)).toThrow(
      /unknown migration 0003_c/,
    );
    expect(() => checkMigrationPrefix(['0001_x'], bundled)).toThrow(/unknown migration 0001_x/);
  });

  it('refuses two migration files with the same number', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '0001_one.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0001_two.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'README.md'), 'ignored');
    expect(() => loadMigrations(dir)).toThrow(/numbered 0001/);
  });
});
