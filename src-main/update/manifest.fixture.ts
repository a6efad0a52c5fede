/**
 * Test data for the update tests: a manifest as electron-builder 26 writes latest-linux.yml, and a
 * helper to produce a self-signed TLS certificate for 127.0.0.1 with the openssl CLI.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What electron-builder 26 writes as latest-linux.yml: a two-file Linux manifest for 1.4.0. */
export const BUILDER_MANIFEST = `version: 1.4.0
files:
  - url: Zamok-1.4.0.AppImage
    sha512: 3q2+7w0Iu1Hwlx0Kx5b2ZqvVZb0aY3wHn0pTfXyqfY0d7Yl4Q0X1sA9bWm6kG2mS2Q8n4nqv8H3c5v3a0e0Zg==
    size: 123456789
    blockMapSize: 130000
  - url: zamok_1.4.0_amd64.deb
    sha512: 9Zt0cG6k2a1Qm0xGmR5Z3bX6m0tq4o7m8Y2s9kqv3d2h0Vn1Xy8cQ4c2s1b0a9Z8y7x6w5v4u3t2s1r0q9p8o7A==
    size: 98765432
path: Zamok-1.4.0.AppImage
sha512: 3q2+7w0Iu1Hwlx0Kx5b2ZqvVZb0aY3wHn0pTfXyqfY0d7Yl4Q0X1sA9bWm6kG2mS2Q8n4nqv8H3c5v3a0e0Zg==
releaseDate: '2026-11-20T10:00:00.000Z'
`;

/** The same after scripts/sign-update.mjs: bound to its channel file, valid until 2099. */
export const SAMPLE_MANIFEST = `${BUILDER_MANIFEST}zamokChannel: latest-linux
zamokExpires: '2099-12-31T00:00:00.000Z'
`;

/** What the app expects of a latest-linux.yml manifest checked at `now`. */
export const LINUX_CHANNEL = { channel: 'latest-linux', now: new Date('2026-12-01T00:00:00Z') };

/** A manifest for `version` with the same files as `SAMPLE_MANIFEST`. */
export function manifestFor(version: string): string {
  return SAMPLE_MANIFEST.replaceAll('1.4.0', version);
}

/**
 * Writes key.pem and cert.pem (EC P-256, CN and SAN 127.0.0.1, valid `days` days) into `dir` with
 * `openssl req -x509` (node:crypto cannot create X.509 certificates) and returns them as text.
 */
export function selfSignedCert(dir: string, days = 30): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
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
      key,
      '-out',
      cert,
      '-days',
      String(days),
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}
