import { afterEach, describe, expect, it } from 'vitest';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { SecurityFinding, SecurityReport } from '../../../src-shared/ipc/security';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { createZamokApp } from '../../app/compose';
import { generateTotp } from '../../auth/totp';
import {
  addEnrolledUser,
  failure,
  ok,
  OWN_PASSWORD,
  OWNER,
  ownerVault,
  SETUP_PASSWORD,
  testClock,
  type StaffApp,
  type TestClock,
} from '../../users/staff-app.test-support';
import {
  createMemoryDeviceStore,
  createNoKeychainStore,
  KDF_FLOOR,
  removePasswordSlot,
  setPasswordSlot,
  type KdfParams,
} from '../../vault';
import { createTestVault, TEST_KDF } from '../../vault/temp-vault.test-support';
import type { BackupStatus, DiskEncryption, UpdateCertificate } from './index';
import { vaultFindings } from './vault';

const apps: StaffApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.app.dispose();
});

const DAY = 86_400_000;

/** What the check is told about backups, the update server and the disk (tests set them). */
interface Facts {
  backup: BackupStatus;
  certificate: UpdateCertificate | null;
  disk: DiskEncryption;
  version: string;
}

function openApp(dir: string, clock: TestClock, facts: Facts, kdf: KdfParams = TEST_KDF): StaffApp {
  const app = createZamokApp({
    vaultDir: dir,
    host: 'preview',
    kdf,
    deviceStore: createNoKeychainStore(),
    clock: clock.now,
    appVersion: () => facts.version,
    securityCheck: {
      backupStatus: () => Promise.resolve(facts.backup),
      updateCertificate: () => Promise.resolve(facts.certificate),
      diskEncryption: () => Promise.resolve(facts.disk),
    },
  });
  const staff: StaffApp = {
    app,
    router: app.router,
    call: (channel, input = {}) => app.router.call(`zamok:${channel}`, input, { host: 'preview' }),
  };
  apps.push(staff);
  return staff;
}

async function office(kdf?: KdfParams) {
  const clock = testClock();
  const v = await ownerVault(clock);
  apps.push(v.staff);
  const facts: Facts = {
    backup: { lastSuccessAt: null, lastVerifiedAt: null, destinations: [] },
    certificate: null,
    disk: 'unknown',
    version: '1.0.0',
  };
  const owner = openApp(v.dir, clock, facts, kdf);
  const signIn = async (app: StaffApp = owner) => {
    clock.advance(30);
    await ok(
      app.call('auth.signIn', {
        login: OWNER.login,
        password: OWNER.password,
        totpCode: generateTotp(v.ownerSecret, clock.now()),
      }),
    );
  };
  await signIn();
  const check = async () => ok<SecurityReport>(owner.call('security.check', {}));
  const find = async (id: string): Promise<SecurityFinding | undefined> =>
    (await check()).findings.find(f => f.id === id);
  return { ...v, clock, facts, owner, signIn, check, find };
}

