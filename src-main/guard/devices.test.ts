/**
 * Allowed devices through the composed app on a real vault: two app instances on one vault folder
 * act as two computers (./devices-office.test-support.ts). Networks: ./networks-access.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertList } from '../../src-shared/ipc/alerts';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import type { AuditEntryPage } from '../../src-shared/ipc/audit';
import type { DevicesOverview, DeviceView } from '../../src-shared/ipc/devices';
import { createZamokApp } from '../app/compose';
import { generateTotp } from '../auth/totp';
import { failure, ok, OWN_PASSWORD, OWNER, testClock } from '../users/staff-app.test-support';
import { createNoKeychainStore, createMemoryDeviceStore } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { hostDeviceId } from './devices-identity';
import { auditOf, computer, LAPTOP, office, useOfficeMachine } from './devices-office.test-support';

useOfficeMachine();

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
