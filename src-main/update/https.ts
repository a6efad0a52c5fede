/**
 * HTTPS for the update channel: fetch a small file (manifest, signature) and read the server
 * certificate's expiry for the security check. HTTPS only, no redirects, bounded size and time.
 */
import { get, type RequestOptions } from 'node:https';
import { connect, type PeerCertificate } from 'node:tls';
import { UpdateError } from './errors';

/** Options shared by the update channel's HTTPS calls. */
export interface HttpsOptions {
  /** Extra trusted CA certificates (PEM). Tests pass their self-signed certificate here. */
  ca?: string | Buffer;
  timeoutMs?: number;
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Parses `url` and refuses anything but `https:`. */
export function httpsUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (err) {
    throw new UpdateError('insecure_url', 'The update address is not a valid URL.', { cause: err });
  }
  if (parsed.protocol !== 'https:') {
    throw new UpdateError('insecure_url', 'The update address must start with https://.');
  }
  return parsed;
}

function tlsProblem(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME|ALTNAME/.test(code);
}

/**
 * GETs `url` over HTTPS. Resolves to the body, or null on 404 (a missing signature file is
 * "unsigned", not a network failure). Other statuses, redirects, oversize bodies, TLS and network
 * failures throw `UpdateError`.
 */
export function fetchHttps(url: string, opts: HttpsOptions = {}): Promise<Buffer | null> {
  const target = httpsUrl(url);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const options: RequestOptions = {
    timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    headers: { 'Cache-Control': 'no-cache' },
    ...(opts.ca ? { ca: opts.ca } : {}),
  };
  return new Promise((resolve, reject) => {
    const request = get(target, options, response => {
      const status = response.statusCode ?? 0;
      if (status === 404) {
        response.resume();
        resolve(null);
        return;
      }
      if (status !== 200) {
        response.resume();
        reject(new UpdateError('http_status', `The update server answered HTTP ${status}.`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          request.destroy();
          reject(new UpdateError('too_large', `The update file is larger than ${maxBytes} bytes.`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', err =>
        reject(new UpdateError('network', 'The update download was interrupted.', { cause: err })),
      );
    });
    request.on('timeout', () => {
      request.destroy(new UpdateError('network', 'The update server did not answer in time.'));
    });
    request.on('error', err => {
      if (err instanceof UpdateError) reject(err);
      else if (tlsProblem(err)) {
        reject(
          new UpdateError('tls', 'The update server’s certificate is not trusted.', { cause: err }),
        );
      } else
        reject(new UpdateError('network', 'The update server cannot be reached.', { cause: err }));
    });
  });
}

/**
 * The valid-to date of the certificate `url`'s server presents (for the security check). Reads the
 * certificate even when it is not trusted, so an expired or self-signed one is still reported.
 */
export function certificateExpiry(url: string, opts: HttpsOptions = {}): Promise<Date> {
  const target = httpsUrl(url);
  const port = target.port ? Number(target.port) : 443;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(opts.ca ? { ca: opts.ca } : {}),
    });
    socket.once('secureConnect', () => {
      const cert: PeerCertificate = socket.getPeerCertificate();
      socket.end();
      const validTo = new Date(cert.valid_to);
      if (!cert.valid_to || Number.isNaN(validTo.getTime())) {
        reject(new UpdateError('tls', 'The update server sent no certificate.'));
      } else resolve(validTo);
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new UpdateError('network', 'The update server did not answer in time.'));
    });
    socket.once('error', err =>
      reject(new UpdateError('network', 'The update server cannot be reached.', { cause: err })),
    );
  });
}
