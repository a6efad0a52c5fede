/**
 * Allowed devices and networks through the composed app on a real vault: two app instances on one
 * vault folder act as two computers (the second with a fixed device id, as the browser test host
 * does), and the machine's addresses and gateway are the test's.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertList } from '../../src-shared/ipc/alerts';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import type { AuditEntryPage } from '../../src-shared/ipc/audit';
import type { DevicesOverview, DeviceView } from '../../src-shared/ipc/devices';
import { createZamokApp } from '../app/compose';
import { generateTotp } from '../auth/totp';
import {
  addEnrolledUser,
  failure,
  ok,
  OWN_PASSWORD,
  OWNER,
  testClock,
  type StaffApp,
  type TestClock,
} from '../users/test-app';
import { createNoKeychainStore, createMemoryDeviceStore } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/test-helpers';
import { installAlertRules } from './engine';
import { hostDeviceId } from './devices-identity';

/** Where "the machine" is: changed by the tests to move it between office and home. */
const place: { addresses: string[]; gateway: string | null } = {
  addresses: ['192.168.1.20', 'fe80::1c2f:8aff:fe01:2'],
  gateway: 'a4:2b:b0:11:22:33',
};
const apps: StaffApp[] = [];
beforeEach(() => {
  place.addresses = ['192.168.1.20', 'fe80::1c2f:8aff:fe01:2'];
  place.gateway = 'a4:2b:b0:11:22:33';
  installAlertRules({ localAddresses: () => place.addresses, gatewayMac: () => place.gateway });
});
afterEach(() => {
  for (const a of apps.splice(0)) a.app.dispose();
});

const LAPTOP = 'dev-manager-laptop';

/** An app instance on `dir` acting as the computer `deviceId` (undefined: this machine's id). */
function computer(dir: string, clock: TestClock, deviceId?: string): StaffApp {
  const app = createZamokApp({
    vaultDir: dir,
    host: 'preview',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    clock: clock.now,
    ...(deviceId ? { testDeviceId: deviceId } : {}),
  });
  const staff = {
    app,
    router: app.router,
    call: (channel: string, input: unknown = {}) =>
      app.router.call(`zamok:${channel}`, input, { host: 'preview' as const }),
  };
  apps.push(staff);
  return staff;
}

/** A vault with its owner signed in on this machine, the recovery key, and a manager. */
async function office() {
  const clock = testClock();
  const dir = join(makeTempDir('zamok-devices-'), 'vault');
  const owner = computer(dir, clock);
  const enrollment = await ok<TotpEnrollment>(
    owner.call('auth.beginTotpEnrollment', { login: OWNER.login }),
  );
  const setup = await ok<SetupResult>(
    owner.call('auth.createVault', {
      vaultDir: dir,
      login: OWNER.login,
      displayName: OWNER.displayName,
      password: OWNER.password,
      totpCode: generateTotp(enrollment.secret, clock.now()),
      deviceBinding: false,
    }),
  );
  clock.advance(30);
  const manager = await addEnrolledUser(owner, dir, clock, 'petro', 'manager');
  apps.push(manager.other);
  await ok(manager.other.call('auth.signOut'));
  const code = (secret: string) => {
    clock.advance(30);
    return generateTotp(secret, clock.now());
  };
  return {
    clock,
    dir,
    owner,
    recoveryKey: setup.recoveryKey,
    ownerCode: () => code(enrollment.secret),
    managerCode: () => code(manager.secret),
  };
}

async function auditOf(app: StaffApp, action: string) {
  return (await ok<AuditEntryPage>(app.call('audit.list', { action, limit: 20 }))).entries;
}

