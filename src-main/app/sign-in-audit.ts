/**
 * What a successful sign-in owes the audit log: the failures counted while the vault was closed,
 * and whether the lockout file was tampered with or rolled back. Part of the sign-in mechanism
 * (no router call exists for attempts that never opened the vault), not a per-handler entry.
 */
import { appendAudit } from '../audit';
import { compareLockoutSeq, type LockoutStore, type LoginId } from '../auth/lockout';
import { readSavedLockoutSeq, saveLockoutSeq } from '../auth/lockout-seq';
import { CallFailure } from '../ipc';
import type { OpenVault } from '../vault';
import { tables } from './account-view';

/** The answer while a login (or the recovery key) must wait. */
export function lockedOut(retryAfterSeconds: number): CallFailure {
  return new CallFailure('locked_out', 'Too many failed attempts. Wait, then try again.', {
    retryAfterSeconds,
  });
}

/** Records failures that happened while the vault was closed, now that it is open. */
export async function auditEarlierFailures(
  vault: OpenVault,
  lockout: LockoutStore,
  loginId: LoginId,
  o: { deviceId: string; clock: () => number },
): Promise<void> {
  const { clock } = o;
  const savedSeq = await readSavedLockoutSeq(tables(vault));
  const behindDatabase = compareLockoutSeq(await lockout.seq(clock()), savedSeq) === 'rolled_back';
  const report = await lockout.recordSuccess(loginId, clock());
  // Found by the keychain's high-water mark before any guess (bound vaults), or only now by the
  // copy of seq in the database: the failures counted in the replaced file are lost either way.
  if (report.rolledBackAt !== null || behindDatabase) {
    appendAudit(vault, {
      deviceId: o.deviceId,
      action: 'auth.lockout_file_rolled_back',
      outcome: 'failed',
      details: {
        detectedAt: new Date(report.rolledBackAt ?? clock()).toISOString(),
        detectedBy: report.rolledBackAt !== null ? 'keychain' : 'database',
      },
    });
  }
  for (const failure of report.failures) {
    appendAudit(vault, {
      deviceId: o.deviceId,
      action: 'auth.sign_in',
      outcome: 'failed',
      details: {
        loginId: failure.loginId,
        count: failure.count,
        firstAt: failure.times[0] ? new Date(failure.times[0]).toISOString() : null,
        lastAt: failure.times.at(-1) ? new Date(failure.times.at(-1) ?? 0).toISOString() : null,
      },
    });
  }
  if (report.tamperedAt !== null) {
    appendAudit(vault, {
      deviceId: o.deviceId,
      action: 'auth.lockout_file_tampered',
      outcome: 'failed',
      details: { detectedAt: new Date(report.tamperedAt).toISOString() },
    });
  }
  await saveLockoutSeq(tables(vault), report.seq);
}
