/**
 * Issue 17: the audit side of an erasure. Version 2 entries hash a salted payload digest, so an
 * erased payload still verifies; version 1 entries (written before migration 0023) keep their
 * stored hash and are reported as erased, not broken — but only when the erasure is recorded. The
 * append-only trigger still refuses every other change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { scrubAudit } from '../privacy/erasure/audit-scrub';
import { canonicalJson, hashRow, type HashedRow } from './canonical';
import { readAuditHead, writeAuditHead } from './head';
import { appendAudit, verifyAuditChain } from './index';

const open: OpenVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});

async function vaultWithEntries(): Promise<OpenVault> {
  const { vault } = await createTestVault();
  open.push(vault);
  return vault;
}

/** Appends a version 1 entry by hand, as the app did before migration 0023. */
function appendV1(vault: OpenVault, changes: Record<string, unknown>): number {
  const head = readAuditHead(vault.sqlite);
  const anchor = head && head !== 'invalid' ? head : { seq: 0, hash: '0'.repeat(64) };
  const row: HashedRow = {
    seq: anchor.seq + 1,
    at: new Date().toISOString(),
    user_id: null,
    user_login: 'olena',
    device_id: null,
    action: 'contacts.update',
    entity_type: 'contact',
    entity_id: 'c-v1',
    outcome: 'ok',
    changes: canonicalJson(changes),
    details: null,
    prev_hash: anchor.hash,
  };
  const hash = hashRow(row);
  vault.sqlite
    .prepare(
      `INSERT INTO audit_log (seq, at, user_id, user_login, device_id, action, entity_type,
         entity_id, outcome, changes, details, prev_hash, hash)
       VALUES (@seq, @at, @user_id, @user_login, @device_id, @action, @entity_type, @entity_id,
         @outcome, @changes, @details, @prev_hash, @hash)`,
    )
    .run({ ...row, hash });
  writeAuditHead(vault.sqlite, { seq: row.seq, hash });
  return row.seq;
}

function scrub(vault: OpenVault, erasureId: string, record: boolean): number {
  return vault.sqlite.transaction(() => {
    if (record) {
      vault.sqlite
        .prepare(
          `INSERT INTO erasures (id, entity_type, entity_id, reason, erased_at)
           VALUES (?, 'contact', 'c-v1', 'request', ?)`,
        )
        .run(erasureId, new Date().toISOString());
    }
    return scrubAudit(vault.sqlite, {
      erasureId,
      pseudonym: 'psn:test',
      entities: [['contact', 'c-v1']],
      needles: [],
    });
  })();
}

describe('erased audit entries', () => {
  it('v1 and v2 entries about a person verify after the scrub, reported as erased', async () => {
    const vault = await vaultWithEntries();
    appendV1(vault, { surname: { before: null, after: 'Канарейченко' } });
    appendAudit(vault, {
      action: 'contacts.update',
      entityType: 'contact',
      entityId: 'c-v1',
      outcome: 'ok',
      changes: { notes: { before: null, after: 'Канарейченко хворіє' } },
    });
    appendAudit(vault, { action: 'auth.sign_out', outcome: 'ok' });
    expect(scrub(vault, 'er-1', true)).toBe(2);
    const result = verifyAuditChain(vault);
    expect(result).toMatchObject({ ok: true, erased: 2 });
    const text = vault.sqlite.prepare('SELECT group_concat(changes) AS t FROM audit_log').get();
    expect(JSON.stringify(text)).not.toContain('Канарейченко');
  });

  it('an erasure mark that names no recorded erasure is tampering', async () => {
    const vault = await vaultWithEntries();
    const seq = appendV1(vault, { surname: { before: null, after: 'Канарейченко' } });
    scrub(vault, 'er-unknown', false);
    expect(verifyAuditChain(vault)).toEqual({ ok: false, brokenAt: seq, reason: 'hash_mismatch' });
  });

  it('outside an erasure the log stays append-only; inside one, hashed columns cannot change', async () => {
    const vault = await vaultWithEntries();
    const entry = appendAudit(vault, { action: 'auth.sign_out', outcome: 'ok' });
    const edit = (sql: string) => () => vault.sqlite.prepare(sql).run(entry.seq);
    expect(edit("UPDATE audit_log SET details = '{}' WHERE seq = ?")).toThrow(/append-only/);
    expect(edit("UPDATE audit_log SET erasure_id = 'x' WHERE seq = ?")).toThrow(/append-only/);
    vault.sqlite.prepare('INSERT INTO audit_erasure_gate (id) VALUES (1)').run();
    expect(edit("UPDATE audit_log SET erasure_id = 'x', action = 'y' WHERE seq = ?")).toThrow(
      /append-only/,
    );
    expect(edit("UPDATE audit_log SET erasure_id = 'x', hash = 'y' WHERE seq = ?")).toThrow(
      /append-only/,
    );
    expect(edit('DELETE FROM audit_log WHERE seq = ?')).toThrow(/append-only/);
  });

  it('a v2 payload edited without an erasure mark is caught', async () => {
    const vault = await vaultWithEntries();
    const entry = appendAudit(vault, {
      action: 'contacts.update',
      entityType: 'contact',
      entityId: 'c-2',
      outcome: 'ok',
      changes: { notes: { before: null, after: 'правда' } },
    });
    vault.sqlite.exec('DROP TRIGGER audit_log_no_update');
    vault.sqlite
      .prepare(
        `UPDATE audit_log SET changes = '{"notes":{"after":"брехня","before":null}}' WHERE seq = ?`,
      )
      .run(entry.seq);
    expect(verifyAuditChain(vault)).toEqual({
      ok: false,
      brokenAt: entry.seq,
      reason: 'hash_mismatch',
    });
  });
});
