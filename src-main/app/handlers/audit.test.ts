/**
 * The owner's audit views through the real router on real vaults (host 'preview', low Argon2id,
 * injected TOTP clock): entries made by audited calls, filters and paging, an entity's history, the
 * chain check, and CSV/JSON export (itself audited).
 */
import { describe, expect, it } from 'vitest';
import type {
  AuditEntryPage,
  AuditExportFile,
  AuditVerifyView,
} from '../../../src-shared/ipc/audit';
import { appendAudit } from '../../audit';
import { call, failure, list, ok, OWNER, ownerSignedIn, today } from './audit.fixture';

describe('audit.list, entityHistory, actions', () => {
  it('shows what audited calls recorded, newest first, filtered in SQL and paged', async () => {
    const { app, setup } = await ownerSignedIn();
    const refused = await failure(
      call(app, 'auth.changePassword', {
        currentPassword: 'not my password',
        newPassword: 'a different long passphrase',
      }),
    );
    expect(refused.code).toBe('auth_failed');

    const all = await list(app, {});
    expect(all.entries.map(e => e.action)).toEqual([
      'auth.change_password',
      'auth.sign_in',
      'auth.sign_out',
      'auth.create_vault',
    ]);
    expect(all.entries[0]).toMatchObject({
      userLogin: OWNER.login,
      outcome: 'failed',
      details: { error: 'auth_failed' },
    });
    // The renderer gets no hashes and no user ids; nobody's password is in the log.
    const json = JSON.stringify(all);
    expect(json).not.toMatch(/hash|userId/);
    expect(json).not.toContain('not my password');
    expect(json).not.toContain(OWNER.password);
    // Reading the log is not itself logged.
    expect((await list(app, {})).entries).toHaveLength(4);

    const signIns = await list(app, { action: 'auth.sign_in' });
    expect(signIns.entries.map(e => e.action)).toEqual(['auth.sign_in']);
    const mine = await list(app, { userId: setup.user.id });
    expect(mine.entries).toHaveLength(4);
    expect((await list(app, { userId: 'someone-else' })).entries).toEqual([]);

    const first = await list(app, { limit: 3 });
    expect(first.entries.map(e => e.seq)).toEqual([4, 3, 2]);
    expect(first.nextBeforeSeq).toBe(2);
    const rest = await list(app, { limit: 3, beforeSeq: first.nextBeforeSeq });
    expect(rest).toEqual({ entries: [all.entries[3]], nextBeforeSeq: null });
  });

  it('filters by entity and time range, and shows one field of a record over time', async () => {
    const { app, vault } = await ownerSignedIn();
    const record = (minute: number, phones: { before: unknown; after: unknown } | null) =>
      appendAudit(
        vault,
        {
          userId: 'u-taras',
          userLogin: 'taras',
          action: 'contacts.update',
          entityType: 'contact',
          entityId: 'c-7',
          outcome: 'ok',
          changes: phones ? { phones } : { name: { before: 'A', after: 'B' } },
        },
        new Date(Date.parse('2025-05-10T10:00:00.000Z') + minute * 60_000),
      );
    const a = record(0, { before: [], after: ['+380441111111'] });
    record(1, null);
    const c = record(60 * 24, { before: ['+380441111111'], after: ['+380442222222'] });

    const entity = await list(app, { entityType: 'contact', entityId: 'c-7' });
    expect(entity.entries.map(e => e.seq)).toEqual([c.seq, c.seq - 1, a.seq]);
    const firstDay = await list(app, {
      from: '2025-05-10T00:00:00+03:00',
      to: '2025-05-11T00:00:00Z',
    });
    expect(firstDay.entries.map(e => e.seq)).toEqual([c.seq - 1, a.seq]);

    const phones = await ok<AuditEntryPage>(
      call(app, 'audit.entityHistory', {
        entityType: 'contact',
        entityId: 'c-7',
        field: 'phones',
        limit: 10,
      }),
    );
    expect(phones.entries.map(e => [e.userLogin, e.at, e.changes?.phones])).toEqual([
      [
        'taras',
        '2025-05-11T10:00:00.000Z',
        { before: ['+380441111111'], after: ['+380442222222'] },
      ],
      ['taras', '2025-05-10T10:00:00.000Z', { before: [], after: ['+380441111111'] }],
    ]);

    expect(await ok(call(app, 'audit.actions', {}))).toEqual({
      actions: ['auth.create_vault', 'auth.sign_in', 'auth.sign_out', 'contacts.update'],
    });
  });

  it('refuses bad filters before reading anything', async () => {
    const { app } = await ownerSignedIn();
    for (const input of [
      { limit: 501 },
      { limit: 0 },
      { limit: 10, from: '2026-11-29' },
      { limit: 10, from: '2026-11-30T00:00:00Z', to: '2026-11-29T00:00:00Z' },
      { limit: 10, action: "auth.sign_in' OR 1=1" },
      { limit: 10, entityType: 'Contact' },
    ]) {
      expect((await failure(call(app, 'audit.list', input))).code).toBe('invalid_input');
    }
  });
});

