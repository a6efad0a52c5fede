/**
 * The HTTP front on its own: HTTPS with a self-signed certificate a client pins by fingerprint,
 * plain HTTP refused off loopback, and log lines that carry routing facts only (no body, token,
 * code or sealed bytes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerCertificate } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db';
import { migrateServer } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { jsonLogger } from '../log';
import { loadOffice, type ServerContext } from '../office';
import { certificateFingerprint, createOfficeServer, isLoopback } from './server';

let db: Db;
let ctx: ServerContext;
const dir = mkdtempSync(join(tmpdir(), 'zamok-office-tls-'));

beforeAll(async () => {
  db = await openPglite(null);
  await migrateServer(db);
  ctx = await loadOffice(db);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=zamok-office',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
}, 120_000);
afterAll(async () => db.close());

/** GET over HTTPS, trusting only a certificate with the pinned SHA-256 fingerprint. */
function pinnedGet(
  port: number,
  path: string,
  cert: string,
  pin: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        // The self-signed certificate is its own CA; the pin is the identity check. A fresh
        // connection each time (no pooled socket skips the handshake and so the pin).
        ca: cert,
        agent: false,
        checkServerIdentity: (_host: string, peer: PeerCertificate) =>
          peer.fingerprint256 === pin ? undefined : new Error('certificate fingerprint mismatch'),
      },
      response => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('office HTTP front', () => {
  it('refuses plain HTTP off loopback', () => {
    expect(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0') || isLoopback('192.168.1.10')).toBe(false);
    expect(() => createOfficeServer(ctx, { host: '0.0.0.0', log: () => undefined })).toThrow(
      /loopback only/,
    );
  });

  it('serves HTTPS that a client pins by fingerprint, and logs routing facts only', async () => {
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const lines: string[] = [];
    const server = createOfficeServer(ctx, {
      host: '0.0.0.0',
      tls: { cert, key },
      log: jsonLogger(line => lines.push(line)),
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      const pin = certificateFingerprint(cert);
      const health = await pinnedGet(port, '/v1/health', cert, pin);
      expect(health).toEqual({
        status: 200,
        body: JSON.stringify({ status: 'ok', engine: 'pglite', officeId: ctx.officeId }),
      });
      await expect(pinnedGet(port, '/v1/health', cert, pin.replace(/^../, '00'))).rejects.toThrow(
        /fingerprint mismatch/,
      );
      const secretToken = 'c2VjcmV0LXRva2Vu.bWFj';
      const plain = await fetch(`http://127.0.0.1:${port}/v1/health`).catch(() => null);
      expect(plain).toBeNull();
      await new Promise<void>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/v1/pull',
            method: 'POST',
            rejectUnauthorized: false,
            headers: { authorization: `Bearer ${secretToken}` },
          },
          response => {
            expect(response.statusCode).toBe(401);
            response.resume();
            response.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end('{"cursors":[{"partitionId":"Олена-Коваль","after":0}]}');
      });
    } finally {
      await new Promise<void>(resolve => server.close(() => resolve()));
    }
    const logged = lines.map(line => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map(l => [l.event, l.route, l.status])).toEqual([
      ['request', 'GET /v1/health', 200],
      ['request', 'POST /v1/pull', 401],
    ]);
    for (const entry of logged) {
      expect(Object.keys(entry).sort()).toEqual([
        'device',
        'event',
        'ms',
        'route',
        'status',
        'time',
      ]);
    }
    expect(lines.join('')).not.toMatch(/Олена|c2VjcmV0|Bearer/);
  });
});
