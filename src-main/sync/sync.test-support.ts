/**
 * Test-only: laptops (real vault files) that have joined an office, and an in-memory stand-in for
 * the server's ordering (per-partition sequence numbers), so the outbox and the apply code are
 * tested without HTTP. The real server is used in the worker and CLI tests.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { PulledChange } from '../../src-shared/office/contracts';
import { createUser } from '../auth/accounts';
import type { OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { applyPulled } from './apply';
import { generateDeviceKeys } from './crypto';
import { heldPartitions, savePartition, savePartitionKey } from './store';
import { insertTestTeams } from '../teams/teams.test-support';

/** A laptop: its vault, the vault user it syncs as, and its device id. */
export interface TestLaptop {
  vault: OpenVault;
  dir: string;
  userId: string;
  deviceId: string;
}

/** A vault whose first user (`login`) is the laptop's user, joined to a test office. */
export async function createTestLaptop(login: string, teamId: string | null = null) {
  const created = await createTestVault({ ownerLogin: login });
  const db = created.vault.db;
  const user = await createUser(db, { login, displayName: login, role: 'owner' });
  if (teamId) {
    await insertTestTeams(db, [teamId]);
    await db.updateTable('users').set({ team_id: teamId }).where('id', '=', user.id).execute();
  }
  const keys = generateDeviceKeys();
  const deviceId = randomUUID();
  await db
    .insertInto('office_settings')
    .values({
      id: 1,
      server_url: 'http://127.0.0.1:1',
      fingerprint: null,
      office_id: 'test-office',
      device_id: deviceId,
      user_id: user.id,
      role: 'owner',
      team_id: teamId,
      sign_private: keys.signPrivate,
      box_private: keys.boxPrivate,
      sign_public: keys.signPublic,
      box_public: keys.boxPublic,
      status: 'active',
      created_at: new Date().toISOString(),
      last_sync_at: null,
      last_error: null,
    })
    .execute();
  const laptop: TestLaptop = { vault: created.vault, dir: created.dir, userId: user.id, deviceId };
  return laptop;
}

/** A partition and its key, as the owner device would hand it out. */
export interface MemoryPartition {
  partitionId: string;
  ownerUserId: string;
  key: Buffer;
}

/** A new owner partition for `ownerUserId`. */
export function newPartition(ownerUserId: string): MemoryPartition {
  return { partitionId: randomUUID(), ownerUserId, key: randomBytes(32) };
}

/** Gives a laptop a partition (key version 1). */
export async function holdPartition(laptop: TestLaptop, p: MemoryPartition): Promise<void> {
  await savePartition(laptop.vault.db, {
    partitionId: p.partitionId,
    kind: 'owner',
    ownerUserId: p.ownerUserId,
    keyVersion: 1,
    mayPush: true,
  });
  await savePartitionKey(laptop.vault.db, p.partitionId, 1, p.key);
}

/** The server's part, in memory: per partition, changes in arrival order with their seqs. */
export class MemoryOffice {
  readonly log = new Map<string, PulledChange[]>();

  /** Pushes every unacknowledged outbox change of `laptop`, in the order made. */
  async push(laptop: TestLaptop): Promise<number> {
    const db = laptop.vault.db;
    const rows = await db
      .selectFrom('sync_outbox')
      .selectAll()
      .where('seq', 'is', null)
      .orderBy(sql`rowid`)
      .execute();
    for (const row of rows) {
      const list = this.log.get(row.partition_id) ?? [];
      this.log.set(row.partition_id, list);
      const seq = list.length + 1;
      list.push({
        seq,
        changeId: row.change_id,
        keyVersion: row.key_version,
        deviceId: laptop.deviceId,
        sealed: row.sealed,
        receivedAt: new Date().toISOString(),
      });
      await db
        .updateTable('sync_outbox')
        .set({ seq })
        .where('change_id', '=', row.change_id)
        .execute();
    }
    return rows.length;
  }

  /** Pulls every partition `laptop` holds from its cursor and applies it. */
  async pull(laptop: TestLaptop): Promise<number> {
    let conflicts = 0;
    for (const p of await heldPartitions(laptop.vault.db)) {
      const changes = (this.log.get(p.partition_id) ?? []).filter(c => c.seq > p.after_seq);
      conflicts += (await applyPulled(laptop.vault.db, p.partition_id, changes)).conflicts;
    }
    return conflicts;
  }

  /** Push then pull, for each laptop in turn. */
  async sync(...laptops: TestLaptop[]): Promise<void> {
    for (const laptop of laptops) await this.push(laptop);
    for (const laptop of laptops) await this.pull(laptop);
  }
}
