import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import {
  addAuditListener,
  appendAudit,
  AuditInputError,
  diffFields,
  GENESIS_HASH,
  listAudit,
  readAuditHead,
  REDACTED,
  verifyAuditChain,
  type AuditInput,
} from './index';

let vault: OpenVault;
let dir: string;

beforeEach(async () => {
  const created = await createTestVault();
  vault = created.vault;
  dir = created.dir;
});

afterEach(() => {
  vault.close();
  rmSync(dirname(dir), { recursive: true, force: true });
});

const T0 = Date.parse('2026-11-29T08:00:00.000Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

function rowCount(): number {
  return vault.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
}

describe('appendAudit + verifyAuditChain', () => {
  it('chains entries from the genesis hash and verifies OK with the head anchor', () => {
    const first = appendAudit(
      vault,
      { userLogin: 'owner', action: 'auth.sign_in', outcome: 'ok', deviceId: 'dev-1' },
      at(0),
    );
    const second = appendAudit(
      vault.sqlite,
      {
        userId: 'u1',
        action: 'contacts.update',
        entityType: 'contacts',
        entityId: 'c1',
        outcome: 'ok',
        changes: { phone: { before: '+380 44 000 0000', after: '+380 44 111 1111' } },
      },
      at(1),
    );
    expect(first).toMatchObject({ seq: 1, at: '2026-11-29T08:00:00.000Z', prevHash: GENESIS_HASH });
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(readAuditHead(vault.sqlite)).toEqual({ seq: 2, hash: second.hash });
    expect(verifyAuditChain(vault)).toEqual({
      ok: true,
      count: 2,
      head: { seq: 2, hash: second.hash },
    });
  });

  it('an empty log verifies OK with the genesis head', () => {
    expect(verifyAuditChain(vault)).toEqual({
      ok: true,
      count: 0,
      head: { seq: 0, hash: GENESIS_HASH },
    });
  });

  it('joins the caller transaction: a rolled-back data change leaves no entry and no head', () => {
    const change = vault.sqlite.transaction(() => {
      vault.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('locale', 'uk')").run();
      appendAudit(vault, { userId: 'u1', action: 'settings.update', outcome: 'ok' });
      throw new Error('handler failed after writing');
    });
    expect(() => change()).toThrow('handler failed');
    expect(rowCount()).toBe(0);
    expect(readAuditHead(vault.sqlite)).toBeNull();
    expect(vault.sqlite.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    appendAudit(vault, { userId: 'u1', action: 'settings.update', outcome: 'ok' });
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: 1 });
  });

  it('bad input throws AuditInputError and writes nothing', () => {
    appendAudit(vault, { action: 'auth.sign_in', outcome: 'ok' });
    const bad: unknown[] = [
      { action: 'Sign In', outcome: 'ok' },
      { action: 'auth.sign_in', outcome: 'maybe' },
      { action: 'auth.sign_in', outcome: 'ok', password: 'hunter2' },
      { action: 'auth.sign_in', outcome: 'ok', userId: 'x'.repeat(500) },
      { action: 'contacts.update', outcome: 'ok', changes: { name: 'Olena' } },
      { action: 'contacts.update', outcome: 'ok', details: { when: new Map() } },
    ];
    for (const input of bad) {
      expect(() => appendAudit(vault, input as AuditInput)).toThrow(AuditInputError);
    }
    expect(() =>
      appendAudit(vault, { action: 'auth.sign_in', outcome: 'ok' }, new Date('nope')),
    ).toThrow(AuditInputError);
    expect(rowCount()).toBe(1);
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: 1 });
  });
});

describe('a long log', () => {
  it('verifies 3,000 entries and still finds one edited deep inside', () => {
    vault.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) {
        appendAudit(
          vault,
          { userId: `u${i % 7}`, action: 'contacts.update', entityId: `c${i}`, outcome: 'ok' },
          at(i),
        );
      }
    })();
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: 3000, head: { seq: 3000 } });
    vault.sqlite.exec('DROP TRIGGER audit_log_no_update');
    vault.sqlite.prepare("UPDATE audit_log SET user_id = 'u0' WHERE seq = 2345").run();
    expect(verifyAuditChain(vault)).toEqual({ ok: false, brokenAt: 2345, reason: 'hash_mismatch' });
  });
});

