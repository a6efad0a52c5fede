/**
 * Who may see the audit log: administrator and manager sessions are refused on every audit channel
 * (and their attempts at audited ones are recorded), an auditor may read and export, a locked or
 * vault-less session gets 'unauthenticated', and an export over the row cap is refused with its count.
 */
import { describe, expect, it } from 'vitest';
import type { AuditExportFile, AuditVerifyView } from '../../../src-shared/ipc/audit';
import { auditContract } from '../../../src-shared/ipc/audit';
import { appendAudit } from '../../audit';
import { generateTotp } from '../../auth/totp';
import { createRouter } from '../../ipc';
import { ownerSession } from '../../ipc/router.test-support';
import { createTestVault } from '../../vault/temp-vault.test-support';
import { auditHandlers } from './audit';
import {
  addStaff,
  call,
  failure,
  list,
  ok,
  openApp,
  ownerSignedIn,
  STAFF_PASSWORD,
  START,
  today,
  vaults,
} from './audit.fixture';

describe('who may see the audit log', () => {
  it('refuses an administrator and a manager on every audit channel, and records their attempts', async () => {
    const { app, dir, clock, vault } = await ownerSignedIn();
    const staff = [
      await addStaff(vault, 'admin-ivan', 'administrator', clock.now()),
      await addStaff(vault, 'manager-oksana', 'manager', clock.now()),
    ];
    for (const person of staff) {
      const second = openApp(dir, clock.now);
      await ok(
        call(second, 'auth.signIn', {
          login: person.login,
          password: STAFF_PASSWORD,
          totpCode: generateTotp(person.secret, clock.now()),
        }),
      );
      const { from, to } = today();
      for (const [channel, input] of [
        ['audit.list', { limit: 10 }],
        ['audit.entityHistory', { entityType: 'contact', entityId: 'c-1', limit: 10 }],
        ['audit.actions', {}],
        ['audit.verify', {}],
        ['audit.export', { from, to, format: 'csv' }],
      ] as const) {
        const error = await failure(call(second, channel, input));
        expect(error.code, `${person.login} ${channel}`).toBe('forbidden');
      }
    }
    const denied = (await list(app, { limit: 20 })).entries.filter(e => e.outcome === 'denied');
    // Every refused call is a recorded denial, reads included (newest first).
    const calls = ['export', 'verify', 'actions', 'entity_history', 'list'];
    expect(denied.map(e => `${e.userLogin} ${e.action}`)).toEqual([
      ...calls.map(c => `manager-oksana audit.${c}`),
      ...calls.map(c => `admin-ivan audit.${c}`),
    ]);
  });

  it('lets an auditor read and export, and refuses every call once the session is locked', async () => {
    const { app, dir, clock, vault } = await ownerSignedIn();
    const auditor = await addStaff(vault, 'auditor-marta', 'auditor', clock.now());
    const second = openApp(dir, clock.now);
    await ok(
      call(second, 'auth.signIn', {
        login: auditor.login,
        password: STAFF_PASSWORD,
        totpCode: generateTotp(auditor.secret, clock.now()),
      }),
    );
    expect((await list(second, { action: 'auth.sign_in' })).entries[0]?.userLogin).toBe(
      auditor.login,
    );
    const file = await ok<AuditExportFile>(
      call(second, 'audit.export', { ...today(), format: 'json' }),
    );
    expect(file.count).toBeGreaterThan(0);
    expect((await ok<AuditVerifyView>(call(second, 'audit.verify', {}))).ok).toBe(true);

    await ok(call(app, 'auth.lock', {}));
    expect((await failure(call(app, 'audit.list', { limit: 10 }))).code).toBe('unauthenticated');
    expect((await failure(call(app, 'audit.export', { ...today(), format: 'csv' }))).code).toBe(
      'unauthenticated',
    );
  });

  it('refuses an export over the row cap with its count, and a session whose vault is gone', async () => {
    const created = await createTestVault();
    vaults.push(created.vault);
    for (let i = 0; i < 3; i += 1) {
      appendAudit(created.vault, { action: 'auth.sign_in', outcome: 'ok' }, new Date(START + i));
    }
    const router = createRouter({
      contract: { audit: auditContract },
      handlers: { audit: auditHandlers({ openVault: () => created.vault, exportMaxRows: 2 }) },
      sessions: { current: () => ownerSession },
    });
    const range = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z', format: 'json' };
    const result = await router.call('zamok:audit.export', range, { host: 'cli' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { count: 3, maxRows: 2 } },
    });
    // A session whose vault is gone (locked in between) gets 'unauthenticated', not a crash.
    const closed = createRouter({
      contract: { audit: auditContract },
      handlers: { audit: auditHandlers({ openVault: () => null }) },
      sessions: { current: () => ownerSession },
    });
    for (const channel of ['list', 'actions', 'verify']) {
      const answer = await closed.call(
        `zamok:audit.${channel}`,
        channel === 'list' ? { limit: 5 } : {},
        {
          host: 'cli',
        },
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
  });
});
