/**
 * Unlock cost as designed: after a sign-in that proved the password, a password slot cheaper than
 * the design (parameters below the floor, or a derivation under 0.5 s of CPU time) is rewrapped
 * with this machine's calibration, through the ordinary slot rewrite (same slot id, new salt and
 * parameters, keyring.json replaced atomically). Only ever upward; a failure leaves the old slot
 * and never fails the sign-in.
 */
import {
  kdfUpgrade,
  setPasswordSlot,
  type DeviceSecretStore,
  type KdfParams,
  type OpenVault,
  type SlotCost,
} from '../vault';

/** Rewraps `login`'s slot when `cost` is below the design; true when it did. */
export async function raiseSlotCost(
  vault: OpenVault,
  login: string,
  password: string,
  cost: SlotCost,
  o: { kdf: () => Promise<KdfParams>; deviceStore: DeviceSecretStore },
): Promise<boolean> {
  try {
    const next = kdfUpgrade(cost.kdf, cost.cpuMs, await o.kdf());
    if (next === null) return false;
    await setPasswordSlot(vault, login, password, {
      kdf: next,
      deviceStore: o.deviceStore,
      deviceBinding: cost.deviceBound,
    });
    return true;
  } catch (error) {
    // The old slot still opens the vault (the keyring is replaced whole or not at all).
    console.warn(
      `[zamok:vault] slot cost: rewrap skipped (${error instanceof Error ? error.name : 'error'})`,
    );
    return false;
  }
}