describe('listeners', () => {
  it('see only the entries their filter accepts, and their writes commit with the entry', () => {
    vault.sqlite.exec('CREATE TABLE seen (seq INTEGER)');
    const note = vault.sqlite.prepare('INSERT INTO seen (seq) VALUES (?)');
    const seen: string[] = [];
    const remove = addAuditListener(
      (entry, sqlite) => {
        seen.push(entry.action);
        expect(sqlite.inTransaction).toBe(true);
        note.run(entry.seq);
      },
      entry => entry.action.startsWith('auth.'),
    );
    try {
      appendAudit(vault, { action: 'contacts.update', outcome: 'ok' });
      appendAudit(vault, { action: 'auth.sign_in', outcome: 'ok' });
      appendAudit(vault, { action: 'contacts.delete', outcome: 'ok' });
    } finally {
      remove();
    }
    appendAudit(vault, { action: 'auth.sign_out', outcome: 'ok' });
    expect(seen).toEqual(['auth.sign_in']);
    expect(vault.sqlite.prepare('SELECT seq FROM seen').pluck().all()).toEqual([2]);
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: 4 });
  });

  it('a filter that throws skips its listener and never loses the entry', () => {
    let called = false;
    const remove = addAuditListener(
      () => {
        called = true;
      },
      () => {
        throw new Error('filter bug');
      },
    );
    try {
      appendAudit(vault, { action: 'contacts.update', outcome: 'ok' });
    } finally {
      remove();
    }
    expect(called).toBe(false);
    expect(rowCount()).toBe(1);
  });
});

describe('append-only triggers', () => {
  it('UPDATE and DELETE on audit_log are refused and change nothing', () => {
    const entry = appendAudit(vault, { action: 'auth.sign_in', outcome: 'failed' });
    expect(() =>
      vault.sqlite.prepare("UPDATE audit_log SET outcome = 'ok' WHERE seq = 1").run(),
    ).toThrow('audit_log is append-only');
    expect(() => vault.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(
      'audit_log is append-only',
    );
    const row = vault.sqlite.prepare('SELECT outcome, hash FROM audit_log').get();
    expect(row).toEqual({ outcome: 'failed', hash: entry.hash });
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: 1 });
  });
});

describe('redaction, read back through the API', () => {
  it('never stores a password, TOTP secret, token or recovery code, only that they changed', async () => {
    const secrets = ['hunter2-Pa55', 'JBSWY3DPEHPK3PXP', 'tok_live_abc123', 'RC-1111-2222'];
    appendAudit(vault, {
      userId: 'u1',
      action: 'users.update',
      entityType: 'users',
      entityId: 'u2',
      outcome: 'ok',
      changes: {
        password: { before: 'old-secret-pw', after: secrets[0] },
        totp_secret: { before: secrets[1], after: null },
        display_name: { before: 'Olena', after: 'Olena K.' },
        prefs: { before: { theme: 'light' }, after: { theme: 'dark', apiToken: secrets[2] } },
      },
      details: {
        recoveryCodes: [secrets[3]],
        reason: 'reset by owner',
        nested: { smtpPassword: 'x1' },
      },
    });
    appendAudit(vault, {
      action: 'users.update',
      entityType: 'users',
      entityId: 'u3',
      outcome: 'ok',
      changes: diffFields(
        { login: 'ivan', passwordHash: 'argon2id$old', totpSecret: null },
        { login: 'ivan', passwordHash: 'argon2id$new', totpSecret: 'KZXW6YTB' },
        { entityType: 'users' },
      ),
    });

    const page = await listAudit(vault.db, { limit: 10 });
    const text = JSON.stringify(page);
    for (const secret of [
      ...secrets,
      'old-secret-pw',
      'x1',
      'argon2id$old',
      'argon2id$new',
      'KZXW6YTB',
    ]) {
      expect(text).not.toContain(secret);
    }
    const [second, first] = page.entries;
    expect(first?.changes).toEqual({
      password: { before: REDACTED, after: REDACTED },
      totp_secret: { before: REDACTED, after: null },
      display_name: { before: 'Olena', after: 'Olena K.' },
      prefs: { before: { theme: 'light' }, after: { theme: 'dark', apiToken: REDACTED } },
    });
    expect(first?.details).toEqual({
      recoveryCodes: REDACTED,
      reason: 'reset by owner',
      nested: { smtpPassword: REDACTED },
    });
    // Only changed fields; a secret that changed shows as changed, one that was set shows set.
    expect(second?.changes).toEqual({
      passwordHash: { before: REDACTED, after: REDACTED },
      totpSecret: { before: null, after: REDACTED },
    });
    // The raw stored text (what sqlcipher would show with the key) holds no secret either.
    const raw = vault.sqlite.prepare('SELECT changes || details FROM audit_log').pluck().all();
    expect(JSON.stringify(raw)).not.toContain('hunter2');
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: 2 });
  });
});

