/**
 * Allowed devices and networks at sign-in. Runs in the main process after the password and the
 * second factor were verified (a stranger learns nothing from it) and before a session starts:
 * records the computer, then refuses when approval is required and the computer is not approved,
 * or when the machine is outside the allowed networks. A refusal is written to the audit log as
 * `auth.sign_in` / denied with the reason, which raises device_refused or network_refused.
 *
 * What it is for: colleagues and casual misuse (signing in from home, from a colleague's laptop).
 * It does not stop someone who controls the machine: they can change its addresses and names,
 * and with an unbound vault copy the host-name-based id (docs/THREAT_MODEL.md).
 */
import { hostname } from 'node:os';
import type { AccessConflict, AccessSettings, ThisMachine } from '../../src-shared/ipc/devices';
import { appendAudit } from '../audit';
import { CallFailure } from '../calls';
import type { OpenVault } from '../vault';
import { ensureApproved, getDevice, recordDeviceSeen } from './devices-store';
import { networkAllowed, networkUnrestricted, type NetworkFacts } from './networks';
import { readGuardSettings, writeGuardSettings, type GuardSettings } from './settings';

/** The access part of the stored guard settings. */
export function accessSettings(settings: GuardSettings): AccessSettings {
  return {
    requireApprovedDevices: settings.requireApprovedDevices,
    allowedNetworks: settings.allowedNetworks,
    allowedGatewayMacs: settings.allowedGatewayMacs,
  };
}

/** Who is signing in. */
export interface SignInUser {
  id: string;
  login: string;
  role: string;
}

/** The refusal a person sees: what happened and what to do next (translated by code). */
function refusal(code: 'device_not_approved' | 'network_not_allowed'): CallFailure {
  return code === 'device_not_approved'
    ? new CallFailure(
        'device_not_approved',
        'This computer is not approved for sign-in. Ask the owner to approve it in Settings → Devices and networks.',
      )
    : new CallFailure(
        'network_not_allowed',
        'Sign-in is allowed on the office network only. Connect to it and try again.',
      );
}

/**
 * The sign-in check. Writes the device row (and, when refusing, the audit entry) to the open vault
 * and throws the refusal; the caller closes the vault.
 */
export function enforceSignInAccess(
  vault: OpenVault,
  o: { user: SignInUser; deviceId: string; facts: NetworkFacts; now: Date; hostName?: string },
): void {
  const { sqlite } = vault;
  const at = o.now.toISOString();
  const seen = recordDeviceSeen(sqlite, {
    id: o.deviceId,
    userId: o.user.id,
    label: o.hostName ?? hostname(),
    at,
  });
  const settings = readGuardSettings(sqlite);
  let reason: 'device_not_approved' | 'network_not_allowed' | null = null;
  if (settings.requireApprovedDevices && seen.status !== 'approved') reason = 'device_not_approved';
  else if (!networkAllowed(settings, o.facts)) reason = 'network_not_allowed';
  if (reason === null) return;
  appendAudit(
    vault,
    {
      userId: o.user.id,
      userLogin: o.user.login,
      deviceId: o.deviceId,
      action: 'auth.sign_in',
      outcome: 'denied',
      entityType: 'device',
      entityId: o.deviceId,
      details: { reason },
    },
    o.now,
  );
  throw refusal(reason);
}

/** This computer's facts under the stored settings. */
export function thisMachine(
  vault: OpenVault,
  deviceId: string,
  facts: NetworkFacts,
  settings = readGuardSettings(vault.sqlite),
): ThisMachine {
  return {
    deviceId,
    addresses: facts.localAddresses(),
    gatewayMac: facts.gatewayMac?.() ?? null,
    deviceApproved: getDevice(vault.sqlite, deviceId)?.status === 'approved',
    networkAllowed: networkAllowed(settings, facts),
  };
}

function conflict(reason: AccessConflict, message: string): CallFailure {
  return new CallFailure('conflict', message, { reason });
}

