/**
 * Allowed networks through the composed app on a real vault: the machine's addresses and gateway are
 * the test's (./devices-office.test-support.ts `place`), moved between office and home.
 */
import { describe, expect, it } from 'vitest';
import type { AlertList } from '../../src-shared/ipc/alerts';
import type { DevicesOverview } from '../../src-shared/ipc/devices';
import { failure, ok, OWN_PASSWORD, OWNER } from '../users/staff-app.test-support';
import {
  auditOf,
  computer,
  LAPTOP,
  office,
  place,
  useOfficeMachine,
} from './devices-office.test-support';

useOfficeMachine();

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
