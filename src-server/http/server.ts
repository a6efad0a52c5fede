/**
 * The office server's HTTP(S) front: reads a bounded JSON body, authenticates the bearer token for
 * routes that need it, calls the route, answers JSON, and writes one structured log line per
 * request. Plain HTTP is allowed on loopback only (tests, a reverse proxy on the same machine);
 * anywhere else it needs a certificate, whose SHA-256 fingerprint laptops pin (docs/SYNC.md).
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { authenticate } from '../devices';
import { OfficeError } from '../errors';
import type { Logger } from '../log';
import type { ServerContext } from '../office';
import { RateLimitedError } from '../rate-limit';
import { ROUTES } from './routes';

/** Largest request body read (a push of sealed changes); larger: 413, nothing stored. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Largest body of a call made before sign-in (enrolment, challenge, token). */
export const MAX_PUBLIC_BODY_BYTES = 64 * 1024;

/** A certificate and its private key (PEM), for HTTPS. */
export interface TlsFiles {
  cert: string;
  key: string;
}

/** Whether `host` is a loopback address or name. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** The SHA-256 fingerprint of a PEM certificate (colon-separated hex), as laptops pin it. */
export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

function readBody(request: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Answer 413 (the response closes the connection); the rest of the body is discarded.
        reject(new OfficeError('too_large', 'The request is too large.'));
        request.removeAllListeners('data');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size === 0) return resolve(undefined);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new OfficeError('invalid_input', 'The request body is not JSON.'));
      }
    });
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  retryAfter: number | null = null,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(status === 413 ? { connection: 'close' } : {}),
    ...(retryAfter === null ? {} : { 'retry-after': String(retryAfter) }),
  });
  response.end(text);
}

function bearer(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : null;
}

/**
 * Handles one request: route, limits (calls before sign-in, per address: ../rate-limit.ts), auth,
 * body, answer, log. A refused public call counts against its address's failure budget.
 */
async function handle(
  ctx: ServerContext,
  log: Logger,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const routeName = `${request.method ?? 'GET'} ${path}`;
  const route = ROUTES[routeName];
  const aborted = new AbortController();
  response.on('close', () => aborted.abort());
  let status = 200;
  let device: string | null = null;
  const limited = route !== undefined && !route.auth && route.open !== true;
  const address = request.socket.remoteAddress ?? 'unknown';
  try {
    if (!route) throw new OfficeError('not_found', 'No such endpoint.');
    if (limited) ctx.limits.admitAddress(address);
    const caller = route.auth ? await authenticate(ctx, bearer(request)) : null;
    device = caller?.deviceId ?? null;
    const body = await readBody(request, route.auth ? MAX_BODY_BYTES : MAX_PUBLIC_BODY_BYTES);
    const result = await route.handle({ ctx, caller, body, signal: aborted.signal });
    send(response, status, result);
  } catch (error) {
    if (error instanceof OfficeError) {
      status = error.status;
      const retryAfter = error instanceof RateLimitedError ? error.retryAfterSeconds : null;
      send(response, status, { error: { code: error.code, message: error.message } }, retryAfter);
      if (limited && status !== 429) ctx.limits.addressFailed(address);
    } else {
      status = 500;
      send(response, status, { error: { code: 'internal', message: 'The server failed.' } });
      log('error', {
        route: route ? routeName : 'unknown',
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
  log('request', {
    route: route ? routeName : 'unknown',
    status,
    ms: Math.round(performance.now() - started),
    device,
  });
}

/**
 * The office HTTP(S) server (not yet listening). Without `tls` it refuses to be created for a
 * non-loopback `host`: the protocol needs a pinned certificate on any real network.
 */
export function createOfficeServer(
  ctx: ServerContext,
  options: { host: string; tls?: TlsFiles; log: Logger },
): Server {
  const listener = (request: IncomingMessage, response: ServerResponse) =>
    void handle(ctx, options.log, request, response);
  if (options.tls)
    return createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener);
  if (!isLoopback(options.host)) {
    throw new OfficeError(
      'invalid_input',
      'Plain HTTP is allowed on loopback only: give a certificate.',
    );
  }
  return createHttpServer(listener);
}
