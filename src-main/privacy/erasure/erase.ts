/**
 * Erasing a contact for real (issue 17, point 4): the database part in one IMMEDIATE transaction
 * with `secure_delete` on (./rows.ts), then the document files shredded as the documents module
 * does on delete, then a TRUNCATE checkpoint so no WAL frame keeps the old pages, then the
 * erasure log beside the vault folder (./log-file.ts). A crash after COMMIT but before shredding
 * leaves files whose keys are already gone (the key lived in the deleted row): unreadable.
 */
import type { OpenVault } from '../../vault';
import { vaultPaths } from '../../vault';
import { newRecordId } from '../../crm/record-id';
import { documentPath, shredFile } from '../../crm/documents/files';
import { pseudonymKey, pseudonymOf } from './audit-scrub';
import { readErasureLog, unionEntries, writeErasureLog, type ErasureLogEntry } from './log-file';
import { eraseContactRows, type ErasedRows } from './rows';
import { queueSealedChange, sealErasure } from '../../sync/erasure-out';

/** What to erase and why. */
export interface EraseRequest {
  contactId: string;
  reason: 'request' | 'retention';
  /** Who asked (the owner's user id); null for a replay without a session. */
  by: string | null;
  at: Date;
  /** Given when an erasure is replayed: the original erasure's id. */
  erasureId?: string;
}

/** What an erasure did: ids and counts only. */
export interface ErasureReport extends Omit<ErasedRows, 'documentIds'> {
  erasureId: string;
  contactId: string;
  /** False when another connection kept the WAL from being truncated (retried at close). */
  checkpointed: boolean;
  /** False when the log beside the vault could not be written (the in-vault log has it). */
  logged: boolean;
}

/** All erasures recorded inside the vault, as log entries. */
export function vaultErasures(vault: OpenVault): ErasureLogEntry[] {
  return vault.sqlite
    .prepare<
      [],
      { id: string; entity_id: string; reason: 'request' | 'retention'; erased_at: string }
    >('SELECT id, entity_id, reason, erased_at FROM erasures ORDER BY erased_at, id')
    .all()
    .map(r => ({
      id: r.id,
      entityType: 'contact' as const,
      entityId: r.entity_id,
      reason: r.reason,
      erasedAt: r.erased_at,
    }));
}

/** Rewrites the log beside the vault with the union of what it and the vault know. */
export function syncErasureLog(vault: OpenVault): boolean {
  const key = vault.dataKey();
  try {
    const read = readErasureLog(vault.dir, key, vault.vaultId);
    const outside = read.status === 'ok' ? read.entries : [];
    writeErasureLog(vault.dir, key, vault.vaultId, unionEntries(vaultErasures(vault), outside));
    return true;
  } catch {
    return false;
  } finally {
    key.fill(0);
  }
}

/** Erases one contact and everything about it (see the file comment). */
export async function eraseContact(
  vault: OpenVault,
  request: EraseRequest,
): Promise<ErasureReport> {
  const { sqlite } = vault;
  const erasureId = request.erasureId ?? newRecordId();
  const dataKey = vault.dataKey();
  const key = pseudonymKey(dataKey, vault.vaultId);
  dataKey.fill(0);
  const pseudonym = pseudonymOf(key, 'contact', request.contactId);
  key.fill(0);
  // Office sync: a first erasure (not a replay) goes to every laptop holding the contact.
  const broadcast = request.erasureId
    ? null
    : await sealErasure(vault.db, request.contactId, erasureId);
  const previous = Number(sqlite.pragma('secure_delete', { simple: true }));
  sqlite.pragma('secure_delete = ON');
  let rows: ErasedRows;
  try {
    rows = sqlite
      .transaction(() => {
        const erased = eraseContactRows(
          sqlite,
          {
            id: erasureId,
            contactId: request.contactId,
            reason: request.reason,
            erasedAt: request.at.toISOString(),
            erasedBy: request.by,
          },
          pseudonym,
        );
        // After the rows: the erasure deletes the contact's own outbox entries.
        if (broadcast) queueSealedChange(sqlite, broadcast);
        return erased;
      })
      .immediate();
  } finally {
    sqlite.pragma(`secure_delete = ${previous === 1 ? 'ON' : 'OFF'}`);
  }
  const attachments = vaultPaths(vault.dir).attachments;
  for (const id of rows.documentIds) await shredFile(documentPath(attachments, id));
  const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  const { documentIds: _ids, ...counts } = rows;
  return {
    ...counts,
    erasureId,
    contactId: request.contactId,
    checkpointed: checkpoint?.busy === 0,
    logged: syncErasureLog(vault),
  };
}
