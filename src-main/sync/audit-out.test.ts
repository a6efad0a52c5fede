/**
 * A laptop's audit entries going out (no HTTP): only those written since it joined, each once,
 * exactly as its chain stored them, sealed under its own audit partition's key; an entry too large
 * for one change goes without its payload and still verifies at the reader.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { PulledChange } from '../../src-shared/office/contracts';
import { auditPartitionId } from '../../src-shared/office/audit';
import { appendAudit } from '../audit';
import type { OpenVault } from '../vault';
import { officeAuditChangeSchema } from './audit-format';
import { applyAuditPulled } from './audit-in';
import { queueAuditEntries } from './audit-out';
import { openChange } from './crypto';
import { savePartition, savePartitionKey } from './store';
import { createTestLaptop, type TestLaptop } from './sync.test-support';

const opened: OpenVault[] = [];
afterAll(() => opened.splice(0).forEach(vault => vault.close()));

async function laptopWithPartition(partitionId: string, key: Buffer, push: boolean) {
  const laptop = await createTestLaptop(push ? 'anna' : 'owner');
  opened.push(laptop.vault);
  await savePartition(laptop.vault.db, {
    partitionId,
    kind: 'audit',
    ownerUserId: null,
    keyVersion: 1,
    mayPush: push,
    mayPull: !push,
  });
  await savePartitionKey(laptop.vault.db, partitionId, 1, key);
  return laptop;
}

/** The queued audit changes of `laptop`, opened, as the server would hand them out. */
async function queued(laptop: TestLaptop, partitionId: string, key: Buffer) {
  const rows = await laptop.vault.db
    .selectFrom('sync_outbox')
    .selectAll()
    .where('partition_id', '=', partitionId)
    .orderBy('created_at')
    .execute();
  return rows.map((row, index) => {
    const at = { partitionId, keyVersion: 1, changeId: row.change_id };
    const pulled: PulledChange = {
      seq: index + 1,
      changeId: row.change_id,
      keyVersion: 1,
      deviceId: laptop.deviceId,
      sealed: row.sealed,
      receivedAt: row.created_at,
    };
    return {
      pulled,
      body: officeAuditChangeSchema.parse(JSON.parse(openChange(key, at, row.sealed))),
    };
  });
}

describe('audit entries going out', () => {
  it('sends what was written since joining, once, as stored; a huge entry without its payload', async () => {
    const key = randomBytes(32);
    const sender = await createTestLaptop('anna');
    opened.push(sender.vault);
    const partitionId = auditPartitionId(sender.deviceId);
    // The vault joins now; an entry stamped a minute earlier stays local, later ones go out.
    const joined = Date.now();
    await sender.vault.db
      .updateTable('office_settings')
      .set({ created_at: new Date(joined).toISOString() })
      .execute();
    const later = new Date(joined + 60_000);
    const before = appendAudit(
      sender.vault,
      { action: 'contacts.create', outcome: 'ok' },
      new Date(joined - 60_000),
    );
    await savePartition(sender.vault.db, {
      partitionId,
      kind: 'audit',
      ownerUserId: null,
      keyVersion: 1,
      mayPush: true,
      mayPull: false,
    });
    await savePartitionKey(sender.vault.db, partitionId, 1, key);
    const small = appendAudit(
      sender.vault,
      {
        action: 'contacts.update',
        outcome: 'ok',
        changes: { password: { after: 'never-sent' }, notes: { before: 'a', after: 'b' } },
      },
      later,
    );
    const wide = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `field_${i}`,
        { before: null, after: 'x'.repeat(3000) },
      ]),
    );
    const huge = appendAudit(
      sender.vault,
      { action: 'contacts.update', outcome: 'ok', changes: wide },
      later,
    );

    expect(await queueAuditEntries(sender.vault.db)).toBe(2);
    expect(await queueAuditEntries(sender.vault.db)).toBe(0); // nothing twice
    const changes = await queued(sender, partitionId, key);
    const sent = changes.flatMap(c => c.body.entries);
    expect(sent.map(e => e.seq)).toEqual([small.seq, huge.seq]);
    expect(sent.map(e => e.seq)).not.toContain(before.seq);
    expect(
      changes.every(c => c.body.deviceId === sender.deviceId && c.body.from === small.seq),
    ).toBe(true);
    const stored = await sender.vault.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', small.seq)
      .executeTakeFirstOrThrow();
    expect(sent[0]).toEqual(stored);
    expect(sent[0]?.changes).toContain('[redacted]');
    expect(sent[1]).toMatchObject({ hash: huge.hash, changes: null, payload_salt: null });
    expect(sent[1]?.details).toBe('{"omitted":"too_large"}');

    // The reader verifies both (the large one by its hash, which covers the payload's digest).
    const reader = await laptopWithPartition(partitionId, key, false);
    const result = await applyAuditPulled(
      reader.vault.db,
      partitionId,
      changes.map(c => c.pulled),
    );
    expect(result.problems).toBe(0);
  });
});