describe('allowed devices', () => {
  it('refuses an unapproved computer after correct credentials, audits and alerts; approval lets it in; revoke shuts it again', async () => {
    const o = await office();
    const laptop = computer(o.dir, o.clock, LAPTOP);
    // Off by default: any computer signs in (and is listed, pending).
    await ok(
      laptop.call('auth.signIn', {
        login: 'petro',
        password: OWN_PASSWORD,
        totpCode: o.managerCode(),
      }),
    );
    await ok(laptop.call('auth.signOut'));

    const on = await ok<DevicesOverview>(
      o.owner.call('devices.updateSettings', { requireApprovedDevices: true }),
    );
    // The owner's own computer is approved by turning the feature on.
    expect(on.settings.requireApprovedDevices).toBe(true);
    expect(on.machine).toMatchObject({ deviceId: hostDeviceId(), deviceApproved: true });
    expect(on.devices.map(d => [d.id, d.status, d.current])).toEqual([
      [LAPTOP, 'pending', false],
      [hostDeviceId(), 'approved', true],
    ]);

    // A wrong password from the laptop says nothing about the device.
    const wrong = await failure(
      laptop.call('auth.signIn', {
        login: 'petro',
        password: 'not the password at all',
        totpCode: o.managerCode(),
      }),
    );
    expect(wrong.code).toBe('auth_failed');
    // Right password and code: refused, with what to do.
    const refused = await failure(
      laptop.call('auth.signIn', {
        login: 'petro',
        password: OWN_PASSWORD,
        totpCode: o.managerCode(),
      }),
    );
    expect(refused.code).toBe('device_not_approved');
    expect(refused.message).toMatch(/Ask the owner to approve it in Settings/);
    expect(laptop.app.state.session).toBeNull();
    expect(laptop.app.state.vault).toBeNull();

    const denied = (await auditOf(o.owner, 'auth.sign_in')).filter(e => e.outcome === 'denied');
    expect(denied[0]).toMatchObject({
      userLogin: 'petro',
      deviceId: LAPTOP,
      entityType: 'device',
      entityId: LAPTOP,
      details: { reason: 'device_not_approved' },
    });
    const alerts = await ok<AlertList>(o.owner.call('alerts.list', {}));
    const alert = alerts.items.find(a => a.rule === 'device_refused');
    expect(alert).toMatchObject({ severity: 'medium', data: false, entityId: LAPTOP });
    expect(JSON.stringify(alert)).not.toMatch(/petro/);

    const approved = await ok<DeviceView>(o.owner.call('devices.approve', { id: LAPTOP }));
    expect(approved).toMatchObject({ status: 'approved', current: false });
    const renamed = await ok<DeviceView>(
      o.owner.call('devices.rename', { id: LAPTOP, label: '  Ноутбук Петра ' }),
    );
    expect(renamed.label).toBe('Ноутбук Петра');
    const changes = (await auditOf(o.owner, 'devices.approve'))[0]?.changes;
    expect(changes).toEqual({ status: { before: 'pending', after: 'approved' } });

    const inside = await ok<{ deviceId?: string }>(
      laptop.call('auth.signIn', {
        login: 'petro',
        password: OWN_PASSWORD,
        totpCode: o.managerCode(),
      }),
    );
    expect(inside).toMatchObject({ login: 'petro' });
    expect(laptop.app.state.session?.deviceId).toBe(LAPTOP);

    // Revoking ends the session open on the laptop at its next call, and sign-ins are refused.
    await ok(o.owner.call('devices.revoke', { id: LAPTOP }));
    expect((await failure(laptop.call('audit.list', { limit: 1 }))).code).toBe('unauthenticated');
    expect(laptop.app.state.session).toBeNull();
    expect((await auditOf(o.owner, 'auth.session_ended'))[0]).toMatchObject({
      userLogin: 'petro',
      deviceId: LAPTOP,
      details: { reason: 'device_revoked' },
    });
    expect(
      (
        await failure(
          laptop.call('auth.signIn', {
            login: 'petro',
            password: OWN_PASSWORD,
            totpCode: o.managerCode(),
          }),
        )
      ).code,
    ).toBe('device_not_approved');
  });

  it('will not let the owner revoke the computer in use, and managers cannot manage devices', async () => {
    const o = await office();
    await ok(o.owner.call('devices.updateSettings', { requireApprovedDevices: true }));
    const own = await failure(o.owner.call('devices.revoke', { id: hostDeviceId() }));
    expect(own).toMatchObject({ code: 'conflict', details: { reason: 'would_lock_out_device' } });
    const list = await ok<DevicesOverview>(o.owner.call('devices.list'));
    expect(list.devices.find(d => d.current)?.status).toBe('approved');
    expect((await failure(o.owner.call('devices.approve', { id: 'dev-nobody-here' }))).code).toBe(
      'not_found',
    );

    const manager = computer(o.dir, o.clock);
    await ok(o.owner.call('auth.signOut'));
    await ok(
      manager.call('auth.signIn', {
        login: 'petro',
        password: OWN_PASSWORD,
        totpCode: o.managerCode(),
      }),
    );
    expect((await failure(manager.call('devices.list'))).code).toBe('forbidden');
    expect(
      (await failure(manager.call('devices.updateSettings', { requireApprovedDevices: false })))
        .code,
    ).toBe('forbidden');
  });
});

