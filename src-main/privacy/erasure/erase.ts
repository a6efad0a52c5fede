/**
 * Erasing a contact (or a company card that is a person) for real (issue 17, point 4): the
 * database part in one IMMEDIATE transaction with `secure_delete` on (./rows.ts,
 * ./company-rows.ts), then the document files shredded as the documents module
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
import { eraseCompanyRows, type ErasedCompanyRows } from './company-rows';
import { eraseContactRows, type ErasedRows, type ErasureEntry } from './rows';
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

/** What a contact erasure did: ids and counts only. */
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
      {
        id: string;
        entity_type: 'contact' | 'company';
        entity_id: string;
        reason: 'request' | 'retention';
        erased_at: string;
      }
    >('SELECT id, entity_type, entity_id, reason, erased_at FROM erasures ORDER BY erased_at, id')
    .all()
    .map(r => ({
      id: r.id,
      entityType: r.entity_type,
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

/** What an erasure of any record type needs: the record and the erasure's own fields. */
interface ErasureRun {
  entityType: 'contact' | 'company';
  entityId: string;
  reason: 'request' | 'retention';
  by: string | null;
  at: Date;
  erasureId?: string | undefined;
}

/**
 * The shared frame of an erasure: pseudonym, `secure_delete` around the IMMEDIATE transaction that
 * `rows` runs in, the files shredded after COMMIT, the TRUNCATE checkpoint, the log beside the
 * vault. Answers what `rows` answered (without the document ids) and the frame's own facts.
 */
async function runErasure<T extends { documentIds: string[] }>(
  vault: OpenVault,
  run: ErasureRun,
  rows: (sqlite: OpenVault['sqlite'], entry: ErasureEntry, pseudonym: string) => T,
): Promise<Omit<T, 'documentIds'> & { erasureId: string; checkpointed: boolean; logged: boolean }> {
  const { sqlite } = vault;
  const erasureId = run.erasureId ?? newRecordId();
  const dataKey = vault.dataKey();
  const key = pseudonymKey(dataKey, vault.vaultId);
  dataKey.fill(0);
  const pseudonym = pseudonymOf(key, run.entityType, run.entityId);
  key.fill(0);
  const entry: ErasureEntry = {
    id: erasureId,
    entityType: run.entityType,
    entityId: run.entityId,
    reason: run.reason,
    erasedAt: run.at.toISOString(),
    erasedBy: run.by,
  };
  // Office sync: a first contact erasure (not a replay) goes to every laptop holding the contact.
  // A company erasure stays on this laptop for now (docs/SYNC.md, "Erasure").
  const broadcast =
    run.erasureId || run.entityType !== 'contact'
      ? null
      : await sealErasure(vault.db, run.entityId, erasureId);
  const previous = Number(sqlite.pragma('secure_delete', { simple: true }));
  sqlite.pragma('secure_delete = ON');
  let done: T;
  try {
    done = sqlite
      .transaction(() => {
        const erased = rows(sqlite, entry, pseudonym);
        // After the rows: the erasure deletes the record's own outbox entries.
        if (broadcast) queueSealedChange(sqlite, broadcast);
        return erased;
      })
      .immediate();
  } finally {
    sqlite.pragma(`secure_delete = ${previous === 1 ? 'ON' : 'OFF'}`);
  }
  const attachments = vaultPaths(vault.dir).attachments;
  for (const id of done.documentIds) await shredFile(documentPath(attachments, id));
  const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  const { documentIds: _ids, ...counts } = done;
  return {
    ...counts,
    erasureId,
    checkpointed: checkpoint?.busy === 0,
    logged: syncErasureLog(vault),
  };
}

/** Erases one contact and everything about it (see the file comment). */
export async function eraseContact(
  vault: OpenVault,
  request: EraseRequest,
): Promise<ErasureReport> {
  const report = await runErasure(
    vault,
    { ...request, entityType: 'contact', entityId: request.contactId },
    (sqlite, entry, pseudonym) =>
      eraseContactRows(sqlite, { ...entry, contactId: entry.entityId }, pseudonym),
  );
  return { ...report, contactId: request.contactId };
}

/** What to erase of a company, and why. */
export interface EraseCompanyRequest extends Omit<EraseRequest, 'contactId'> {
  companyId: string;
}

/** What a company erasure did: ids and counts only. */
export interface CompanyErasureReport extends Omit<ErasedCompanyRows, 'documentIds'> {
  erasureId: string;
  companyId: string;
  checkpointed: boolean;
  logged: boolean;
}

/** Erases a company card that is a person (./company-rows.ts), the same way as a contact. */
export async function eraseCompany(
  vault: OpenVault,
  request: EraseCompanyRequest,
): Promise<CompanyErasureReport> {
  const report = await runErasure(
    vault,
    { ...request, entityType: 'company', entityId: request.companyId },
    eraseCompanyRows,
  );
  return { ...report, companyId: request.companyId };
}

/** Erases the record a log entry names (a replay). */
export function eraseLogged(
  vault: OpenVault,
  entry: ErasureLogEntry,
  at: Date,
): Promise<{ found: boolean; activities: number; documents: number; auditEntries: number }> {
  const request = { reason: entry.reason, by: null, at, erasureId: entry.id };
  return entry.entityType === 'company'
    ? eraseCompany(vault, { ...request, companyId: entry.entityId })
    : eraseContact(vault, { ...request, contactId: entry.entityId });
}
