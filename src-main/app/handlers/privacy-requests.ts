/**
 * Handlers of subject access (`privacy.listRequests`, `createRequest`, `updateRequest`,
 * `exportSubject`, `exportSubjectFile`). The router has checked privacy.read / privacy.manage.
 * Exports are audited on the contact with the section counts (never contents); the ZIP goes back
 * bounded in memory (the app) or straight to a file written 0600 through a temporary name (CLI).
 */
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { REPORT_FILE_MAX_BYTES } from '../../../src-shared/ipc/reports';
import type { privacyContract } from '../../../src-shared/privacy/contract';
import type { PrivacyRequest } from '../../../src-shared/privacy';
import { openDocumentStream } from '../../crm/documents';
import { CallFailure, requireSession, type HandlerContext, type Handlers } from '../../ipc';
import {
  collectSubject,
  createRequest,
  listRequests,
  subjectCounts,
  updateRequest,
  writeSubjectZip,
  type OpenDocument,
} from '../../privacy/dsar';
import { vaultPaths } from '../../vault/files';
import { entityAudit, requireVault, target, type RecordHandlerDeps } from './kit';

type PrivacyHandlers = Handlers<{ privacy: typeof privacyContract }>['privacy'];
/** The subject access part of the `privacy` handlers. */
export type RequestHandlers = Pick<
  PrivacyHandlers,
  'listRequests' | 'createRequest' | 'updateRequest' | 'exportSubject' | 'exportSubjectFile'
>;

/** The audit entity type of subject requests. */
export const REQUEST_ENTITY = 'privacy_request';

function requestAuditView(r: PrivacyRequest): Record<string, unknown> {
  return { contactId: r.contactId, kind: r.kind, dueAt: r.dueAt, status: r.status, note: r.note };
}

/** The subject access channels' handlers. */
export function requestHandlers(deps: RecordHandlerDeps): RequestHandlers {
  const now = deps.now ?? (() => new Date());
  const vault = () => requireVault(deps);
  const { target: targetRequest, record } = entityAudit(REQUEST_ENTITY, requestAuditView);

  /** Collects the person (audited on the contact) and an opener for their documents' files. */
  async function subject(ctx: HandlerContext, contactId: string) {
    target(ctx, 'contact', contactId);
    const open = vault();
    const requests = (await listRequests(open.db, now())).items.filter(
      r => r.contactId === contactId,
    );
    const data = await collectSubject(open.db, contactId, requests, now());
    const attachmentsDir = vaultPaths(open.dir).attachments;
    const openDocument: OpenDocument = async doc => {
      const row = await open.db
        .selectFrom('documents')
        .select('file_key')
        .where('id', '=', doc.id)
        .executeTakeFirstOrThrow();
      if (!row.file_key) throw new CallFailure('conflict', 'A document of this person is gone.');
      const key = Buffer.from(row.file_key);
      try {
        return await openDocumentStream({
          attachmentsDir,
          id: doc.id,
          key,
          size: doc.size,
          sha256: doc.sha256,
        });
      } finally {
        key.fill(0);
      }
    };
    const counts = subjectCounts(data);
    return { data, openDocument, counts };
  }

  return {
    listRequests: async () => listRequests(vault().db, now()),
    createRequest: async (ctx, input) =>
      record(
        ctx,
        await createRequest(vault().db, requireSession(ctx).userId, input.request, now()),
      ),
    updateRequest: async (ctx, input) => {
      targetRequest(ctx, input.id);
      return record(ctx, await updateRequest(vault().db, input.id, input.patch, now()));
    },
    exportSubject: async (ctx, input) => {
      const { data, openDocument, counts } = await subject(ctx, input.contactId);
      const chunks: Uint8Array[] = [];
      let size = 0;
      await writeSubjectZip(data, input.lang, openDocument, chunk => {
        size += chunk.length;
        // base64 grows by a third: the bound is on what goes back over the bridge.
        if ((size * 4) / 3 > REPORT_FILE_MAX_BYTES) {
          throw new CallFailure(
            'conflict',
            'The export is too large to open here; use the zamok CLI.',
          );
        }
        chunks.push(chunk);
      });
      ctx.audit.details = { lang: input.lang, format: 'zip', ...counts };
      return {
        fileName: `subject-${input.contactId}.zip`,
        mimeType: 'application/zip',
        base64: Buffer.concat(chunks).toString('base64'),
        counts,
      };
    },
    exportSubjectFile: async (ctx, input) => {
      const { data, openDocument, counts } = await subject(ctx, input.contactId);
      const out = resolve(input.out);
      const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
      rmSync(tmp, { force: true });
      const file = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
      let bytes = 0;
      try {
        await writeSubjectZip(
          data,
          input.lang,
          openDocument,
          chunk => {
            bytes += chunk.length;
            file.write(chunk);
          },
          () =>
            file.writableNeedDrain ? once(file, 'drain').then(() => undefined) : Promise.resolve(),
        );
        await new Promise<void>((done, fail) => {
          file.on('error', fail);
          file.end(done);
        });
        renameSync(tmp, out);
      } catch (error) {
        file.destroy();
        rmSync(tmp, { force: true });
        throw error;
      }
      ctx.audit.details = { lang: input.lang, format: 'zip', bytes, ...counts };
      return { out, bytes, counts };
    },
  };
}
