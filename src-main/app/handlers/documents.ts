/**
 * Handlers of the `documents` channels. The router has checked the permission; the scope of its
 * grant (for `documents.create`, plain, the caller's `documents.read` scope) decides which records'
 * documents the caller reaches, through the record's own scoped SQL. Changes fill `ctx.audit`
 * (entity `document`: file name, type, size, hash, record; never contents or the key); an export is
 * audited with the document id and size. Document failures come back with `details.reason`.
 */
import type { DocumentInfo, documentsContract } from '../../../src-shared/ipc/documents';
import {
  createDocumentsService,
  documentTransfers,
  type DocumentsService,
  type TransferRegistry,
} from '../../crm/documents';
import { requireSession, type Handlers } from '../../ipc';
import { vaultPaths, type OpenVault } from '../../vault';
import { entityAudit, requireVault, target as targetEntity, viewerOf, viewerWith } from './kit';

/** What the document handlers need from the app. */
export interface DocumentsHandlerDeps {
  /** The vault of the signed-in session (null or a throw when locked: answered `unauthenticated`). */
  openVault(): OpenVault | null;
  /** The ticket book the host's transfer route reads (default: the process's one). */
  transfers?: TransferRegistry;
  now?: () => Date;
}

/** The audit entity type of documents. */
export const DOCUMENT_ENTITY = 'document';

/** A document as the audit log compares it (`deletedAt` once removed). */
type AuditedDocument = DocumentInfo & { deletedAt?: string };

function auditView(d: AuditedDocument): Record<string, unknown> {
  return {
    fileName: d.fileName,
    mimeType: d.mimeType,
    size: d.size,
    sha256: d.sha256,
    recordType: d.recordType,
    recordId: d.recordId,
    ...(d.deletedAt ? { deletedAt: d.deletedAt } : {}),
  };
}

/** The `documents` feature's handlers for the router (and the service, for hosts and tests). */
export function documentsHandlers(deps: DocumentsHandlerDeps): Handlers<{
  documents: typeof documentsContract;
}>['documents'] {
  const service = documentsServiceFor(deps);

  const { target, record } = entityAudit<AuditedDocument>(DOCUMENT_ENTITY, auditView);

  return {
    list: async (ctx, input) => service.list(viewerOf(ctx), input.record),
    // documents.create is plain: the records one may attach to are those documents.read reaches.
    startUpload: async (ctx, input) =>
      service.startUpload(viewerWith(ctx, ctx.grants['documents.read']), input),
    finishUpload: async (ctx, input) => {
      const session = requireSession(ctx);
      const info = await service.finishUpload(session.userId, input.ticket);
      return record(ctx, { before: null, after: info });
    },
    preview: async (ctx, input) => service.download(viewerOf(ctx), input.id, 'preview'),
    export: async (ctx, input) => {
      target(ctx, input.id);
      const ticket = await service.download(viewerOf(ctx), input.id, 'export');
      ctx.audit.details = { documentId: input.id, size: ticket.size };
      return ticket;
    },
    delete: async (ctx, input) => {
      target(ctx, input.id);
      const { before, deletedAt } = await service.remove(viewerOf(ctx), input.id);
      record(ctx, { before, after: { ...before, deletedAt } });
      return { id: input.id, deletedAt };
    },
    deleteForRecord: async (ctx, input) => {
      targetEntity(ctx, input.record.type, input.record.id);
      const { deleted } = await service.removeForRecord(viewerOf(ctx), input.record);
      ctx.audit.details = { documentIds: deleted, count: deleted.length };
      return { deleted: deleted.length };
    },
  };
}

/** The documents service over the session's vault. */
export function documentsServiceFor(deps: DocumentsHandlerDeps): DocumentsService {
  const transfers = deps.transfers ?? documentTransfers;
  return createDocumentsService({
    transfers,
    now: deps.now ?? (() => new Date()),
    vault: () => {
      const maybe = deps.openVault();
      // Locked or signed out: tickets handed out before are void.
      if (!maybe) transfers.clear();
      const open = requireVault({ openVault: () => maybe });
      return {
        db: open.db,
        attachmentsDir: vaultPaths(open.dir).attachments,
        vaultId: open.vaultId,
      };
    },
  });
}
