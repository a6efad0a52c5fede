/**
 * What the disk or the database did wrong during a call, as a typed answer the owner can act on
 * (issue 14, points 1, 5 and 6), instead of "Something went wrong":
 * - a page or the WAL failing its check (SQLCipher's HMAC, SQLITE_CORRUPT / NOTADB): the vault is
 *   marked damaged, its files copied aside, the session ended and the vault closed at once — no
 *   further write reaches the damaged file — an alert announced, and `vault_damaged` answered;
 * - SQLITE_FULL: `vault_full`; SQLITE_READONLY / EPERM (a read-only or immutable zamok.db):
 *   `vault_not_writable`; SQLITE_BUSY / LOCKED after the busy timeout: `vault_in_use`.
 */
import { randomUUID } from 'node:crypto';
import { announceAlert } from '../guard/engine';
import { damagedError, isCorruption, isVaultError, VaultError, type OpenVault } from '../vault';
import type { VaultState } from './vault-state';

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The typed error for a storage failure, or null when `error` is not one. */
export function storageFault(error: unknown): VaultError | null {
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') {
    return new VaultError('vault_full', 'The disk holding the vault is full; nothing was saved.');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EPERM' || code === 'EROFS') {
    return new VaultError('vault_not_writable', `The vault files cannot be written (${code}).`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new VaultError(
      'vault_in_use',
      'The vault is open in another Zamok window or process and stayed busy; try again.',
    );
  }
  return null;
}

/**
 * Maps `error` for the caller; a corruption also stops the vault (see the file comment). Returns the
 * error unchanged when it is none of these.
 */
export function vaultFault(error: unknown, state: VaultState): unknown {
  if (isVaultError(error, 'vault_damaged')) {
    // Refused at unlock (commit-check.ts): the files were already copied aside.
    const evidence = error.details?.evidence;
    announceDamage(typeof evidence === 'string' ? evidence : null);
    return error;
  }
  if (isCorruption(error)) {
    const vault = state.auditTarget() ?? state.vault;
    // The error may come from another file (a backup being read): only a vault that fails its own
    // check is stopped. Rare, so the cost of reading every page once is acceptable here.
    if (!vault || vault.closed || passesQuickCheck(vault)) return error;
    const evidence = vault.markDamaged();
    try {
      state.end({ keepLogin: false, closeNow: true });
    } catch {
      // Closing a damaged database may fail too; the session is over either way.
    }
    announceDamage(evidence);
    return damagedError('a database page fails its check', evidence);
  }
  return storageFault(error) ?? error;
}

function passesQuickCheck(vault: OpenVault): boolean {
  try {
    const rows = vault.sqlite.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  }
}

/** The `vault_damaged` alert, announced only: the damaged database cannot store it. */
function announceDamage(evidence: string | null): void {
  announceAlert({
    id: randomUUID(),
    rule: 'vault_damaged',
    severity: 'high',
    data: false,
    createdAt: new Date().toISOString(),
    lastAt: new Date().toISOString(),
    occurrences: 1,
    userId: null,
    entityType: null,
    entityId: null,
    auditSeq: 0,
    details: { evidence: evidence ?? '' },
    acknowledgedAt: null,
    acknowledgedBy: null,
  });
}
