/**
 * Replaying erasures at sign-in (issue 17, point 4): the log beside the vault folder
 * (./log-file.ts) may list erasures this zamok.db does not know — it was restored from a backup
 * made before them. Each is done again, with its original id and time, and audited as
 * `privacy.erase_replayed` (ids and counts only). Then the log is rewritten with the union of
 * both lists, so an erasure known only inside the vault reaches the file too. A log whose MAC does
 * not check is left as found (evidence) and reported as `privacy.erasure_log_invalid`.
 */
import { appendAudit } from '../../audit';
import type { Session } from '../../calls';
import type { OpenVault } from '../../vault';
import { eraseLogged, syncErasureLog, vaultErasures } from './erase';
import { readErasureLog } from './log-file';

/** What a replay did. */
export interface ReplayReport {
  log: 'ok' | 'missing' | 'invalid';
  replayed: string[];
}

/** Replays the erasures the vault is missing; `session` is who signed in (for the audit entries). */
export async function replayErasures(
  vault: OpenVault,
  session: Pick<Session, 'userId' | 'login' | 'deviceId'> | null,
  now: Date,
): Promise<ReplayReport> {
  const key = vault.dataKey();
  const read = readErasureLog(vault.dir, key, vault.vaultId);
  key.fill(0);
  const actor = {
    userId: session?.userId ?? null,
    userLogin: session?.login ?? null,
    deviceId: session?.deviceId ?? null,
  };
  if (read.status === 'invalid') {
    appendAudit(
      vault.sqlite,
      { ...actor, action: 'privacy.erasure_log_invalid', outcome: 'failed' },
      now,
    );
    return { log: 'invalid', replayed: [] };
  }
  const known = new Set(vaultErasures(vault).map(e => e.id));
  const replayed: string[] = [];
  for (const entry of read.status === 'ok' ? read.entries : []) {
    if (known.has(entry.id)) continue;
    const report = await eraseLogged(vault, entry, new Date(entry.erasedAt));
    vault.sqlite
      .prepare('UPDATE erasures SET replayed_at = ? WHERE id = ?')
      .run(now.toISOString(), entry.id);
    appendAudit(
      vault.sqlite,
      {
        ...actor,
        action: 'privacy.erase_replayed',
        entityType: entry.entityType,
        entityId: entry.entityId,
        outcome: 'ok',
        details: {
          erasureId: entry.id,
          erasedAt: entry.erasedAt,
          found: report.found,
          activities: report.activities,
          documents: report.documents,
          auditEntries: report.auditEntries,
        },
      },
      now,
    );
    replayed.push(entry.id);
  }
  syncErasureLog(vault);
  return { log: read.status, replayed };
}
