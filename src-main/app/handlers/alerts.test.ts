import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertList, AlertSettings, AlertView } from '../../../src-shared/ipc/alerts';
import type { AuditEntryPage } from '../../../src-shared/ipc/audit';
import { appendAudit } from '../../audit';
import { generateTotp } from '../../auth/totp';
import { CLEAN_CLOSE_FILE } from '../../guard/vault-files';
import {
  addEnrolledUser,
  failure,
  ok,
  OWNER,
  ownerVault,
  testClock,
  type StaffApp,
} from '../../users/staff-app.test-support';

const apps: StaffApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.app.dispose();
});

async function office() {
  const clock = testClock();
  const v = await ownerVault(clock);
  apps.push(v.staff);
  return { clock, ...v };
}

describe('alert centre channels', () => {
  it('the owner sees every alert; the administrator only non-data ones; acknowledging is audited', async () => {
    const { clock, dir, staff } = await office();
    const admin = await addEnrolledUser(staff, dir, clock, 'ivan', 'administrator');
    const manager = await addEnrolledUser(staff, dir, clock, 'petro', 'manager');
    apps.push(admin.other, manager.other);
    // A mass export by the manager (the export channel is another feature's: written as it would be).
    const vault = staff.app.state.vault;
    if (!vault) throw new Error('owner vault closed');
    appendAudit(vault, {
      userId: manager.user.id,
      userLogin: 'petro',
      action: 'contacts.export_all',
      outcome: 'ok',
      details: { count: 40 },
    });

    const owners = await ok<AlertList>(staff.call('alerts.list', {}));
    expect(owners.items.map(a => a.rule).sort()).toEqual(['mass_export', 'privileged_grant']);
    expect(owners.unread).toBe(2);
    expect(owners.securityCheckDue).toBe(true);
    const grant = owners.items.find(a => a.rule === 'privileged_grant') as AlertView;
    expect(grant).toMatchObject({ entityId: admin.user.id, details: { role: 'administrator' } });
    // Ids only: neither login nor display name of anyone is in an alert.
    expect(JSON.stringify(owners)).not.toMatch(/ivan|petro|Olena/);

    const admins = await ok<AlertList>(admin.other.call('alerts.list', {}));
    expect(admins.items.map(a => a.rule)).toEqual(['privileged_grant']);
    expect(admins.unread).toBe(1);
    const exportAlert = owners.items.find(a => a.rule === 'mass_export') as AlertView;
    const hidden = await failure(admin.other.call('alerts.acknowledge', { id: exportAlert.id }));
    expect(hidden.code).toBe('not_found');

    const acked = await ok<AlertView>(admin.other.call('alerts.acknowledge', { id: grant.id }));
    expect(acked).toMatchObject({ acknowledgedBy: admin.user.id });
    expect((await ok<AlertList>(admin.other.call('alerts.list', {}))).unread).toBe(0);
    expect(
      (await ok<AlertList>(staff.call('alerts.list', { unreadOnly: true }))).items,
    ).toHaveLength(1);

    expect((await failure(manager.other.call('alerts.list', {}))).code).toBe('forbidden');
    const log = await ok<AuditEntryPage>(
      staff.call('audit.list', { action: 'alerts.acknowledge', limit: 10 }),
    );
    // Newest first: the acknowledgement, and before it the refused attempt on the hidden alert.
    expect(log.entries.map(e => [e.outcome, e.userLogin, e.entityId])).toEqual([
      ['ok', 'ivan', grant.id],
      ['failed', 'ivan', exportAlert.id],
    ]);
  });

  it('vault files changed while the app was closed raise an alert at the next sign-in', async () => {
    const { clock, dir, staff, ownerSecret } = await office();
    const signIn = () => {
      clock.advance(30);
      return ok(
        staff.call('auth.signIn', {
          login: OWNER.login,
          password: OWNER.password,
          totpCode: generateTotp(ownerSecret, clock.now()),
        }),
      );
    };
    const fileAlerts = async () =>
      (await ok<AlertList>(staff.call('alerts.list', {}))).items.filter(
        a => a.rule === 'vault_files_changed',
      );

    await ok(staff.call('auth.lock', {}));
    expect(existsSync(join(dir, CLEAN_CLOSE_FILE))).toBe(true);
    await signIn();
    expect(existsSync(join(dir, CLEAN_CLOSE_FILE))).toBe(false);
    expect(await fileAlerts()).toEqual([]);

    // Another program rewrites keyring.json while Zamok is locked (same content, new bytes).
    await ok(staff.call('auth.lock', {}));
    const keyring = join(dir, 'keyring.json');
    writeFileSync(keyring, JSON.stringify(JSON.parse(readFileSync(keyring, 'utf8')), null, 2));
    await signIn();
    expect(await fileAlerts()).toMatchObject([
      { severity: 'high', details: { files: ['keyring.json'] } },
    ]);

    // No snapshot (a crash, or deleted): nothing to compare, no alarm.
    await ok(staff.call('auth.lock', {}));
    rmSync(join(dir, CLEAN_CLOSE_FILE));
    writeFileSync(keyring, JSON.stringify(JSON.parse(readFileSync(keyring, 'utf8'))));
    await signIn();
    expect((await fileAlerts())[0]?.occurrences).toBe(1);
  });
});

describe('alert settings channels', () => {
  it('thresholds change through settings.manage, audited, and the change itself alerts', async () => {
    const { clock, dir, staff } = await office();
    const manager = await addEnrolledUser(staff, dir, clock, 'petro', 'manager');
    apps.push(manager.other);
    const before = await ok<AlertSettings>(staff.call('alerts.settings', {}));
    expect(before).toMatchObject({ exportRecords: 200, deleteRecords: 20, allowedNetworks: null });

    const bad = await failure(staff.call('alerts.updateSettings', { exportRecords: 0 }));
    expect(bad.code).toBe('invalid_input');
    // Networks change only through devices.updateSettings (with its lock-out guard).
    const networks = await failure(
      staff.call('alerts.updateSettings', { allowedNetworks: ['192.168.1.0/24'] }),
    );
    expect(networks.code).toBe('invalid_input');
    expect(await ok<AlertSettings>(staff.call('alerts.settings', {}))).toEqual(before);
    expect(
      (await failure(manager.other.call('alerts.updateSettings', { exportRecords: 5 }))).code,
    ).toBe('forbidden');

    const after = await ok<AlertSettings>(
      staff.call('alerts.updateSettings', {
        exportRecords: 500,
        allowedHours: { start: '08:00', end: '19:00', timeZone: 'Europe/Kyiv' },
      }),
    );
    expect(after).toMatchObject({
      exportRecords: 500,
      allowedHours: { start: '08:00', end: '19:00', timeZone: 'Europe/Kyiv' },
      allowedNetworks: null,
    });
    const log = await ok<AuditEntryPage>(
      staff.call('audit.list', { action: 'alerts.update_settings', limit: 5 }),
    );
    expect(log.entries.map(e => [e.outcome, e.changes])).toEqual([
      [
        'ok',
        {
          allowedHours: {
            before: null,
            after: { start: '08:00', end: '19:00', timeZone: 'Europe/Kyiv' },
          },
          exportRecords: { before: 200, after: 500 },
        },
      ],
      // The manager's refused attempt (bad input is refused before the audit wrapper runs).
      ['denied', null],
    ]);
    const alerts = await ok<AlertList>(staff.call('alerts.list', {}));
    expect(alerts.items.filter(a => a.rule === 'security_change')).toMatchObject([
      { entityId: 'guard', details: { action: 'alerts.update_settings' } },
    ]);
  });
});
