/**
 * Handlers of the `documents` channels. The router has checked the permission; the scope of its
 * grant (for `documents.create`, plain, the caller's `documents.read` scope) decides which records'
 * documents the caller reaches, through the record's own scoped SQL. Changes fill `ctx.audit`
 * (entity `document`: file name, type, size, hash, record; never contents or the key); an export is
 * audited with the document id and size. Document failures come back with `details.reason`.
 */
import type { DocumentInfo, documentsContract } from '../../../src-shared/ipc/documents';
import { grantOf } from '../../../src-shared/roles';
import { diffFields } from '../../audit';
import {
  createDocumentsService,
  documentTransfers,
  type DocumentsService,
  type DocumentViewer,
  type TransferRegistry,
} from '../../crm/documents';
import { CallFailure, requireSession, type Handlers, type HandlerContext } from '../../ipc';
import { vaultPaths, type OpenVault } from '../../vault';

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

function auditView(d: DocumentInfo | null, deletedAt?: string): Record<string, unknown> | null {
  if (d === null) return null;
  return {
    fileName: d.fileName,
    mimeType: d.mimeType,
    size: d.size,
    sha256: d.sha256,
    recordType: d.recordType,
    recordId: d.recordId,
    ...(deletedAt ? { deletedAt } : {}),
  };
}

/** The `documents` feature's handlers for the router (and the service, for hosts and tests). */
export function documentsHandlers(deps: DocumentsHandlerDeps): Handlers<{
  documents: typeof documentsContract;
}>['documents'] {
  const service = documentsServiceFor(deps);

  function viewerOf(ctx: HandlerContext): DocumentViewer {
    const session = requireSession(ctx);
    const scope = ctx.grant?.scope;
    if (!scope) throw new CallFailure('forbidden', 'Your role does not allow this.');
    return { userId: session.userId, teamId: session.teamId, scope };
  }

  /** For `documents.create` (plain): the records it may attach to are those `documents.read` reaches. */
  function creatorOf(ctx: HandlerContext): DocumentViewer {
    const session = requireSession(ctx);
    const scope = grantOf(session.grants, 'documents.read');
    if (scope === undefined || scope === true)
      throw new CallFailure('forbidden', 'Your role does not allow this.');
    return { userId: session.userId, teamId: session.teamId, scope };
  }

  function target(ctx: HandlerContext, id: string): void {
    ctx.audit.entityType = DOCUMENT_ENTITY;
    ctx.audit.entityId = id;
  }

  return {
    list: async (ctx, input) => service.list(viewerOf(ctx), input.record),
    startUpload: async (ctx, input) => service.startUpload(creatorOf(ctx), input),
    finishUpload: async (ctx, input) => {
      const session = requireSession(ctx);
      const info = await service.finishUpload(session.userId, input.ticket);
      target(ctx, info.id);
      ctx.audit.changes = diffFields(null, auditView(info), { entityType: DOCUMENT_ENTITY });
      return info;
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
      ctx.audit.changes = diffFields(auditView(before), auditView(before, deletedAt), {
        entityType: DOCUMENT_ENTITY,
      });
      return { id: input.id, deletedAt };
    },
    deleteForRecord: async (ctx, input) => {
      ctx.audit.entityType = input.record.type;
      ctx.audit.entityId = input.record.id;
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
      const open = deps.openVault();
      if (!open) {
        transfers.clear();
        throw new CallFailure('unauthenticated', 'Please sign in first.');
      }
      return {
        db: open.db,
        attachmentsDir: vaultPaths(open.dir).attachments,
        vaultId: open.vaultId,
      };
    },
  });
}
