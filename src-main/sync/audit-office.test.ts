/**
 * The office audit partition on a real office server (PGlite, and PostgreSQL 15 where one can
 * start) through the real HTTP client: a manager's audit entries reach the owner exactly as the
 * manager's chain stored them (redacted values stay redacted), apart from the owner's own chain;
 * a manager's device is refused the partition (403, nothing sent); a server that edits a stored
 * audit change fails `audit verify --office`, and one that drops a manager's audit change and
 * rebuilds its own chain to hide it is still caught by the manager's chain on arrival.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../audit';
import { auditPartitionId } from '../../src-shared/office/audit';
import { testEngines } from '../../src-server/db/cluster.test-support';
import type { Db } from '../../src-server/db/db';
import { chainLink } from '../../src-server/changes';
import { chainGenesis } from '../../src-server/partitions';
import { listOfficeAudit } from './audit-list';
import { OfficeCallError } from './client';
import { enrolledOwner, joinedLaptop, startOffice, type Laptop } from './office.test-support';
import { OfficeSession } from './session';
import { loadOfficeSettings, syncCounts } from './store';
import { verifyOfficeChain } from './verify';
import { syncNow } from './worker';

const engines = await testEngines();
const opened: Laptop[] = [];
afterAll(() => {
  for (const laptop of opened.splice(0)) laptop.vault.close();
  engines.forEach(engine => engine.stop());
});

const SECRET = 'pa55-never-leaves';

/** A manager's audited edit (its password-like field is redacted by the audit log itself). */
function audited(laptop: Laptop, n: number): void {
  appendAudit(laptop.vault, {
    userId: laptop.userId,
    userLogin: laptop.login,
    action: 'contacts.update',
    entityType: 'contact',
    entityId: `contact-${n}`,
    outcome: 'ok',
    changes: {
      notes: { before: `note ${n}`, after: `note ${n + 1}` },
      password: { after: SECRET },
    },
  });
}

async function deviceOf(laptop: Laptop): Promise<string> {
  return (await loadOfficeSettings(laptop.db))?.device_id ?? '';
}

