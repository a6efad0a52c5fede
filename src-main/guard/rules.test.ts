import { afterEach, describe, expect, it } from 'vitest';
import { addAuditListener, listAudit, type AuditInput } from '../audit';
import type { OpenVault } from '../vault';
import { acknowledgeAlert } from './store';
import { at, guardedVault, scriptDay, testEnv } from './guarded-vault.test-support';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

async function setup() {
  const g = await guardedVault();
  opened.push(g.vault);
  return g;
}

const signIn = (userId: string, deviceId: string): AuditInput => ({
  userId,
  userLogin: `login-of-${userId}`,
  deviceId,
  action: 'auth.sign_in',
  outcome: 'ok',
});
const act = (userId: string, action: string, extra: Partial<AuditInput> = {}): AuditInput => ({
  userId,
  userLogin: `login-of-${userId}`,
  deviceId: `dev-${userId}`,
  action,
  outcome: 'ok',
  ...extra,
});

describe('alert rules on the audit stream', () => {
  it('a day of ordinary office activity raises no alert', async () => {
    const { write, alerts } = await setup();
    const yesterday = scriptDay(0);
    const day = scriptDay(1);
    const staff = ['u-owner', 'u-m1', 'u-m2', 'u-m3', 'u-auditor'];
    // Yesterday: everyone signed in from their own laptop; the evening backup ran and was verified.
    for (const u of staff) write(signIn(u, `dev-${u}`), at(yesterday, '07:00'));
    write(act('u-owner', 'backup.create', { details: { count: 1200 } }), at(yesterday, '15:00'));
    write(act('u-owner', 'backup.verify'), at(yesterday, '15:05'));
    // Today (Kyiv 09:00–18:00 = 07:00–16:00 UTC).
    write(
      {
        deviceId: 'dev-u-m1',
        action: 'auth.sign_in',
        outcome: 'failed',
        details: {
          loginId: 'l-1',
          count: 2,
          firstAt: at(day, '06:58').toISOString(),
          lastAt: at(day, '06:59').toISOString(),
        },
      },
      at(day, '07:00'),
    );
    for (const u of staff) write(signIn(u, `dev-${u}`), at(day, '07:00', 30));
    for (const [i, u] of ['u-m1', 'u-m2', 'u-m3'].entries()) {
      for (let n = 0; n < 30; n += 1) {
        write(
          act(u, 'contacts.create', { entityType: 'contact', entityId: `c-${i}-${n}` }),
          at(day, '08:00', n * 600 + i),
        );
        write(
          act(u, 'contacts.update', {
            entityType: 'contact',
            entityId: `c-${i}-${n}`,
            changes: { notes: { before: null, after: 'x' } },
          }),
          at(day, '08:05', n * 600 + i),
        );
      }
      for (let n = 0; n < 3; n += 1) {
        write(
          act(u, 'contacts.delete', { entityType: 'contact', entityId: `c-${i}-${n}` }),
          at(day, '13:00', n * 60 + i),
        );
      }
      write(act(u, 'contacts.export', { details: { count: 120 } }), at(day, '14:00', i));
    }
    write(act('u-auditor', 'audit.export', { details: { count: 5000 } }), at(day, '12:00'));
    write(
      act('u-auditor', 'audit.verify', { details: { verdict: 'ok', count: 300 } }),
      at(day, '12:01'),
    );
    write(
      act('u-owner', 'users.reset_two_factor', { entityType: 'user', entityId: 'u-m2' }),
      at(day, '12:30'),
    );
    write(act('u-owner', 'backup.create'), at(day, '15:00'));
    write(act('u-owner', 'backup.verify'), at(day, '15:05'));
    for (const u of staff) write(act(u, 'auth.sign_out'), at(day, '15:50'));
    expect(alerts()).toEqual([]);
  });

  it('a sign-in from a device never seen for that user alerts once a day; a first sign-in does not', async () => {
    const { write, alerts, vault } = await setup();
    const day = scriptDay(0);
    write(signIn('u-1', 'dev-a'), at(day, '07:00'));
    write(signIn('u-1', 'dev-a'), at(day, '08:00'));
    write(signIn('u-2', 'dev-c'), at(day, '08:00'));
    expect(alerts()).toEqual([]);
    write(signIn('u-1', 'dev-b'), at(day, '09:00'));
    const [alert] = alerts();
    expect(alert).toMatchObject({
      rule: 'new_device',
      severity: 'medium',
      data: false,
      userId: 'u-1',
      entityId: 'dev-b',
      occurrences: 1,
    });
    // Ids only: the login of the user is nowhere in the alert.
    expect(JSON.stringify(alerts())).not.toContain('login-of-u-1');
    acknowledgeAlert(vault.sqlite, alert?.id ?? '', 'u-owner', at(day, '09:30').toISOString());
    // A second sign-in on dev-b is no longer new; a third device the same day re-opens the day's alert.
    write(signIn('u-1', 'dev-b'), at(day, '10:00'));
    expect(alerts()[0]?.acknowledgedAt).not.toBeNull();
    write(signIn('u-1', 'dev-z'), at(day, '11:00'));
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toMatchObject({ occurrences: 2, acknowledgedAt: null, entityId: 'dev-z' });
  });

  it('sign-ins outside the allowed hours or networks alert', async () => {
    const { write, alerts } = await setup();
    const day = scriptDay(0);
    write(signIn('u-1', 'dev-a'), at(day, '10:00'));
    expect(alerts()).toEqual([]);
    write(signIn('u-1', 'dev-a'), at(day, '20:30')); // 22:30 in Kyiv
    expect(alerts().map(a => a.rule)).toEqual(['off_hours']);
    testEnv.addresses = ['10.8.0.5'];
    write(signIn('u-2', 'dev-x'), at(day, '10:00'));
    expect(
      alerts()
        .map(a => a.rule)
        .sort(),
    ).toEqual(['off_hours', 'off_network']);
  });

  it('5 failed sign-ins for one login within 10 minutes, or 20 across logins, alert', async () => {
    const { write, alerts } = await setup();
    const day = scriptDay(0);
    const failed = (loginId: string, count: number, first: string, last: string, when: string) =>
      write(
        {
          deviceId: 'dev-a',
          action: 'auth.sign_in',
          outcome: 'failed',
          details: {
            loginId,
            count,
            firstAt: at(day, first).toISOString(),
            lastAt: at(day, last).toISOString(),
          },
        },
        at(day, when),
      );
    failed('l-1', 4, '07:00', '07:03', '07:04');
    failed('l-2', 6, '08:00', '11:00', '11:01'); // 6 over 3 hours: at most 1 per window
    expect(alerts()).toEqual([]);
    failed('l-3', 5, '12:00', '12:04', '12:05');
    expect(alerts()).toMatchObject([
      { rule: 'failed_sign_ins', severity: 'high', entityId: 'l-3' },
    ]);
    for (const id of ['l-4', 'l-5', 'l-6']) failed(id, 4, '13:00', '13:05', '13:06');
    expect(alerts().filter(a => a.rule === 'failed_sign_ins_burst')).toEqual([]);
    failed('l-7', 4, '13:01', '13:05', '13:06');
    failed('l-8', 4, '13:02', '13:05', '13:06');
    expect(alerts().filter(a => a.rule === 'failed_sign_ins_burst')).toMatchObject([
      { details: { count: 20 } },
    ]);
  });

  it('mass export: over 200 records in 10 minutes by one user, or any export-all; audit exports do not count', async () => {
    const { write, alerts } = await setup();
    const day = scriptDay(0);
    write(act('u-1', 'contacts.export', { details: { count: 150 } }), at(day, '08:00'));
    write(act('u-2', 'contacts.export', { details: { count: 150 } }), at(day, '08:01'));
    write(act('u-1', 'contacts.export', { details: { count: 150 } }), at(day, '08:30'));
    write(act('u-3', 'audit.export', { details: { count: 9000 } }), at(day, '08:31'));
    expect(alerts()).toEqual([]);
    write(act('u-1', 'contacts.export', { details: { count: 60 } }), at(day, '08:35'));
    expect(alerts()).toMatchObject([
      { rule: 'mass_export', data: true, userId: 'u-1', details: { records: 210 } },
    ]);
    write(act('u-2', 'contacts.export_all', { details: { count: 12 } }), at(day, '09:00'));
    expect(alerts().filter(a => a.userId === 'u-2')).toMatchObject([
      { rule: 'mass_export', details: { all: true } },
    ]);
  });

  it('mass delete: more than 20 client records in 10 minutes; roles and users do not count', async () => {
    const { write, alerts } = await setup();
    const day = scriptDay(0);
    for (let n = 0; n < 25; n += 1)
      write(
        act('u-1', 'roles.delete', { entityType: 'role', entityId: `r-${n}` }),
        at(day, '08:00', n),
      );
    for (let n = 0; n < 20; n += 1)
      write(
        act('u-1', 'contacts.delete', { entityType: 'contact', entityId: `c-${n}` }),
        at(day, '09:00', n * 20),
      );
    expect(alerts().filter(a => a.rule === 'mass_delete')).toEqual([]);
    write(
      act('u-1', 'contacts.delete', { entityType: 'contact', entityId: 'c-20' }),
      at(day, '09:07'),
    );
    expect(alerts().filter(a => a.rule === 'mass_delete')).toMatchObject([
      { data: true, details: { records: 21 } },
    ]);
  });

  it('role and security changes alert; granting owner or administrator alerts high', async () => {
    const { write, alerts } = await setup();
    const day = scriptDay(0);
    write(
      act('u-o', 'users.change_role', { entityType: 'user', entityId: 'u-2' }),
      at(day, '08:00'),
    ); // no change made
    expect(alerts()).toEqual([]);
    write(
      act('u-o', 'users.change_role', {
        entityType: 'user',
        entityId: 'u-2',
        changes: { role: { before: 'manager', after: 'head' } },
      }),
      at(day, '08:01'),
    );
    write(
      act('u-o', 'roles.update', { entityType: 'role', entityId: 'custom-1' }),
      at(day, '08:03'),
    );
    write(
      act('u-o', 'users.change_role', {
        entityType: 'user',
        entityId: 'u-3',
        changes: { role: { before: 'manager', after: 'administrator' } },
      }),
      at(day, '08:05'),
    );
    write(
      act('u-o', 'users.create', {
        entityType: 'user',
        entityId: 'u-4',
        changes: { role: { after: 'owner' } },
      }),
      at(day, '08:07'),
    );
    expect(
      alerts()
        .map(a => [a.rule, a.severity, a.entityId])
        .sort(),
    ).toEqual([
      ['privileged_grant', 'high', 'u-3'],
      ['privileged_grant', 'high', 'u-4'],
      ['security_change', 'medium', 'custom-1'],
      ['security_change', 'medium', 'u-2'],
    ]);
  });

  it('a failed backup, an overdue backup and a broken audit chain alert', async () => {
    const { write, alerts } = await setup();
    const day0 = scriptDay(0);
    write(act('u-o', 'backup.create'), at(day0, '10:00'));
    write(signIn('u-o', 'dev-u-o'), at(day0 + 3 * 86_400_000, '08:00'));
    write(act('u-o', 'audit.verify', { details: { verdict: 'ok', count: 3 } }), at(day0, '10:01'));
    expect(alerts()).toEqual([]);
    write(
      act('u-o', 'backup.create', { outcome: 'failed', details: { error: 'destination_missing' } }),
      at(day0 + 8 * 86_400_000, '07:00'),
    );
    write(signIn('u-o', 'dev-u-o'), at(day0 + 8 * 86_400_000, '08:00'));
    write(
      act('u-o', 'audit.verify', {
        details: { verdict: 'broken', brokenAt: 2, reason: 'hash_mismatch' },
      }),
      at(day0 + 8 * 86_400_000, '09:00'),
    );
    expect(
      alerts()
        .map(a => a.rule)
        .sort(),
    ).toEqual(['audit_chain_broken', 'backup_failed', 'backup_overdue']);
    expect(alerts().find(a => a.rule === 'backup_overdue')?.details.days).toBe(7);
  });

  it('a listener that throws never loses the audit entry', async () => {
    const { vault, write } = await setup();
    const remove = addAuditListener(() => {
      throw new Error('observer bug');
    });
    try {
      write(act('u-1', 'contacts.update'), at(scriptDay(0), '08:00'));
    } finally {
      remove();
    }
    const page = await listAudit(vault.db, { action: 'contacts.update', limit: 5 });
    expect(page.entries).toHaveLength(1);
  });
});
