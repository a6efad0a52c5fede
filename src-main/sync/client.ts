/**
 * The laptop's HTTP client for the office server: JSON in and out, a bearer token once signed in.
 * HTTPS is pinned to the SHA-256 fingerprint of the office's (self-signed) certificate: the TLS
 * handshake finishes and the fingerprint is compared before a single byte of the request is sent;
 * public certificate authorities are not consulted. Plain HTTP is refused except to a loopback
 * address (tests, a reverse proxy on the same machine).
 */
import { request, type IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';

/** Where the office server is, and the certificate fingerprint to pin (HTTPS). */
export interface OfficeEndpoint {
  url: string;
  fingerprint: string | null;
}

/** A refused or failed call: the server's error code, or a transport one. */
export class OfficeCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeCallError';
  }
}

/** Whether `host` is a loopback address or name. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** A fingerprint as compared: hex digits only, upper case. */
export function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/**
 * Checks an endpoint before first use: http(s) only, HTTPS needs a 64-hex-digit fingerprint,
 * plain HTTP only on loopback. Throws `OfficeCallError` (status 0) otherwise.
 */
export function checkEndpoint(endpoint: OfficeEndpoint): URL {
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    throw new OfficeCallError(0, 'bad_url', 'The office server address is not a URL.');
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new OfficeCallError(0, 'insecure', 'Plain HTTP is allowed to this computer only.');
    }
    return url;
  }
  if (url.protocol !== 'https:') {
    throw new OfficeCallError(0, 'bad_url', 'The office server address must be https://.');
  }
  if (!endpoint.fingerprint || normaliseFingerprint(endpoint.fingerprint).length !== 64) {
    throw new OfficeCallError(0, 'no_fingerprint', 'Give the certificate fingerprint (SHA-256).');
  }
  return url;
}

/** A TLS connection whose certificate matched the pin (else it is closed, nothing sent). */
function pinnedSocket(url: URL, fingerprint: string): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = connect({
      host,
      port: Number(url.port || 443),
      // The pin is the identity check: the certificate is self-signed, so no CA can vouch for it.
      rejectUnauthorized: false,
      ...(isIP(host) ? {} : { servername: host }),
    });
    socket.once('error', error => reject(new OfficeCallError(0, 'offline', error.message)));
    socket.once('secureConnect', () => {
      const seen = normaliseFingerprint(socket.getPeerCertificate().fingerprint256);
      if (seen !== normaliseFingerprint(fingerprint)) {
        socket.destroy();
        reject(
          new OfficeCallError(
            0,
            'certificate_mismatch',
            'The server certificate is not the pinned one.',
          ),
        );
        return;
      }
      resolve(socket);
    });
  });
}

function readAnswer(response: IncomingMessage): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    response.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null });
      } catch {
        reject(
          new OfficeCallError(response.statusCode ?? 0, 'bad_answer', 'The answer is not JSON.'),
        );
      }
    });
  });
}

/**
 * One call to the office server; resolves to the answer body, or throws `OfficeCallError`
 * (`aborted` when `signal` fires first).
 */
export async function officeCall<T>(
  endpoint: OfficeEndpoint,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token?: string,
  signal?: AbortSignal,
): Promise<T> {
  const url = checkEndpoint(endpoint);
  const socket =
    url.protocol === 'https:' ? await pinnedSocket(url, endpoint.fingerprint ?? '') : null;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const answer = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || (socket ? 443 : 80)),
        path,
        method,
        // `agent: false` would make Node ignore `createConnection` (a plain TCP connection to
        // the TLS port: "socket hang up"); the pinned socket is used only without an agent.
        ...(socket ? { createConnection: () => socket } : { agent: false }),
        headers: {
          'content-type': 'application/json',
          ...(text === undefined ? {} : { 'content-length': Buffer.byteLength(text) }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      response => readAnswer(response).then(resolve, reject),
    );
    req.on('error', error => reject(new OfficeCallError(0, 'offline', error.message)));
    // An aborted call (a long poll cut short) ends its request: nothing more is read.
    const abort = () => {
      req.destroy();
      reject(new OfficeCallError(0, 'aborted', 'The call was cancelled.'));
    };
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    req.on('close', () => signal?.removeEventListener('abort', abort));
    req.end(text);
  });
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
  throw new OfficeCallError(
    answer.status,
    error?.code ?? 'failed',
    error?.message ?? 'The office server refused.',
  );
}
