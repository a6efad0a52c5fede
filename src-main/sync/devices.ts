/**
 * The office's devices as an owner laptop sees them (`GET /v1/devices`), and which of them it
 * trusts to receive partition keys: a device whose approval statement verifies under the key of a
 * trusted owner device, starting from this laptop's own device. The server could list a device of
 * its own making; it cannot sign an approval with this laptop's key, so such a device never gets a
 * key from here (a device approved by another owner device is trusted through that device's own
 * approval, back to this one). A head's device vouches only for managers of its own team (the
 * server lets heads approve nothing else: src-server/heads.ts). An approval made by a device that
 * was revoked since still counts: the devices it approved then keep their keys.
 */
import { deviceStatement } from '../../src-shared/office/statements';
import type { DeviceStatement } from '../../src-shared/office/contracts';
import { verifyEd25519 } from '../../src-server/crypto';
import type { OfficeSession } from './session';
import type { OfficeSettings } from './store';

/** A device as the server lists it to an owner device. */
export interface OfficeDevice {
  deviceId: string;
  userId: string;
  role: DeviceStatement['role'];
  teamId: string | null;
  status: 'active' | 'revoked';
  signKey: string;
  boxKey: string;
  approvedBy: string | null;
  approval: string | null;
  partitions: string[];
}

/** Every device of the office with its ACL (owner devices only: 403 otherwise). */
export async function listOfficeDevices(session: OfficeSession): Promise<OfficeDevice[]> {
  return (await session.get<{ devices: OfficeDevice[] }>('/v1/devices')).devices;
}

function approvalHolds(officeId: string, device: OfficeDevice, approver: OfficeDevice): boolean {
  if (!device.approval) return false;
  const statement = deviceStatement('approve', officeId, device);
  return verifyEd25519(
    Buffer.from(approver.signKey, 'base64'),
    statement,
    Buffer.from(device.approval, 'base64'),
  );
}

/** Whether `approver` may vouch for `device`: an owner for anyone, a head for its team's managers. */
function mayVouch(approver: OfficeDevice, device: OfficeDevice): boolean {
  if (approver.role === 'owner') return true;
  return (
    approver.role === 'head' &&
    approver.teamId !== null &&
    device.role === 'manager' &&
    device.teamId === approver.teamId
  );
}

/**
 * The active devices this laptop trusts (see the file comment), this one included, by id. A
 * device listed with this laptop's id but other keys is not trusted (the server lied about it).
 */
export function trustedDevices(
  settings: OfficeSettings,
  devices: readonly OfficeDevice[],
): Map<string, OfficeDevice> {
  const vouched = new Map<string, OfficeDevice>();
  const self = devices.find(d => d.deviceId === settings.device_id);
  if (self?.signKey !== settings.sign_public || self.boxKey !== settings.box_public) return vouched;
  vouched.set(self.deviceId, self);
  for (let grew = true; grew;) {
    grew = false;
    for (const device of devices) {
      if (vouched.has(device.deviceId) || !device.approvedBy) continue;
      const approver = vouched.get(device.approvedBy);
      if (
        approver &&
        mayVouch(approver, device) &&
        approvalHolds(settings.office_id, device, approver)
      ) {
        vouched.set(device.deviceId, device);
        grew = true;
      }
    }
  }
  return new Map([...vouched].filter(([, device]) => device.status === 'active'));
}

/** The trusted active devices of the heads of `teamId` (they read their team's partitions). */
export function teamHeads(
  settings: OfficeSettings,
  devices: readonly OfficeDevice[],
  teamId: string,
): OfficeDevice[] {
  return [...trustedDevices(settings, devices).values()].filter(
    d => d.role === 'head' && d.teamId === teamId,
  );
}
