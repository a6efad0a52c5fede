/**
 * The documents feature as the channels use it: ties rows (./repository.ts), encrypted files
 * (./files.ts) and transfer tickets (./transfers.ts) together. Handlers pass an already checked
 * viewer; everything here is scoped through the record.
 */
import { nextTime } from '../record/changes';
import type { Database } from '../../vault/schema';
import { randomBytes } from 'node:crypto';
import { newRecordId } from '../record-id';
import type { Kysely } from 'kysely';
import type {
  DocumentInfo,
  DownloadTicket,
  TransferTicket,
} from '../../../src-shared/ipc/documents';
import { isPreviewable } from '../../../src-shared/ipc/documents';
import { mayDelete, requireRecord, type DocumentViewer } from './access';
import { DocumentError } from './errors';
import {
  commitStaged,
  discardStaged,
  documentPath,
  openDocumentStream,
  removeStaleStaged,
  shredFile,
  stageDocument,
  type StagedDocument,
} from './files';
import {
  getDocumentRow,
  insertDocument,
  listDocuments,
  liveRowsOf,
  tombstoneDocument,
  type DocumentRow,
} from './repository';
import { nameForType } from './sniff';
import { documentFromRow, type RecordRef } from './tables';
import { TICKET_TTL_SECONDS, type TransferRegistry } from './transfers';
import { documentAdded, documentRemoved } from '../../sync/documents-out';
import { documentsAtOffice, fetchRemoteDocument } from '../../sync/documents-in';

/** Staged uploads wait this long for `finishUpload` before their temp file is removed. */
const STAGED_TTL_MS = 10 * 60 * 1000;

/** What the service needs from the app. */
export interface DocumentsServiceDeps {
  /** The open vault's database and attachments folder, or a throw when locked. */
  vault(): { db: Kysely<Database>; attachmentsDir: string; vaultId: string };
  transfers: TransferRegistry;
  now(): Date;
}

interface PendingUpload {
  userId: string;
  vaultId: string;
  record: RecordRef;
  fileName: string;
  key: Buffer;
  staged: StagedDocument | null;
  expiresAt: number;
}

/** The documents feature. */
export interface DocumentsService {
  list(viewer: DocumentViewer, record: RecordRef): Promise<DocumentInfo[]>;
  startUpload(
    viewer: DocumentViewer,
    input: { record: RecordRef; file: { name: string; size: number } },
  ): Promise<TransferTicket>;
  finishUpload(userId: string, ticket: string): Promise<DocumentInfo>;
  download(
    viewer: DocumentViewer,
    id: string,
    purpose: 'preview' | 'export',
  ): Promise<DownloadTicket>;
  remove(viewer: DocumentViewer, id: string): Promise<{ before: DocumentInfo; deletedAt: string }>;
  removeForRecord(viewer: DocumentViewer, record: RecordRef): Promise<{ deleted: string[] }>;
}