describe('allowed networks', () => {
  it('refuses settings that would shut out this computer or are malformed, and changes nothing', async () => {
    const o = await office();
    const before = await ok<DevicesOverview>(o.owner.call('devices.list'));
    const away = await failure(
      o.owner.call('devices.updateSettings', { allowedNetworks: ['10.8.0.0/16'] }),
    );
    expect(away).toMatchObject({ code: 'conflict', details: { reason: 'would_lock_out_network' } });
    const bad = await failure(
      o.owner.call('devices.updateSettings', {
        allowedNetworks: ['192.168.1.0/24', '10.0.0.0/33'],
      }),
    );
    expect(bad.code).toBe('invalid_input');
    const badMac = await failure(
      o.owner.call('devices.updateSettings', { allowedGatewayMacs: ['a4:2b:b0:11:22'] }),
    );
    expect(badMac.code).toBe('invalid_input');
    place.gateway = null;
    const noGateway = await failure(
      o.owner.call('devices.updateSettings', { allowedGatewayMacs: ['a4:2b:b0:11:22:33'] }),
    );
    expect(noGateway.details).toEqual({ reason: 'gateway_unknown' });
    const after = await ok<DevicesOverview>(o.owner.call('devices.list'));
    expect([after.settings, after.devices]).toEqual([before.settings, before.devices]);
    expect(after.settings.allowedNetworks).toBeNull();
  });

  it('an IPv6 office network or the office gateway lets people in; elsewhere the sign-in is refused and alerts', async () => {
    const o = await office();
    const saved = await ok<DevicesOverview>(
      o.owner.call('devices.updateSettings', { allowedNetworks: ['fe80::/64'] }),
    );
    expect(saved.settings.allowedNetworks).toEqual(['fe80::/64']);
    expect(saved.machine.networkAllowed).toBe(true);
    await ok(
      o.owner.call('devices.updateSettings', {
        allowedNetworks: ['192.168.1.0/24'],
        allowedGatewayMacs: ['A4-2B-B0-11-22-33'],
      }),
    );
    const laptop = computer(o.dir, o.clock, LAPTOP);
    // Office Wi-Fi with an address outside the list: the gateway is the office's.
    place.addresses = ['172.20.0.9'];
    await ok(
      laptop.call('auth.signIn', {
        login: 'petro',
        password: OWN_PASSWORD,
        totpCode: o.managerCode(),
      }),
    );
    await ok(laptop.call('auth.signOut'));
    // At home.
    place.gateway = '11:22:33:44:55:66';
    const refused = await failure(
      laptop.call('auth.signIn', {
        login: 'petro',
        password: OWN_PASSWORD,
        totpCode: o.managerCode(),
      }),
    );
    expect(refused.code).toBe('network_not_allowed');
    place.addresses = ['192.168.1.20'];
    const alerts = await ok<AlertList>(o.owner.call('alerts.list', {}));
    expect(alerts.items.filter(a => a.rule === 'network_refused')).toHaveLength(1);
    expect(alerts.items.filter(a => a.rule === 'security_change').length).toBeGreaterThan(0);
  });

  it('an owner shut out by the network rule gets back in with the recovery key (audited)', async () => {
    const o = await office();
    await ok(o.owner.call('devices.updateSettings', { allowedNetworks: ['192.168.1.0/24'] }));
    await ok(o.owner.call('auth.signOut'));
    place.addresses = ['10.0.0.5'];
    place.gateway = '11:22:33:44:55:66';
    const refused = await failure(
      o.owner.call('auth.signIn', {
        login: OWNER.login,
        password: OWNER.password,
        totpCode: o.ownerCode(),
      }),
    );
    expect(refused.code).toBe('network_not_allowed');

    const newPassword = 'a brand new owner sentence';
    await ok(
      o.owner.call('auth.resetPasswordWithRecoveryKey', {
        recoveryKey: o.recoveryKey,
        login: OWNER.login,
        newPassword,
      }),
    );
    await ok(
      o.owner.call('auth.signIn', {
        login: OWNER.login,
        password: newPassword,
        totpCode: o.ownerCode(),
      }),
    );
    const list = await ok<DevicesOverview>(o.owner.call('devices.list'));
    expect(list.settings.allowedNetworks).toBeNull();
    expect((await auditOf(o.owner, 'devices.recovery_reset'))[0]).toMatchObject({
      userLogin: OWNER.login,
      details: { networksCleared: true, deviceApproved: false },
    });
  });
});

