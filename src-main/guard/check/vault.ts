/**
 * Vault findings: key-slot KDF parameters below the current floor, device binding, the devices staff
 * signed in from, and the audit chain.
 */
import type { SecurityFinding } from '../../../src-shared/ipc/security';
import { verifyAuditChain } from '../../audit';
import { isBelowFloor, KDF_FLOOR, readKeyringInfo, type OpenVault } from '../../vault';
import { finding } from './finding';

/** The vault findings. */
export async function vaultFindings(vault: OpenVault): Promise<SecurityFinding[]> {
  const findings: SecurityFinding[] = [];
  const info = readKeyringInfo(vault.dir);

  const weak = info.slots.filter(s => isBelowFloor(s.kdf));
  if (weak.length > 0) {
    findings.push(
      finding('kdf_below_floor', 'high', {
        slotIds: weak.map(s => s.id),
        recoverySlot: weak.some(s => s.kind === 'recovery'),
        floorMemoryKiB: KDF_FLOOR.memoryKiB,
        floorIterations: KDF_FLOOR.iterations,
      }),
    );
  }

  const passwordSlots = info.slots.filter(s => s.kind === 'password');
  const bound = passwordSlots.filter(s => s.deviceBound).length;
  if (passwordSlots.length > 0 && bound < passwordSlots.length) {
    findings.push(
      finding('device_binding_off', 'medium', { unbound: passwordSlots.length - bound, bound }),
    );
  }

  // The vault's schema type grows with every migration; these reads only need audit_log.
  const adb = vault.db;
  const devices = await adb
    .selectFrom('audit_log')
    .select('device_id')
    .distinct()
    .where('action', '=', 'auth.sign_in')
    .where('outcome', '=', 'ok')
    .where('device_id', 'is not', null)
    .execute();
  findings.push(
    finding('allowed_devices', 'info', {
      deviceIds: devices.map(d => d.device_id).filter((d): d is string => d !== null),
    }),
  );

  const chain = verifyAuditChain(vault);
  if (!chain.ok) {
    findings.push(
      finding('audit_chain_broken', 'high', { brokenAt: chain.brokenAt, reason: chain.reason }),
    );
  }
  return findings;
}