describe('security check', () => {
  it('users without 2FA, too many administrators, dismissed staff whose slot survived', async () => {
    const { owner, find } = await office();
    expect(await find('users_without_2fa')).toBeUndefined();
    expect(await find('privileged_count')).toMatchObject({
      severity: 'low',
      fixKey: 'security.privileged_count.fix_single',
    });
    const admins: UserSummary[] = [];
    for (const login of ['adm1', 'adm2', 'adm3', 'adm4']) {
      admins.push(
        await ok<UserSummary>(
          owner.call('users.create', {
            login,
            displayName: login,
            role: 'administrator',
            setupPassword: SETUP_PASSWORD,
          }),
        ),
      );
    }
    expect(await find('users_without_2fa')).toMatchObject({
      severity: 'high',
      details: { userIds: admins.map(a => a.id) },
    });
    expect(await find('privileged_count')).toMatchObject({
      severity: 'medium',
      details: { owners: 1, administrators: 4 },
    });
    const ownerId = owner.app.state.session?.userId;
    for (const a of admins) {
      await ok(owner.call('users.dismiss', { userId: a.id, reassignToUserId: ownerId }));
    }
    expect(await find('users_without_2fa')).toBeUndefined();
    expect((await find('privileged_count'))?.severity).toBe('low');
    expect(await find('dismissed_with_access')).toBeUndefined();

    // A slot that survived (an old keyring copied back): the dismissed password opens the vault again.
    const open = owner.app.state.vault;
    if (!open) throw new Error('vault closed');
    const slot = { kdf: TEST_KDF, deviceStore: createNoKeychainStore(), deviceBinding: false };
    await setPasswordSlot(open, 'adm2', SETUP_PASSWORD, slot);
    expect(await find('dismissed_with_access')).toMatchObject({
      severity: 'high',
      details: { userIds: [admins[1]?.id] },
    });
    await removePasswordSlot(open, 'adm2');
    expect(await find('dismissed_with_access')).toBeUndefined();
  });

  it('dormant accounts and roles that can export everything', async () => {
    const { owner, find, dir, clock, signIn } = await office();
    const olha = await addEnrolledUser(owner, dir, clock, 'olha', 'manager');
    apps.push(olha.other);
    clock.advance(31 * 86_400);
    await signIn();
    expect(await find('dormant_accounts')).toMatchObject({
      severity: 'medium',
      details: { userIds: [olha.user.id], days: 30 },
    });
    await ok(
      olha.other.call('auth.signIn', {
        login: 'olha',
        password: OWN_PASSWORD,
        totpCode: generateTotp(olha.secret, clock.now()),
      }),
    );
    expect(await find('dormant_accounts')).toBeUndefined();

    expect(await find('export_roles')).toMatchObject({
      severity: 'info',
      details: { roleIds: ['owner', 'head', 'manager', 'auditor'], customExportAll: [] },
    });
    const role = await ok<RoleInfo>(
      owner.call('roles.create', {
        name: 'Export everything',
        grants: { 'contacts.read': 'all', 'contacts.export': 'all' },
      }),
    );
    expect(await find('export_roles')).toMatchObject({
      severity: 'low',
      details: { customExportAll: [role.id] },
    });
    await ok(owner.call('roles.delete', { id: role.id }));
    expect((await find('export_roles'))?.severity).toBe('info');
  });

  it('key slots below the KDF floor until the password is changed', async () => {
    const { find, clock, dir, facts, ownerSecret } = await office();
    const weak = await find('kdf_below_floor');
    expect(weak).toMatchObject({ severity: 'high', details: { recoverySlot: true } });
    expect(weak?.details.slotIds).toHaveLength(2);
    // The app calibrates to at least the floor: a password change rewraps the owner's slot.
    const strong = openApp(dir, clock, facts, KDF_FLOOR);
    clock.advance(30);
    await ok(
      strong.call('auth.signIn', {
        login: OWNER.login,
        password: OWNER.password,
        totpCode: generateTotp(ownerSecret, clock.now()),
      }),
    );
    await ok(
      strong.call('auth.changePassword', {
        currentPassword: OWNER.password,
        newPassword: 'a much longer passphrase about rivers',
      }),
    );
    const after = (await ok<SecurityReport>(strong.call('security.check', {}))).findings.find(
      f => f.id === 'kdf_below_floor',
    );
    expect(after?.details).toMatchObject({ slotIds: [expect.any(String)], recoverySlot: true });
  });

  it('backups: never, overdue, unverified, on the vault disk — then fixed', async () => {
    const { find, check, facts, dir, clock } = await office();
    expect(await find('backup_never')).toMatchObject({ severity: 'high' });
    expect((await check()).high).toBeGreaterThan(0);
    const ago = (days: number) => new Date(clock.now() - days * DAY).toISOString();
    facts.backup = { lastSuccessAt: ago(10), lastVerifiedAt: null, destinations: [dir] };
    const report = await check();
    expect(report.findings.find(f => f.id === 'backup_never')).toBeUndefined();
    expect(
      report.findings.filter(f => f.id.startsWith('backup_')).map(f => [f.id, f.severity]),
    ).toEqual([
      ['backup_overdue', 'medium'],
      ['backup_same_disk', 'medium'],
      ['backup_unverified', 'low'],
    ]);
    // A fresh, verified backup on another file system ("/proc" stands in for an external drive).
    facts.backup = { lastSuccessAt: ago(1), lastVerifiedAt: ago(0.5), destinations: ['/proc'] };
    expect((await check()).findings.filter(f => f.id.startsWith('backup_'))).toEqual([]);
  });

  it('a tampered audit chain is high until the entry is put back', async () => {
    const { find, owner } = await office();
    expect(await find('audit_chain_broken')).toBeUndefined();
    const sqlite = owner.app.state.vault?.sqlite;
    if (!sqlite) throw new Error('vault closed');
    sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const before = sqlite.prepare('SELECT outcome FROM audit_log WHERE seq = 2').pluck().get();
    sqlite.prepare("UPDATE audit_log SET outcome = 'denied' WHERE seq = 2").run();
    expect(await find('audit_chain_broken')).toMatchObject({
      severity: 'high',
      details: { brokenAt: 2, reason: 'hash_mismatch' },
    });
    sqlite.prepare('UPDATE audit_log SET outcome = ? WHERE seq = 2').run(before);
    expect(await find('audit_chain_broken')).toBeUndefined();
  });

  it('update certificate, disk encryption, version and the 90-day / after-update reminder', async () => {
    const { find, facts, clock, owner, check, signIn } = await office();
    expect(await find('update_certificate')).toMatchObject({
      severity: 'info',
      fixKey: 'security.update_certificate.fix_unknown',
    });
    facts.certificate = { expiresAt: new Date(clock.now() - DAY).toISOString() };
    expect((await find('update_certificate'))?.severity).toBe('high');
    facts.certificate = { expiresAt: new Date(clock.now() + 10 * DAY).toISOString() };
    expect((await find('update_certificate'))?.severity).toBe('medium');
    facts.certificate = { expiresAt: new Date(clock.now() + 200 * DAY).toISOString() };
    expect((await find('update_certificate'))?.severity).toBe('info');

    facts.disk = 'not_encrypted';
    expect(await find('disk_encryption')).toMatchObject({
      severity: 'medium',
      details: { state: 'not_encrypted' },
    });
    facts.disk = 'encrypted';
    expect(await find('disk_encryption')).toMatchObject({
      severity: 'info',
      fixKey: 'security.disk_encryption.fix_none',
    });
    expect(await find('app_version')).toMatchObject({ details: { version: '1.0.0' } });

    const due = async () =>
      (await ok<{ securityCheckDue: boolean }>(owner.call('alerts.list', {}))).securityCheckDue;
    await check();
    expect(await due()).toBe(false);
    clock.advance(91 * 86_400);
    await signIn(); // 91 days away: the idle lock (src-main/app/idle-lock.ts) asks for a sign-in
    expect(await due()).toBe(true);
    await check();
    facts.version = '1.1.0';
    expect(await due()).toBe(true);
  });

  it('administrators may run it, managers may not; each run is audited with its counts', async () => {
    const { owner, dir, clock } = await office();
    const admin = await addEnrolledUser(owner, dir, clock, 'ivan', 'administrator');
    const manager = await addEnrolledUser(owner, dir, clock, 'petro', 'manager');
    apps.push(admin.other, manager.other);
    const report = await ok<SecurityReport>(admin.other.call('security.check', {}));
    expect(report.findings.length).toBeGreaterThan(0);
    expect((await failure(manager.other.call('security.check', {}))).code).toBe('forbidden');
    const log = await ok<{ entries: { outcome: string; userLogin: string; details: unknown }[] }>(
      owner.call('audit.list', { action: 'security.check', limit: 5 }),
    );
    expect(log.entries.map(e => [e.outcome, e.userLogin])).toEqual([
      ['denied', 'petro'],
      ['ok', 'ivan'],
    ]);
    expect(log.entries[1]?.details).toMatchObject({ high: report.high });
  });
});

describe('vault findings on real vaults', () => {
  it('device binding off is reported; a bound vault is not', async () => {
    const loose = await createTestVault();
    const bound = await createTestVault({
      deviceBinding: true,
      deviceStore: createMemoryDeviceStore(),
    });
    try {
      expect((await vaultFindings(loose.vault)).map(f => f.id)).toContain('device_binding_off');
      expect((await vaultFindings(bound.vault)).map(f => f.id)).not.toContain('device_binding_off');
    } finally {
      loose.vault.close();
      bound.vault.close();
    }
  });
});
