/**
 * An erasure on an audit reader's laptop reaches the other laptops' entries it holds: the person's
 * values and name leave `office_audit` exactly as they leave the laptop's own log, and each
 * device's segment still verifies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit';
import { scrubAudit } from '../privacy/erasure/audit-scrub';
import type { OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { checkOfficeAudit } from './audit-check';

const opened: OpenVault[] = [];
afterAll(() => opened.splice(0).forEach(vault => vault.close()));

describe('erasure and the office audit entries', () => {
  it("scrubs the person from other laptops' entries and keeps their chain verifiable", async () => {
    const sender = (await createTestVault()).vault;
    const reader = (await createTestVault()).vault;
    opened.push(sender, reader);
    const base = { userId: 'u-anna', userLogin: 'anna', outcome: 'ok' as const };
    appendAudit(sender, {
      ...base,
      action: 'contacts.update',
      entityType: 'contact',
      entityId: 'c-1',
      changes: { surname: { before: 'Шевчук', after: 'Шевченко' } },
    });
    appendAudit(sender, {
      ...base,
      action: 'contacts.search',
      details: { query: 'Шевчук' },
    });
    appendAudit(sender, {
      ...base,
      action: 'contacts.update',
      entityType: 'contact',
      entityId: 'c-2',
      changes: { surname: { before: 'Коваль', after: 'Ковальчук' } },
    });
    const rows = await sender.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    for (const { device_id: local, ...row } of rows) {
      await reader.db
        .insertInto('office_audit')
        .values({
          ...row,
          device_id: 'device-anna',
          local_device_id: local,
          partition_seq: 1,
          problem: null,
          received_at: new Date().toISOString(),
        })
        .execute();
    }
    expect(await checkOfficeAudit(reader.db)).toEqual([
      { deviceId: 'device-anna', entries: rows.length, problems: 0, reason: null },
    ]);

    scrubAudit(reader.sqlite, {
      erasureId: 'er-1',
      pseudonym: 'psn:0123',
      entities: [['contact', 'c-1']],
      needles: ['Шевчук'],
    });

    const after = await reader.db.selectFrom('office_audit').selectAll().orderBy('seq').execute();
    const text = JSON.stringify(after);
    expect(text).not.toContain('Шевчук');
    expect(text).not.toContain('Шевченко');
    expect(text).toContain('Ковальчук'); // another person's entry is untouched
    const erased = after.filter(r => r.erasure_id === 'er-1');
    expect(erased).toHaveLength(2);
    expect(
      erased.every(r => r.payload_salt === null && r.details === '{"erased":"psn:0123"}'),
    ).toBe(true);
    expect(erased.find(r => r.entity_id === 'c-1')?.changes).toBe(
      '{"surname":{"after":"[erased]","before":"[erased]"}}',
    );
    expect(await checkOfficeAudit(reader.db)).toEqual([
      { deviceId: 'device-anna', entries: rows.length, problems: 0, reason: null },
    ]);
  });
});