/** Builds the service. */
export function createDocumentsService(deps: DocumentsServiceDeps): DocumentsService {
  const pending = new Map<string, PendingUpload>();
  /** Vaults whose leftover temp files (from a crash mid-upload) were already cleared. */
  const swept = new Set<string>();

  // The session ended (lock, sign-out, user switch): uploads received but not finished are void
  // too; their keys are zeroed and their temp files removed.
  deps.transfers.onClear(() => {
    for (const [ticket, p] of pending) {
      pending.delete(ticket);
      p.key.fill(0);
      if (p.staged) void discardStaged(p.staged).catch(() => undefined);
    }
  });

  async function sweep(): Promise<void> {
    const t = deps.now().getTime();
    for (const [ticket, p] of pending) {
      if (p.expiresAt > t) continue;
      pending.delete(ticket);
      p.key.fill(0);
      if (p.staged) await discardStaged(p.staged);
    }
  }

  async function shred(attachmentsDir: string, row: DocumentRow['row']): Promise<void> {
    await shredFile(documentPath(attachmentsDir, row.id));
  }

  return {
    async list(viewer, record) {
      const { db, attachmentsDir } = deps.vault();
      const docs = await listDocuments(db, viewer, record);
      const remote = await documentsAtOffice(
        db,
        attachmentsDir,
        docs.map(d => d.id),
      );
      return docs.map(d => (remote.has(d.id) ? { ...d, atOffice: true } : d));
    },

    async startUpload(viewer, input) {
      await sweep();
      const { db, attachmentsDir, vaultId } = deps.vault();
      if (!swept.has(vaultId)) {
        swept.add(vaultId);
        await removeStaleStaged(attachmentsDir, STAGED_TTL_MS, deps.now().getTime());
      }
      await requireRecord(db, viewer, input.record);
      const id = newRecordId();
      const entry: PendingUpload = {
        userId: viewer.userId,
        vaultId,
        record: input.record,
        fileName: input.file.name,
        key: randomBytes(32),
        staged: null,
        expiresAt: deps.now().getTime() + STAGED_TTL_MS,
      };
      const ticket: string = deps.transfers.add({
        kind: 'upload',
        receive: async source => {
          if (deps.vault().vaultId !== vaultId) throw new DocumentError('ticket_unknown');
          const staged = await stageDocument({
            attachmentsDir,
            id,
            key: entry.key,
            fileName: input.file.name,
            source,
            maxBytes: input.file.size,
            expectedSize: input.file.size,
          });
          // Cleared while the bytes were arriving: the session that asked has ended.
          if (pending.get(ticket) !== entry) {
            await discardStaged(staged);
            throw new DocumentError('ticket_unknown');
          }
          entry.staged = staged;
          return { size: staged.size };
        },
        discard: () => {
          pending.delete(ticket);
          entry.key.fill(0);
        },
      });
      pending.set(ticket, entry);
      return { ticket, expiresInSeconds: TICKET_TTL_SECONDS };
    },

    async finishUpload(userId, ticket) {
      await sweep();
      const entry = pending.get(ticket);
      const { db, vaultId } = deps.vault();
      if (!entry || entry.userId !== userId || entry.vaultId !== vaultId || !entry.staged)
        throw new DocumentError('ticket_unknown');
      pending.delete(ticket);
      const staged = entry.staged;
      try {
        const info = await insertDocument(db, {
          id: staged.id,
          record: entry.record,
          ownerId: userId,
          // Named for what the bytes are: `scan.exe` holding a PNG is stored as `scan.png`.
          fileName: nameForType(entry.fileName, staged.mimeType),
          mimeType: staged.mimeType,
          size: staged.size,
          sha256: staged.sha256,
          key: entry.key,
          createdAt: nextTime(deps.now()),
        });
        // A vault that syncs: the content goes up as sealed chunks on the next round.
        await documentAdded(db, staged.id);
        // Inside the call's transaction: if the rename fails, the row is rolled back with it.
        await commitStaged(staged);
        return info;
      } catch (err) {
        await discardStaged(staged);
        throw err;
      } finally {
        entry.key.fill(0);
      }
    },

    async download(viewer, id, purpose) {
      const { db, attachmentsDir } = deps.vault();
      const { row } = await getDocumentRow(db, viewer, id);
      if (purpose === 'preview' && !isPreviewable(row.mime_type))
        throw new DocumentError('type_not_allowed');
      if (!row.file_key) throw new DocumentError('not_found');
      // Content still at the office server: fetched and checked now (`at_office` when offline).
      await fetchRemoteDocument(db, attachmentsDir, row);
      const key = Buffer.from(row.file_key);
      // The name offered for the copy always ends in the type's extension.
      const fileName = nameForType(row.file_name, row.mime_type);
      const ticket = deps.transfers.add({
        kind: 'download',
        discard: () => key.fill(0),
        fileName,
        mimeType: row.mime_type,
        size: row.size,
        disposition: purpose === 'preview' ? 'inline' : 'attachment',
        open: async () => {
          try {
            return await openDocumentStream({
              attachmentsDir,
              id: row.id,
              key,
              size: row.size,
              sha256: row.sha256,
            });
          } finally {
            // The decipher objects hold their own copy of the key.
            key.fill(0);
          }
        },
      });
      return {
        ticket,
        expiresInSeconds: TICKET_TTL_SECONDS,
        fileName,
        mimeType: row.mime_type,
        size: row.size,
      };
    },

    async remove(viewer, id) {
      const { db, attachmentsDir } = deps.vault();
      const { row, ownerName } = await getDocumentRow(db, viewer, id);
      if (!(await mayDelete(db, viewer, row))) throw new DocumentError('not_found');
      const deletedAt = nextTime(deps.now());
      await tombstoneDocument(db, row.id, viewer.userId, deletedAt);
      await documentRemoved(db, row.id);
      await shred(attachmentsDir, row);
      return { before: documentFromRow(row, ownerName), deletedAt };
    },

    async removeForRecord(viewer, record) {
      const { db, attachmentsDir } = deps.vault();
      await requireRecord(db, viewer, record);
      const deleted: string[] = [];
      const at = nextTime(deps.now());
      for (const { row } of await liveRowsOf(db, record)) {
        if (!(await mayDelete(db, viewer, row))) continue;
        await tombstoneDocument(db, row.id, viewer.userId, at);
        await documentRemoved(db, row.id);
        await shred(attachmentsDir, row);
        deleted.push(row.id);
      }
      return { deleted };
    },
  };
}