describe('audit.verify', () => {
  it('reports OK with the count and head, and the check itself is recorded', async () => {
    const { app } = await ownerSignedIn();
    const verdict = await ok<AuditVerifyView>(call(app, 'audit.verify', {}));
    expect(verdict).toMatchObject({ ok: true, count: 3, head: { seq: 3 } });
    const [newest] = (await list(app, { limit: 1 })).entries;
    expect(newest).toMatchObject({
      seq: 4,
      action: 'audit.verify',
      outcome: 'ok',
      userLogin: OWNER.login,
      details: { verdict: 'ok', count: 3, headSeq: 3 },
    });
  });

  it('names the first broken entry after a row was edited behind the app', async () => {
    const { app, vault } = await ownerSignedIn();
    vault.sqlite.exec('DROP TRIGGER audit_log_no_update');
    vault.sqlite.exec(`UPDATE audit_log SET user_login = 'someone' WHERE seq = 2`);
    const verdict = await ok<AuditVerifyView>(call(app, 'audit.verify', {}));
    expect(verdict).toEqual({ ok: false, brokenAt: 2, reason: 'hash_mismatch' });
    const [newest] = (await list(app, { limit: 1 })).entries;
    expect(newest?.details).toEqual({ verdict: 'broken', brokenAt: 2, reason: 'hash_mismatch' });
  });
});

describe('audit.export', () => {
  it('exports CSV with a BOM and escaped formula cells, and records the export', async () => {
    const { app, vault } = await ownerSignedIn();
    appendAudit(vault, {
      userLogin: '=cmd|"/c calc"!A1',
      action: 'auth.sign_in',
      outcome: 'failed',
      details: { note: 'Петренко, "Іван"' },
    });
    const range = today();
    const file = await ok<AuditExportFile>(call(app, 'audit.export', { ...range, format: 'csv' }));
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toMatch(/^zamok-audit-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.count).toBe(4);
    expect(file.content.startsWith('\uFEFFseq,at,userLogin,')).toBe(true);
    const lines = file.content.slice(1).split('\r\n');
    expect(lines).toHaveLength(6); // header, 4 rows, '' after the last CRLF
    expect(lines[4]).toContain(`'=cmd|""/c calc""!A1`);
    expect(lines[4]).toContain('Петренко, \\""Іван\\""');
    expect(file.content).not.toMatch(/(^|,)=cmd/m);
    expect(file.content).not.toContain(OWNER.password);

    const [newest] = (await list(app, { limit: 1 })).entries;
    expect(newest).toMatchObject({
      action: 'audit.export',
      outcome: 'ok',
      userLogin: OWNER.login,
      details: { ...range, format: 'csv', count: 4 },
    });
  });

  it('exports JSON that parses, with ; not allowed to change anything but CSV', async () => {
    const { app } = await ownerSignedIn();
    const file = await ok<AuditExportFile>(
      call(app, 'audit.export', { ...today(), format: 'json', delimiter: ';' }),
    );
    const parsed = JSON.parse(file.content) as { count: number; entries: { action: string }[] };
    expect(parsed.count).toBe(3);
    expect(parsed.entries.map(e => e.action)).toEqual([
      'auth.create_vault',
      'auth.sign_out',
      'auth.sign_in',
    ]);
  });

  it('refuses a reversed range or an unknown format', async () => {
    const { app } = await ownerSignedIn();
    const { from, to } = today();
    for (const input of [
      { from: to, to: from, format: 'csv' },
      { from, to, format: 'xlsx' },
      { from, to, format: 'csv', delimiter: '\t' },
    ]) {
      expect((await failure(call(app, 'audit.export', input))).code).toBe('invalid_input');
    }
  });
});
