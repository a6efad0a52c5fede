/**
 * Other laptops' audit entries arriving at an audit reader (no HTTP: sealed changes built here
 * and applied as a pull answer): in order they verify; reordered, edited, or pushed by another
 * device than the partition's own, they are kept with their problem named, never mixed into the
 * reader's own chain.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { PulledChange } from '../../src-shared/office/contracts';
import { OFFICE_AUDIT_BROKEN_ACTION, auditPartitionId } from '../../src-shared/office/audit';
import { appendAudit, verifyAuditChain } from '../audit';
import type { OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import type { OfficeAuditChange, OfficeAuditEntry } from './audit-format';
import { applyAuditPulled } from './audit-in';
import { sealChange } from './crypto';
import { savePartition, savePartitionKey } from './store';
import { createTestLaptop, type TestLaptop } from './sync.test-support';

const opened: OpenVault[] = [];
afterAll(() => opened.splice(0).forEach(vault => vault.close()));

const SENDER = 'device-anna';
const PARTITION = auditPartitionId(SENDER);
const KEY = randomBytes(32);

/** Four entries of the sender's own chain, as stored there. */
async function senderEntries(): Promise<OfficeAuditEntry[]> {
  const sender = (await createTestVault()).vault;
  opened.push(sender);
  const before = await sender.db.selectFrom('audit_log').select('seq').execute();
  for (let n = 1; n <= 4; n += 1) {
    appendAudit(sender, {
      userId: 'u-anna',
      userLogin: 'anna',
      action: 'contacts.update',
      entityType: 'contact',
      entityId: `c-${n}`,
      outcome: 'ok',
      changes: { notes: { before: `${n}`, after: `${n + 1}` } },
    });
  }
  return sender.db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', before.length)
    .orderBy('seq')
    .execute();
}

async function reader(): Promise<TestLaptop> {
  const laptop = await createTestLaptop('owner');
  opened.push(laptop.vault);
  await savePartition(laptop.vault.db, {
    partitionId: PARTITION,
    kind: 'audit',
    ownerUserId: null,
    keyVersion: 1,
    mayPush: false,
  });
  await savePartitionKey(laptop.vault.db, PARTITION, 1, KEY);
  return laptop;
}

function change(
  seq: number,
  entries: OfficeAuditEntry[],
  from: number,
  pushedBy = SENDER,
): PulledChange {
  const changeId = randomUUID();
  const body: OfficeAuditChange = { v: 1, kind: 'audit', deviceId: SENDER, from, entries };
  return {
    seq,
    changeId,
    keyVersion: 1,
    deviceId: pushedBy,
    sealed: sealChange(
      KEY,
      { partitionId: PARTITION, keyVersion: 1, changeId },
      JSON.stringify(body),
    ),
    receivedAt: new Date().toISOString(),
  };
}

async function problems(laptop: TestLaptop) {
  const rows = await laptop.vault.db
    .selectFrom('office_audit')
    .select(['seq', 'problem'])
    .orderBy('seq')
    .execute();
  return rows.map(r => [r.seq, r.problem]);
}

describe('office audit entries arriving at an audit reader', () => {
  it('verifies entries in order and keeps them out of the reader’s own chain', async () => {
    const entries = await senderEntries();
    const laptop = await reader();
    const from = entries[0]?.seq ?? 0;
    const own = verifyAuditChain(laptop.vault);
    const result = await applyAuditPulled(laptop.vault.db, PARTITION, [
      change(1, entries.slice(0, 2), from),
      change(2, entries.slice(2), from),
    ]);
    expect(result).toMatchObject({ applied: 2, problems: 0, cursor: 2 });
    expect(await problems(laptop)).toEqual(entries.map(e => [e.seq, null]));
    expect(verifyAuditChain(laptop.vault)).toEqual(own);
  });

  it('flags the entries of changes the server reordered', async () => {
    const entries = await senderEntries();
    const laptop = await reader();
    const from = entries[0]?.seq ?? 0;
    await applyAuditPulled(laptop.vault.db, PARTITION, [
      change(1, entries.slice(2), from),
      change(2, entries.slice(0, 2), from),
    ]);
    const [e1, e2, e3, e4] = entries.map(e => e.seq);
    expect(await problems(laptop)).toEqual([
      [e1, 'seq_gap'],
      [e2, null],
      [e3, 'seq_gap'],
      [e4, null],
    ]);
  });

  it('flags an edited entry and one pushed by another device', async () => {
    const entries = await senderEntries();
    const laptop = await reader();
    const from = entries[0]?.seq ?? 0;
    const [first, second, ...rest] = entries;
    if (!first || !second) throw new Error('no entries');
    const edited = { ...second, changes: '{"notes":{"after":"9","before":"1"}}' };
    await applyAuditPulled(laptop.vault.db, PARTITION, [
      change(1, [first, edited], from),
      change(2, rest, from, 'device-boris'),
    ]);
    expect(await problems(laptop)).toEqual([
      [first.seq, null],
      [second.seq, 'digest_mismatch'],
      ...rest.map(e => [e.seq, 'wrong_device']),
    ]);
  });

  it('records each break once in the reader’s own log: what broke, never the same break twice', async () => {
    const entries = await senderEntries();
    const laptop = await reader();
    const from = entries[0]?.seq ?? 0;
    const [first, second, ...rest] = entries;
    if (!first || !second) throw new Error('no entries');
    const edited = { ...second, changes: '{"notes":{"after":"9","before":"1"}}' };
    const breaks = async () => {
      const rows = await laptop.vault.db
        .selectFrom('audit_log')
        .select(['entity_type', 'entity_id', 'details'])
        .where('action', '=', OFFICE_AUDIT_BROKEN_ACTION)
        .orderBy('seq')
        .execute();
      return rows.map(r => [r.entity_id, JSON.parse(r.details ?? 'null')]);
    };
    await applyAuditPulled(
      laptop.vault.db,
      PARTITION,
      [change(1, [first, edited], from), change(2, rest, from, 'device-boris')],
      null,
      laptop.vault,
    );
    const recorded = [
      [SENDER, { afterSeq: first.seq, edited: 1, missing: 0 }],
      ['device-boris', { afterSeq: 0, edited: rest.length, missing: 0 }],
    ];
    expect(await breaks()).toEqual(recorded);
    // The same entries again (a replay, a change sealed again): nothing new is recorded.
    await applyAuditPulled(
      laptop.vault.db,
      PARTITION,
      [change(3, [first, edited], from)],
      null,
      laptop.vault,
    );
    expect(await breaks()).toEqual(recorded);
    expect(verifyAuditChain(laptop.vault).ok).toBe(true);
  });

  it('counts the entries a gap leaves out, and an entry in a place already taken as edited', async () => {
    const entries = await senderEntries();
    const laptop = await reader();
    const from = entries[0]?.seq ?? 0;
    await applyAuditPulled(
      laptop.vault.db,
      PARTITION,
      [change(1, entries.slice(2), from), change(2, entries.slice(0, 2), from)],
      null,
      laptop.vault,
    );
    const rows = await laptop.vault.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', OFFICE_AUDIT_BROKEN_ACTION)
      .orderBy('seq')
      .execute();
    expect(rows.map(r => JSON.parse(r.details ?? 'null'))).toEqual([
      { afterSeq: 0, edited: 0, missing: 2 },
      { afterSeq: entries[3]?.seq, edited: 1, missing: 0 },
    ]);
  });
});