/**
 * Applies a settings change unless it would shut out the computer making it. Turning approval on
 * approves this computer first (in the same transaction), so the owner keeps access.
 */
export function updateAccessSettings(
  vault: OpenVault,
  patch: Partial<AccessSettings>,
  o: { userId: string; deviceId: string; facts: NetworkFacts; now: Date; hostName?: string },
): { before: AccessSettings; after: AccessSettings } {
  const { sqlite } = vault;
  const stored = readGuardSettings(sqlite);
  const before = accessSettings(stored);
  const next = { ...before, ...patch };
  const macs = patch.allowedGatewayMacs;
  if (
    macs &&
    macs.length > 0 &&
    (o.facts.gatewayMac?.() ?? null) === null &&
    !next.allowedNetworks
  ) {
    throw conflict(
      'gateway_unknown',
      'This computer cannot read the gateway address here, so a gateway rule alone would shut it out. Add the office network too.',
    );
  }
  if (!networkUnrestricted(next) && !networkAllowed(next, o.facts)) {
    throw conflict(
      'would_lock_out_network',
      'This computer is not on any of these networks: saving would shut you out. Add the current network first.',
    );
  }
  if (next.requireApprovedDevices && !before.requireApprovedDevices) {
    ensureApproved(sqlite, {
      id: o.deviceId,
      userId: o.userId,
      label: o.hostName ?? hostname(),
      at: o.now.toISOString(),
    });
  }
  const after = accessSettings(writeGuardSettings(sqlite, patch));
  return { before, after };
}

/** Refuses a revoke that would shut out the computer making it. */
export function assertCanRevoke(vault: OpenVault, id: string, currentDeviceId: string): void {
  const settings = readGuardSettings(vault.sqlite);
  if (settings.requireApprovedDevices && id === currentDeviceId) {
    throw conflict(
      'would_lock_out_device',
      'This is the computer you are using: revoking it would shut you out. Revoke it from another approved computer.',
    );
  }
}

/**
 * The owner's way back in (the recovery-key password reset): approves this computer and lifts the
 * network rule when either would refuse it, and records what changed (`devices.recovery_reset`).
 */
export function restoreOwnerAccess(
  vault: OpenVault,
  o: { user: SignInUser; deviceId: string; facts: NetworkFacts; now: Date; hostName?: string },
): { deviceApproved: boolean; networksCleared: boolean } {
  const { sqlite } = vault;
  const settings = readGuardSettings(sqlite);
  const wasApproved = getDevice(sqlite, o.deviceId)?.status === 'approved';
  const deviceApproved = settings.requireApprovedDevices && !wasApproved;
  if (deviceApproved) {
    ensureApproved(sqlite, {
      id: o.deviceId,
      userId: o.user.id,
      label: o.hostName ?? hostname(),
      at: o.now.toISOString(),
    });
  }
  const networksCleared = !networkAllowed(settings, o.facts);
  if (networksCleared) {
    writeGuardSettings(sqlite, { allowedNetworks: null, allowedGatewayMacs: null });
  }
  if (deviceApproved || networksCleared) {
    appendAudit(
      vault,
      {
        userId: o.user.id,
        userLogin: o.user.login,
        deviceId: o.deviceId,
        action: 'devices.recovery_reset',
        outcome: 'ok',
        entityType: 'device',
        entityId: o.deviceId,
        details: { deviceApproved, networksCleared },
      },
      o.now,
    );
  }
  return { deviceApproved, networksCleared };
}

/**
 * True when the session's computer has been revoked while approval is required: its session ends
 * at its next call (another app instance on the vault folder sees the owner's revoke this way).
 */
export function sessionDeviceRevoked(vault: OpenVault, deviceId: string | undefined): boolean {
  if (deviceId === undefined) return false;
  if (!readGuardSettings(vault.sqlite).requireApprovedDevices) return false;
  return getDevice(vault.sqlite, deviceId)?.status === 'revoked';
}
