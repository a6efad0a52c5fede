/**
 * The browser test host's document transfer route: the bytes of a document upload or download,
 * streamed, never through the JSON call endpoint. It only honours tickets that a documents channel
 * issued (after its permission check, and for exports its audit entry) and needs the same
 * per-launch token as every call. Upload: `PUT /api/documents/upload/<ticket>` with the file as the
 * body → `Result<{ size }>`. Download: `GET /api/documents/download/<ticket>` → the verified bytes.
 * A download that fails its integrity check midway is cut off (the client sees a failed fetch,
 * never a complete-looking file).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallError, Result } from '../../src-shared/ipc/contract';
import { documentTransfers, isDocumentError, type TransferRegistry } from '../crm/documents';
import { RecordError } from '../crm/record/errors';

/** URL prefix of the transfer route. */
export const DOCUMENTS_ROUTE_PREFIX = '/api/documents/';

const TICKET = /^[A-Za-z0-9_-]{43}$/u;
const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function reply(res: ServerResponse, status: number, body: Result<unknown>): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, JSON_HEADERS);
  res.end(JSON.stringify(body));
}

function failure(error: CallError): Result<never> {
  return { ok: false, error };
}

function errorOf(err: unknown): { status: number; error: CallError } {
  // Document uploads and the import wizard's uploads (src-main/import/uploads.ts) share tickets.
  if (isDocumentError(err) || err instanceof RecordError) {
    const status = err.code === 'not_found' ? 404 : err.code === 'invalid_input' ? 400 : 422;
    const error: CallError = { code: err.code, message: err.message };
    if (err.details !== undefined) error.details = err.details;
    return { status, error };
  }
  return { status: 500, error: { code: 'internal', message: 'The transfer failed.' } };
}

/** A header value safe for Content-Disposition: ASCII fallback plus the RFC 5987 UTF-8 name. */
function disposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Serves one transfer request. The caller has checked the Host header; `authorized` checks the
 * per-launch token (constant time).
 */
export async function handleDocumentTransfer(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  authorized: (req: IncomingMessage) => boolean,
  transfers: TransferRegistry = documentTransfers,
): Promise<void> {
  if (!authorized(req)) {
    req.resume();
    return reply(
      res,
      401,
      failure({ code: 'unauthenticated', message: 'Missing or wrong token.' }),
    );
  }
  const [kind, ticket, ...rest] = path.slice(DOCUMENTS_ROUTE_PREFIX.length).split('/');
  const unknown = failure({
    code: 'not_found',
    message: 'The transfer expired or was already used. Try again.',
    details: { reason: 'ticket_unknown' },
  });
  if (rest.length > 0 || !ticket || !TICKET.test(ticket)) {
    req.resume();
    return reply(res, 404, unknown);
  }
  if (kind === 'upload' && req.method === 'PUT') {
    const upload = transfers.take(ticket, 'upload');
    if (!upload) {
      req.resume();
      return reply(res, 404, unknown);
    }
    try {
      const value = await upload.receive(req);
      return reply(res, 200, { ok: true, value });
    } catch (err) {
      req.resume();
      const { status, error } = errorOf(err);
      return reply(res, status, failure(error));
    }
  }
  if (kind === 'download' && req.method === 'GET') {
    req.resume();
    const download = transfers.take(ticket, 'download');
    if (!download) return reply(res, 404, unknown);
    let stream;
    try {
      stream = await download.open();
    } catch (err) {
      const { status, error } = errorOf(err);
      return reply(res, status, failure(error));
    }
    res.writeHead(200, {
      'Content-Type': download.mimeType,
      'Content-Length': String(download.size),
      'Content-Disposition': disposition(download.disposition, download.fileName),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // Served bytes are data, never a page: no scripts even if opened directly.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return;
  }
  req.resume();
  return reply(res, 405, failure({ code: 'invalid_input', message: 'Method not allowed.' }));
}