async function ownAuditCount(laptop: Laptop): Promise<number> {
  const row = await laptop.db
    .selectFrom('audit_log')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What a dishonest server can do: drop one change and renumber and re-chain the rest, so its own
 * chain (and head) are consistent again.
 */
async function dropAndRechain(db: Db, partitionId: string, changeId: string): Promise<void> {
  await db.query('DELETE FROM changes WHERE change_id = $1', [changeId]);
  const rows = await db.query<{ seq: string; change_id: string; key_version: number }>(
    'SELECT seq, change_id, key_version, hash FROM changes WHERE partition_id = $1 ORDER BY seq',
    [partitionId],
  );
  let head = chainGenesis(partitionId);
  for (const [index, row] of rows.entries()) {
    const [stored] = await db.query<{ hash: Uint8Array }>(
      'SELECT hash FROM changes WHERE change_id = $1',
      [row.change_id],
    );
    const seq = index + 1;
    head = chainLink(head, {
      partitionId,
      seq,
      changeId: row.change_id,
      keyVersion: row.key_version,
      hash: Buffer.from(stored?.hash ?? []),
    });
    await db.query('UPDATE changes SET seq = $2, chain = $3 WHERE change_id = $1', [
      row.change_id,
      seq,
      head,
    ]);
  }
  await db.query('UPDATE partitions SET next_seq = $2, chain_head = $3 WHERE partition_id = $1', [
    partitionId,
    rows.length + 1,
    head,
  ]);
}

describe.each(engines.map(e => [e.name, e] as const))(
  'office audit partition on %s',
  (_n, engine) => {
    it("brings a manager's audit entries to the owner as stored, refuses the manager a pull of them, and fails verify when the server edits one", async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
        const auditor = await joinedLaptop(office, owner, 'ivan', 'auditor');
        opened.push(owner, a, auditor);
        await syncNow(owner.db); // makes A's audit partition and grants it to A (push)
        const partitionId = auditPartitionId(await deviceOf(a));
        for (let n = 1; n <= 3; n += 1) audited(a, n);
        await syncNow(a.db);
        const ownBefore = await ownAuditCount(owner);
        await syncNow(owner.db);

        // The owner holds A's entries, column for column as A's chain stored them, verified.
        const deviceA = await deviceOf(a);
        const sent = await a.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'contacts.update')
          .orderBy('seq')
          .execute();
        const received = await owner.db
          .selectFrom('office_audit')
          .selectAll()
          .where('device_id', '=', deviceA)
          .where('action', '=', 'contacts.update')
          .orderBy('seq')
          .execute();
        expect(received).toHaveLength(3);
        expect(
          received.map(r => ({
            seq: r.seq,
            hash: r.hash,
            prev: r.prev_hash,
            changes: r.changes,
            salt: r.payload_salt,
          })),
        ).toEqual(
          sent.map(r => ({
            seq: r.seq,
            hash: r.hash,
            prev: r.prev_hash,
            changes: r.changes,
            salt: r.payload_salt,
          })),
        );
        expect(received.every(r => r.problem === null && r.user_id === a.userId)).toBe(true);
        expect(received.map(r => r.changes).join('')).not.toContain(SECRET);
        expect(received[0]?.changes).toContain('[redacted]');
        // Never mixed into the owner's own chain, which still verifies; its own entries came back
        // without being stored as "office" entries.
        expect(await ownAuditCount(owner)).toBe(ownBefore);
        expect(verifyAuditChain(owner.vault).ok).toBe(true);
        const ownDevice = await deviceOf(owner);
        const mine = await owner.db
          .selectFrom('office_audit')
          .select('seq')
          .where('device_id', '=', ownDevice)
          .execute();
        expect(mine).toEqual([]);
        // An auditor's laptop (a role with audit.read) reads them too.
        await syncNow(auditor.db);
        const atAuditor = await auditor.db
          .selectFrom('office_audit')
          .select(['seq', 'hash', 'problem'])
          .where('device_id', '=', deviceA)
          .where('action', '=', 'contacts.update')
          .orderBy('seq')
          .execute();
        expect(atAuditor).toEqual(received.map(r => ({ seq: r.seq, hash: r.hash, problem: null })));
        // The audit screen's office view: newest first, with the device each entry came from.
        const page = await listOfficeAudit(owner.db, { limit: 2 });
        expect(page).toMatchObject({ joined: true, problems: 0 });
        expect(page.entries.map(e => [e.officeDeviceId, e.seq, e.userId])).toEqual([
          [deviceA, sent[2]?.seq, a.userId],
          [deviceA, sent[1]?.seq, a.userId],
        ]);
        expect(page.entries[0]?.changes?.password?.after).toBe('[redacted]');
        const older = await listOfficeAudit(owner.db, { limit: 2, before: page.nextBefore ?? 0 });
        expect(older.entries.map(e => e.seq)).toEqual([sent[0]?.seq]);
        expect(older.nextBefore).toBeNull();
        expect(await listOfficeAudit(a.db, { limit: 5 })).toMatchObject({
          joined: true,
          entries: [],
        });
        const clean = await verifyOfficeChain(owner.db);
        expect(clean.ok).toBe(true);
        expect(clean.auditDevices).toEqual([
          { deviceId: deviceA, entries: received.length, problems: 0, reason: null },
        ]);

        // A holds the partition push-only: its rounds pull nothing of it, its outbox empties, and
        // a pull of it from A's real device key is refused with nothing sent.
        await syncNow(a.db);
        expect(await syncCounts(a.db)).toEqual({ waiting: 0, conflicts: 0 });
        const leftInOutbox = await a.db
          .selectFrom('sync_outbox')
          .select('change_id')
          .where('partition_id', '=', partitionId)
          .where('seq', 'is not', null)
          .execute();
        expect(leftInOutbox.length).toBeLessThanOrEqual(1); // only the last round's, dropped next round
        const held = await a.db
          .selectFrom('office_partitions')
          .select('may_pull')
          .where('partition_id', '=', partitionId)
          .executeTakeFirstOrThrow();
        expect(held.may_pull).toBe(0);
        const session = await OfficeSession.signIn(
          (await loadOfficeSettings(a.db)) ?? (null as never),
        );
        // Its own audit partition (in its ACL, push only) and the owner's: both refused.
        for (const id of [partitionId, auditPartitionId(ownDevice)]) {
          const forged = await session
            .post('/v1/pull', { cursors: [{ partitionId: id, after: 0 }] })
            .catch((error: unknown) => error);
          expect(forged).toBeInstanceOf(OfficeCallError);
          expect(forged).toMatchObject({ status: 403, code: 'forbidden' });
        }
        // A's key opens only A's entries: it holds no key of the owner's audit partition.
        const keys = await a.db
          .selectFrom('office_partition_keys')
          .select('partition_id')
          .where('partition_id', 'like', 'audit-%')
          .execute();
        expect(keys.map(k => k.partition_id)).toEqual([partitionId]);

        // The server edits one stored audit change: verify --office on the owner fails there.
        const [first] = await office.db.query<{ seq: string }>(
          'SELECT seq FROM changes WHERE partition_id = $1 AND device_id = $2 ORDER BY seq LIMIT 1',
          [partitionId, deviceA],
        );
        await office.db.query(
          `UPDATE changes SET sealed = sealed || '\\x00'::bytea WHERE partition_id = $1 AND seq = $2`,
          [partitionId, first?.seq],
        );
        const tampered = await verifyOfficeChain(owner.db);
        expect(tampered.ok).toBe(false);
        expect(tampered.partitions.find(p => p.partitionId === partitionId)?.ok).toBe(false);
      } finally {
        await office.close();
      }
    }, 300_000);

    it("catches a server that drops a manager's audit change and re-chains its own log to hide it", async () => {
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
        opened.push(owner, a);
        await syncNow(owner.db);
        const partitionId = auditPartitionId(await deviceOf(a));
        audited(a, 1);
        await syncNow(a.db);
        audited(a, 2);
        await syncNow(a.db);
        const deviceA = await deviceOf(a);
        const pushed = await office.db.query<{ change_id: string }>(
          'SELECT change_id FROM changes WHERE partition_id = $1 AND device_id = $2 ORDER BY seq',
          [partitionId, deviceA],
        );
        expect(pushed.length).toBeGreaterThanOrEqual(2);
        await dropAndRechain(office.db, partitionId, pushed[0]?.change_id ?? '');

        await syncNow(owner.db);
        // The owner never saw the dropped change, so the server's (rebuilt) chain looks whole …
        const result = await verifyOfficeChain(owner.db);
        expect(result.partitions.every(p => p.ok)).toBe(true);
        // … but A's own chain does not: the first entry that arrived does not start A's segment.
        const flagged = await owner.db
          .selectFrom('office_audit')
          .select(['seq', 'problem'])
          .where('device_id', '=', deviceA)
          .where('problem', 'is not', null)
          .execute();
        expect(flagged.length).toBeGreaterThan(0);
        expect(flagged[0]?.problem).toBe('seq_gap');
        expect(result.ok).toBe(false);
        expect(result.auditDevices).toContainEqual(
          expect.objectContaining({ deviceId: deviceA, reason: 'seq_gap' }),
        );
      } finally {
        await office.close();
      }
    }, 300_000);
  },
);
