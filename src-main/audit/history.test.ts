/**
 * "Who changed this phone number and when": one record's history on a real vault, with the field
 * filter and paging done in SQL, and the entry shape the renderer receives.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { entityHistory, listAuditActions, toEntryView } from './history';
import { appendAudit, AuditInputError, listAudit, verifyAuditChain } from './index';

let vault: OpenVault;
let dir: string;

const T0 = Date.parse('2026-11-29T08:00:00.000Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

function change(
  entityId: string,
  changes: Record<string, { before: unknown; after: unknown }>,
  login: string,
  minute: number,
): void {
  appendAudit(
    vault,
    {
      userId: `u-${login}`,
      userLogin: login,
      action: 'contacts.update',
      entityType: 'contact',
      entityId,
      outcome: 'ok',
      changes,
    },
    at(minute),
  );
}

beforeEach(async () => {
  const created = await createTestVault();
  vault = created.vault;
  dir = created.dir;
  appendAudit(vault, { userLogin: 'olena', action: 'auth.sign_in', outcome: 'ok' }, at(0)); // 1
  appendAudit(
    vault,
    {
      userLogin: 'olena',
      action: 'contacts.create',
      entityType: 'contact',
      entityId: 'c-1',
      outcome: 'ok',
    },
    at(1),
  ); // 2
  change('c-1', { phones: { before: ['+380441111111'], after: ['+380442222222'] } }, 'taras', 2); // 3
  change('c-2', { phones: { before: null, after: ['+380443333333'] } }, 'taras', 3); // 4
  change('c-1', { name: { before: 'Іван', after: 'Іван Петренко' } }, 'iryna', 4); // 5
  change('c-1', { phones: { before: ['+380442222222'], after: [] } }, 'iryna', 5); // 6
  appendAudit(
    vault,
    { userLogin: 'olena', action: 'contacts.export', outcome: 'denied', details: { n: 1 } },
    at(6),
  ); // 7
});

afterEach(() => {
  vault.close();
  rmSync(dirname(dir), { recursive: true, force: true });
});

describe('entityHistory', () => {
  it("lists one record's entries newest first, and no other record's", async () => {
    const page = await entityHistory(vault.db, {
      entityType: 'contact',
      entityId: 'c-1',
      limit: 50,
    });
    expect(page.entries.map(e => e.seq)).toEqual([6, 5, 3, 2]);
    expect(page.nextBeforeSeq).toBeNull();
  });

  it('answers "who changed this phone number and when" with the field filter', async () => {
    const page = await entityHistory(vault.db, {
      entityType: 'contact',
      entityId: 'c-1',
      field: 'phones',
      limit: 50,
    });
    expect(
      page.entries.map(e => ({
        seq: e.seq,
        who: e.userLogin,
        at: e.at,
        phones: e.changes?.phones,
      })),
    ).toEqual([
      {
        seq: 6,
        who: 'iryna',
        at: '2026-11-29T08:05:00.000Z',
        phones: { before: ['+380442222222'], after: [] },
      },
      {
        seq: 3,
        who: 'taras',
        at: '2026-11-29T08:02:00.000Z',
        phones: { before: ['+380441111111'], after: ['+380442222222'] },
      },
    ]);
  });

  it('pages with beforeSeq until nextBeforeSeq is null', async () => {
    const filter = { entityType: 'contact', entityId: 'c-1', limit: 2 };
    const first = await entityHistory(vault.db, filter);
    expect(first.entries.map(e => e.seq)).toEqual([6, 5]);
    expect(first.nextBeforeSeq).toBe(5);
    const second = await entityHistory(vault.db, { ...filter, beforeSeq: 5 });
    expect(second.entries.map(e => e.seq)).toEqual([3, 2]);
    const third = await entityHistory(vault.db, {
      ...filter,
      beforeSeq: second.nextBeforeSeq ?? 0,
    });
    expect(third).toEqual({ entries: [], nextBeforeSeq: null });
  });

  it('treats a field name as data, not as SQL or a JSON path', async () => {
    for (const field of ["phones' OR 1=1 --", '$.phones', 'phones"', '*']) {
      const page = await entityHistory(vault.db, {
        entityType: 'contact',
        entityId: 'c-1',
        field,
        limit: 50,
      });
      expect(page.entries).toEqual([]);
    }
  });

  it('still answers when an entry was garbled outside the app (verify names it)', async () => {
    // What an attacker with the raw key could do; here on the test's own connection.
    vault.sqlite.exec('DROP TRIGGER audit_log_no_update');
    vault.sqlite.exec(`UPDATE audit_log SET changes = '{not json' WHERE seq = 3`);
    const page = await entityHistory(vault.db, {
      entityType: 'contact',
      entityId: 'c-1',
      field: 'phones',
      limit: 50,
    });
    expect(page.entries.map(e => e.seq)).toEqual([6]);
    expect(verifyAuditChain(vault)).toEqual({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('refuses bad filters with AuditInputError', async () => {
    await expect(
      entityHistory(vault.db, { entityType: 'contact', entityId: '', limit: 10 }),
    ).rejects.toThrow(AuditInputError);
    await expect(
      entityHistory(vault.db, { entityType: 'contact', entityId: 'c-1', limit: 501 }),
    ).rejects.toThrow(AuditInputError);
  });
});

describe('listAuditActions', () => {
  it('lists each action once, sorted', async () => {
    expect(await listAuditActions(vault.db)).toEqual([
      'auth.sign_in',
      'contacts.create',
      'contacts.export',
      'contacts.update',
    ]);
  });
});

describe('toEntryView', () => {
  it('gives the renderer the entry without the user id and the hashes', async () => {
    const { entries } = await listAudit(vault.db, { limit: 1 });
    const entry = entries[0];
    if (!entry) throw new Error('no entry');
    const view = toEntryView(entry);
    expect(view).toEqual({
      seq: 7,
      at: '2026-11-29T08:06:00.000Z',
      userLogin: 'olena',
      deviceId: null,
      action: 'contacts.export',
      entityType: null,
      entityId: null,
      outcome: 'denied',
      changes: null,
      details: { n: 1 },
    });
    expect(JSON.stringify(view)).not.toContain(entry.hash);
  });
});
