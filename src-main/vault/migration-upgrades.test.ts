/**
 * Upgrades of real vaults: for every bundled migration, a vault made by the build just before it
 * (migrated up to the previous one, holding that schema's data) is opened by this build. Every row
 * must survive; the data-moving migrations are checked for what they move.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenVault } from './database';
import { bundledMigrationIds } from './migrations';
import { makeTempDir } from './temp-vault.test-support';
import {
  createVaultAtMigration,
  openAsIs,
  snapshotTables,
  upgradeToLatest,
  type OldVault,
} from './upgrade-harness.test-support';
import { AFTER_UPGRADE } from './upgrade-checks.test-support';
import { seedUpTo, UPGRADE_SEEDS } from './upgrade-seeds.test-support';

const ids = bundledMigrationIds();
let open: OpenVault | undefined;
afterEach(() => {
  open?.close();
  open = undefined;
});

/** A vault migrated up to `lastId`, holding the seeds of every migration up to it. */
function vaultAt(lastId: string): OldVault {
  const upTo = ids.slice(0, ids.indexOf(lastId) + 1);
  return createVaultAtMigration(lastId, sqlite => seedUpTo(sqlite, upTo));
}

/**
 * Tables a migration rewrites on purpose, by migration id. A vault made before such a
 * migration is not row-compared on them; that migration's `AFTER_UPGRADE` check says what it moved.
 */
const REWRITES: Partial<Record<string, readonly string[]>> = {
  '0029_stage_name_nova': ['pipeline_stages'],
};

/** Opens `old` (made at `lastId`) with this build; every row it held is still there, unchanged. */
function upgradeKeepingRows(old: OldVault, lastId: string): OpenVault {
  const before = openAsIs(old);
  const rewritten = ids.slice(ids.indexOf(lastId) + 1).flatMap(later => REWRITES[later] ?? []);
  const snapshot = Object.fromEntries(
    Object.entries(snapshotTables(before)).filter(([table]) => !rewritten.includes(table)),
  );
  before.close();
  open = upgradeToLatest(old);
  expect(open.sqlite.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(
    ids,
  );
  expect(snapshotTables(open.sqlite, snapshot)).toEqual(snapshot);
  return open;
}

describe('upgrading a vault made before each migration', () => {
  it('every bundled migration has an upgrade seed (add one with each new migration)', () => {
    expect(Object.keys(UPGRADE_SEEDS)).toEqual(ids);
  });

  for (const [previous, id] of ids.slice(1).map((id, i) => [ids[i] as string, id] as const)) {
    it(`${id}: a vault at ${previous} opens with every row kept`, async () => {
      const vault = upgradeKeepingRows(vaultAt(previous), previous);
      await AFTER_UPGRADE[id]?.(vault);
    });
  }

  it('pending migrations run in one transaction: a failing one leaves the vault as it was', () => {
    const old = vaultAt('0012_documents');
    const migrationsDir = join(makeTempDir('zamok-migrations-'), 'm');
    cpSync(fileURLToPath(new URL('../../migrations/', import.meta.url)), migrationsDir, {
      recursive: true,
    });
    writeFileSync(join(migrationsDir, '9000_bad.sql'), 'INSERT INTO no_such_table VALUES (1);');
    const before = openAsIs(old);
    const snapshot = snapshotTables(before);
    before.close();
    expect(() => upgradeToLatest(old, migrationsDir)).toThrow(/no such table/);
    const after = openAsIs(old);
    try {
      const applied = after.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
      expect(applied).toEqual(ids.slice(0, ids.indexOf('0012_documents') + 1));
      expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'search_rows'").get()).toBe(
        undefined,
      );
      expect(snapshotTables(after)).toEqual(snapshot);
    } finally {
      after.close();
    }
  });
});
