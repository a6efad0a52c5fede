/**
 * The exact text a device signs (Ed25519) for each signed step of the office protocol. Each starts
 * with its own purpose line, so a signature made for one step is never valid for another, and names
 * the office, so it is never valid on another office's server.
 */
import type { DeviceStatement } from './contracts';

/** Signed by a device to answer a sign-in challenge. */
export function authStatement(officeId: string, deviceId: string, challenge: string): string {
  return ['zamok-office/auth/v1', officeId, deviceId, challenge].join('\n');
}

/**
 * Signed by the approving owner device (or, for enrolment, by the new owner device itself):
 * binds the device id to its user, role, team and both public keys.
 */
export function deviceStatement(
  purpose: 'enrol' | 'approve',
  officeId: string,
  device: DeviceStatement,
): string {
  return [
    `zamok-office/${purpose}/v1`,
    officeId,
    device.deviceId,
    device.userId,
    device.role,
    device.teamId ?? '',
    device.signKey,
    device.boxKey,
  ].join('\n');
}
