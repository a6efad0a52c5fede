/**
 * The browser test host: serves the built renderer and the same router as the Electron app over HTTP,
 * on 127.0.0.1 only, to a page that knows the random per-launch token. Dev and test only: excluded
 * from the packaged app (electron-builder.yml `files`, checked by packaging.test.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../src-shared/ipc/contract';
import {
  STATIC_SECURITY_HEADERS,
  contentTypeFor,
  resolveStaticFile,
} from '../electron/static-files';
import { MAX_INPUT_BYTES, type Router } from '../ipc';
import { DOCUMENTS_ROUTE_PREFIX, handleDocumentTransfer } from './documents-route';

/** Path of the single API endpoint: `POST {channel, input}` → `Result`. */
export const CALL_PATH = '/api/call';
/** Largest request body: the router's input cap plus room for the envelope. */
export const MAX_BODY_BYTES = MAX_INPUT_BYTES + 64 * 1024;

/** What `createPreviewServer` needs. */
export interface PreviewServerOptions {
  router: Router;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

/** A running preview host. */
export interface PreviewServer {
  /** `http://127.0.0.1:PORT/#token=TOKEN`: open this. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** Starts the host on 127.0.0.1 with a fresh 32-byte token. */
export async function createPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = randomBytes(32).toString('base64url');
  const tokenDigest = sha256(`Bearer ${token}`);
  let expectedHost = '';

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // Never echo the error: answer a bare 500 if nothing was sent yet.
      if (!res.headersSent) res.writeHead(500, API_HEADERS);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: a page on evil.example resolving to 127.0.0.1 sends its own Host.
    if (req.headers.host !== expectedHost) return plain(res, 403, 'Forbidden host.');
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (path.startsWith(DOCUMENTS_ROUTE_PREFIX)) {
      return handleDocumentTransfer(req, res, path, r =>
        timingSafeEqual(sha256(r.headers.authorization ?? ''), tokenDigest),
      );
    }
    if (path === CALL_PATH || path.startsWith('/api/')) {
      if (path !== CALL_PATH) return plain(res, 404, 'Not found.');
      return handleCall(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return plain(res, 405, 'Method not allowed.');
    const found = await resolveStaticFile(options.staticDir, path);
    if (found.kind === 'forbidden') return plain(res, 403, 'Forbidden.');
    if (found.kind === 'not_found') {
      return plain(res, 404, 'Not found. (Was the renderer built? npm run build:renderer)');
    }
    res.writeHead(200, {
      ...STATIC_SECURITY_HEADERS,
      'Content-Type': contentTypeFor(found.path),
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return plain(res, 405, 'Method not allowed.');
    if (!timingSafeEqual(sha256(req.headers.authorization ?? ''), tokenDigest)) {
      req.resume();
      return plain(res, 401, 'Missing or wrong token.');
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      return plain(res, 415, 'Send application/json.');
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too_large') {
      return json(res, 413, invalid('The request is too large.'), true);
    }
    let envelope: unknown;
    try {
      envelope = JSON.parse(body);
    } catch {
      return json(res, 400, invalid('The request is not valid JSON.'));
    }
    if (
      typeof envelope !== 'object' ||
      envelope === null ||
      Array.isArray(envelope) ||
      !Object.hasOwn(envelope, 'channel') ||
      typeof (envelope as { channel: unknown }).channel !== 'string'
    ) {
      return json(res, 400, invalid('Send { channel, input }.'));
    }
    const { channel } = envelope as { channel: string };
    const input = Object.hasOwn(envelope, 'input')
      ? (envelope as { input: unknown }).input
      : undefined;
    const result = await options.router.call(channel, input, { host: 'preview' });
    return json(res, 200, result);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `${LOOPBACK}:${port}`;
  const origin = `http://${expectedHost}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>(resolveClose => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function invalid(message: string): Result<never> {
  return { ok: false, error: { code: 'invalid_input', message } };
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(message);
}

function json(res: ServerResponse, status: number, body: Result<unknown>, close = false): void {
  res.writeHead(status, close ? { ...API_HEADERS, Connection: 'close' } : API_HEADERS);
  res.end(JSON.stringify(body));
}

/** Reads a UTF-8 body up to `limit` bytes; stops reading (and says so) past it. */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve('too_large');
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolveBody('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