describe('listAudit', () => {
  beforeEach(() => {
    const inputs: AuditInput[] = [
      { userId: 'u1', action: 'auth.sign_in', outcome: 'ok' },
      { userId: 'u2', action: 'auth.sign_in', outcome: 'failed', userLogin: 'ivan' },
      {
        userId: 'u1',
        action: 'contacts.update',
        entityType: 'contacts',
        entityId: 'c1',
        outcome: 'ok',
      },
      {
        userId: 'u2',
        action: 'contacts.read',
        entityType: 'contacts',
        entityId: 'c1',
        outcome: 'denied',
      },
      {
        userId: 'u1',
        action: 'contacts.update',
        entityType: 'contacts',
        entityId: 'c2',
        outcome: 'ok',
      },
      { userId: 'u1', action: 'settings.update', outcome: 'ok' },
    ];
    inputs.forEach((input, i) => appendAudit(vault, input, at(i * 10)));
  });

  it('filters by user, action, entity and time, newest first', async () => {
    const seqs = async (filter: Parameters<typeof listAudit>[1]) =>
      (await listAudit(vault.db, filter)).entries.map(e => e.seq);
    expect(await seqs({ limit: 50 })).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await seqs({ userId: 'u2', limit: 50 })).toEqual([4, 2]);
    expect(await seqs({ action: 'contacts.update', limit: 50 })).toEqual([5, 3]);
    expect(await seqs({ entityType: 'contacts', entityId: 'c1', limit: 50 })).toEqual([4, 3]);
    expect(await seqs({ from: at(10), to: at(30).toISOString(), limit: 50 })).toEqual([3, 2]);
    const denied = await listAudit(vault.db, { userId: 'u2', action: 'contacts.read', limit: 5 });
    expect(denied.entries[0]).toMatchObject({ outcome: 'denied', entityId: 'c1' });
  });

  it('pages with beforeSeq until nextBeforeSeq is null', async () => {
    const first = await listAudit(vault.db, { limit: 4 });
    expect(first.entries.map(e => e.seq)).toEqual([6, 5, 4, 3]);
    expect(first.nextBeforeSeq).toBe(3);
    const second = await listAudit(vault.db, { limit: 4, beforeSeq: 3 });
    expect(second.entries.map(e => e.seq)).toEqual([2, 1]);
    expect(second.nextBeforeSeq).toBeNull();
  });

  it('rejects a bad filter with AuditInputError', async () => {
    await expect(listAudit(vault.db, { limit: 0 })).rejects.toThrow(AuditInputError);
    await expect(listAudit(vault.db, { limit: 10_000 })).rejects.toThrow(AuditInputError);
    await expect(listAudit(vault.db, { limit: 5, from: 'yesterday-ish' })).rejects.toThrow(
      AuditInputError,
    );
  });
});
