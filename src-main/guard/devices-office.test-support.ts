/**
 * Test support for allowed devices and networks (devices.test.ts, networks-access.test.ts): two app
 * instances on one vault folder act as two computers (the second with a fixed device id, as the
 * browser test host does), and the machine's addresses and gateway are the test's (`place`).
 * Never imported by the app.
 */
import { afterEach, beforeEach } from 'vitest';
import type { AuditEntryPage } from '../../src-shared/ipc/audit';
import { generateTotp } from '../auth/totp';
import {
  addEnrolledUser,
  ok,
  openStaffApp,
  ownerVault,
  testClock,
  type StaffApp,
  type TestClock,
} from '../users/staff-app.test-support';
import { installAlertRules } from './engine';

/** Where "the machine" is: changed by the tests to move it between office and home. */
export const place: { addresses: string[]; gateway: string | null } = {
  addresses: ['192.168.1.20', 'fe80::1c2f:8aff:fe01:2'],
  gateway: 'a4:2b:b0:11:22:33',
};
const apps: StaffApp[] = [];

/** Registers the hooks: the machine back in the office before each test, apps disposed after. */
export function useOfficeMachine(): void {
  beforeEach(() => {
    place.addresses = ['192.168.1.20', 'fe80::1c2f:8aff:fe01:2'];
    place.gateway = 'a4:2b:b0:11:22:33';
    installAlertRules({ localAddresses: () => place.addresses, gatewayMac: () => place.gateway });
  });
  afterEach(() => {
    for (const a of apps.splice(0)) a.app.dispose();
  });
}

/** The manager's second computer. */
export const LAPTOP = 'dev-manager-laptop';

/** An app instance on `dir` acting as the computer `deviceId` (undefined: this machine's id). */
export function computer(dir: string, clock: TestClock, deviceId?: string): StaffApp {
  const staff = openStaffApp(dir, clock, deviceId);
  apps.push(staff);
  return staff;
}

/** A vault with its owner signed in on this machine, the recovery key, and a manager. */
export async function office() {
  const clock = testClock();
  const { dir, staff: owner, ownerSecret, recoveryKey } = await ownerVault(clock);
  apps.push(owner);
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
    recoveryKey,
    ownerCode: () => code(ownerSecret),
    managerCode: () => code(manager.secret),
  };
}

/** The caller's audit entries of one action. */
export async function auditOf(app: StaffApp, action: string) {
  return (await ok<AuditEntryPage>(app.call('audit.list', { action, limit: 20 }))).entries;
}