describe('device identity', () => {
  it('a device-bound vault names this computer by its keychain secret, the same at every sign-in', async () => {
    const clock = testClock();
    const dir = join(makeTempDir('zamok-devices-'), 'vault');
    const store = createMemoryDeviceStore();
    const open = () =>
      createZamokApp({
        vaultDir: dir,
        host: 'preview',
        kdf: TEST_KDF,
        deviceStore: store,
        clock: clock.now,
      });
    const app = open();
    const call = (channel: string, input: unknown = {}) =>
      app.router.call(`zamok:${channel}`, input, { host: 'preview' });
    const enrollment = await ok<TotpEnrollment>(
      call('auth.beginTotpEnrollment', { login: OWNER.login }),
    );
    const setup = await ok<SetupResult>(
      call('auth.createVault', {
        vaultDir: dir,
        login: OWNER.login,
        displayName: OWNER.displayName,
        password: OWNER.password,
        totpCode: generateTotp(enrollment.secret, clock.now()),
        deviceBinding: true,
      }),
    );
    expect(setup.deviceBinding).toBe('bound');
    const first = app.state.session?.deviceId;
    expect(first).toMatch(/^dev-[0-9a-f]{16}$/);
    expect(first).not.toBe(hostDeviceId());
    await ok(call('auth.signOut'));
    app.dispose();

    const again = open();
    clock.advance(30);
    await ok(
      again.router.call(
        'zamok:auth.signIn',
        {
          login: OWNER.login,
          password: OWNER.password,
          totpCode: generateTotp(enrollment.secret, clock.now()),
        },
        { host: 'preview' },
      ),
    );
    expect(again.state.session?.deviceId).toBe(first);
    const entries = (
      await ok<AuditEntryPage>(
        again.router.call(
          'zamok:audit.list',
          { action: 'auth.sign_in', limit: 5 },
          { host: 'preview' },
        ),
      )
    ).entries;
    expect(entries[0]?.deviceId).toBe(first);
    again.dispose();
  });

  it('a fixed device id is refused outside the browser test host', () => {
    expect(() =>
      createZamokApp({
        vaultDir: makeTempDir(),
        host: 'cli',
        deviceStore: createNoKeychainStore(),
        testDeviceId: LAPTOP,
      }),
    ).toThrow(/test host only/);
    expect(() =>
      createZamokApp({
        vaultDir: makeTempDir(),
        host: 'preview',
        deviceStore: createNoKeychainStore(),
        testDeviceId: 'Laptop of Petro',
      }),
    ).toThrow(/dev-/);
  });
});
