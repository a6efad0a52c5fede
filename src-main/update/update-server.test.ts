/**
 * The update workflow against a real HTTPS server on 127.0.0.1 (self-signed certificate made with
 * openssl at test time, trusted through the `ca` option like a pinned CA would be). The server
 * serves good, tampered, unsigned and foreign-key manifests; only the good one may reach the
 * engine (electron-updater's stand-in) and be installed, and only after a successful backup.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateExpiry } from './https';
import { SAMPLE_MANIFEST, manifestFor, selfSignedCert } from './manifest.fixture';
import { parseManifest } from './manifest';
import {
  createUpdateService,
  type EngineRelease,
  type UpdateEngine,
  type UpdateServiceOptions,
} from './service';

const CHANNEL = 'latest-linux.yml';
const release = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const publicKey = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const sig = (body: string, key = release.privateKey) =>
  `${sign(null, Buffer.from(body), key).toString('base64')}\n`;

/** The current release's manifest, signed long ago and replayed after its expiry. */
const EXPIRED = manifestFor('1.0.0').replace('2099-12-31', '2020-01-01');
/** A manifest signed for the macOS channel file, served in place of the Linux one. */
const MAC = SAMPLE_MANIFEST.replace('zamokChannel: latest-linux', 'zamokChannel: latest-mac');

/** path → body; anything else is 404. */
const files = new Map<string, string>([
  [`/good/${CHANNEL}`, SAMPLE_MANIFEST],
  [`/good/${CHANNEL}.sig`, sig(SAMPLE_MANIFEST)],
  [`/tampered/${CHANNEL}`, SAMPLE_MANIFEST.replace('3q2+', 'EVIL')],
  [`/tampered/${CHANNEL}.sig`, sig(SAMPLE_MANIFEST)],
  [`/unsigned/${CHANNEL}`, SAMPLE_MANIFEST],
  [`/foreign/${CHANNEL}`, SAMPLE_MANIFEST],
  [`/foreign/${CHANNEL}.sig`, sig(SAMPLE_MANIFEST, stranger.privateKey)],
  [`/old/${CHANNEL}`, manifestFor('0.0.9')],
  [`/old/${CHANNEL}.sig`, sig(manifestFor('0.0.9'))],
  [`/expired/${CHANNEL}`, EXPIRED],
  [`/expired/${CHANNEL}.sig`, sig(EXPIRED)],
  [`/mac/${CHANNEL}`, MAC],
  [`/mac/${CHANNEL}.sig`, sig(MAC)],
]);

let dir = '';
let cert = '';
let server: Server;
let base = '';
const requested: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zamok-update-'));
  const tls = selfSignedCert(dir, 30);
  cert = tls.cert;
  server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    requested.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'text/yaml' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise(done => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

/** electron-updater's stand-in: sees the release the server's manifest describes. */
function fakeEngine(seen: EngineRelease | null = parseManifest(SAMPLE_MANIFEST)) {
  const calls: string[] = [];
  const engine: UpdateEngine = {
    setFeedUrl: url => void calls.push(`feed ${url}`),
    check: async () => (calls.push('check'), seen),
    download: async () => void calls.push('download'),
    quitAndInstall: () => void calls.push('install'),
  };
  return { engine, calls };
}

function service(folder: string, extra: Partial<UpdateServiceOptions> = {}) {
  const { engine, calls } = fakeEngine();
  const backups: string[] = [];
  const svc = createUpdateService({
    feedUrl: `${base}/${folder}`,
    currentVersion: '1.0.0',
    channelFile: CHANNEL,
    publicKey,
    engine,
    backupNow: async () => (backups.push('backup'), { ok: true }),
    https: { ca: cert },
    ...extra,
  });
  return { svc, calls, backups };
}

describe('update channel over HTTPS', () => {
  it('accepts a signed manifest, then lets the engine download the same release', async () => {
    const { svc, calls } = service('good');
    expect(await svc.check()).toEqual({ state: 'ready', version: '1.4.0', consented: false });
    expect(calls).toEqual([`feed ${base}/good/`, 'check', 'download']);
  });

  it.each([
    ['tampered', 'bad_signature'],
    ['unsigned', 'unsigned'],
    ['foreign', 'bad_signature'],
  ])('rejects a %s manifest (%s) before the engine sees anything', async (folder, code) => {
    const { svc, calls } = service(folder);
    expect(await svc.check()).toMatchObject({ state: 'error', code });
    expect(calls).toEqual([]);
  });

  it.each([
    ['expired', 'manifest_expired'],
    ['mac', 'wrong_channel'],
  ])(
    'says so when the manifest is an %s copy (%s), instead of "up to date"',
    async (folder, code) => {
      const { svc, calls } = service(folder);
      expect(await svc.check()).toMatchObject({ state: 'error', code });
      expect(calls).toEqual([]);
    },
  );

  it('ignores a correctly signed older release (replay / downgrade)', async () => {
    const { svc, calls } = service('old');
    expect(await svc.check()).toMatchObject({ state: 'up_to_date' });
    expect(calls).toEqual([]);
  });

  it('refuses to download when the engine sees a release other than the signed one', async () => {
    const other = parseManifest(SAMPLE_MANIFEST.replaceAll('3q2+', 'XXXX'));
    const { engine, calls } = fakeEngine(other);
    const { svc } = service('good', { engine });
    expect(await svc.check()).toMatchObject({ state: 'error', code: 'manifest_mismatch' });
    expect(calls).not.toContain('download');
  });

  it('refuses an untrusted certificate and a plain-http address', async () => {
    expect(await service('good', { https: {} }).svc.check()).toMatchObject({
      state: 'error',
      code: 'tls',
    });
    const plain = service('good', { feedUrl: `http://127.0.0.1:1/good` });
    expect(await plain.svc.check()).toMatchObject({ state: 'error', code: 'insecure_url' });
  });

  it('is off without an address and checks on start, then daily', async () => {
    const off = service('good', { feedUrl: undefined });
    off.svc.start();
    expect(await off.svc.check()).toEqual({ state: 'disabled' });
    let scheduled: { fn: () => void; ms: number } | undefined;
    const { svc } = service('old', {
      timers: {
        setInterval: (fn, ms) => (scheduled = { fn, ms }),
        clearInterval: () => (scheduled = undefined),
      },
    });
    const before = requested.length;
    svc.start();
    expect(scheduled?.ms).toBe(24 * 60 * 60 * 1000);
    await svc.check();
    scheduled?.fn();
    await svc.check();
    expect(requested.slice(before).filter(u => u === `/old/${CHANNEL}`).length).toBeGreaterThan(1);
    svc.stop();
    expect(scheduled).toBeUndefined();
  });
});

describe('install on quit', () => {
  it('installs only after the user agreed and a backup succeeded', async () => {
    const { svc, calls, backups } = service('good');
    await svc.check();
    expect(svc.wantsInstallOnQuit()).toBe(false);
    expect(await svc.installOnQuit()).toMatchObject({ installed: false });
    expect(backups).toEqual([]);
    expect(svc.consent()).toBe(true);
    expect(svc.wantsInstallOnQuit()).toBe(true);
    expect(await svc.installOnQuit()).toEqual({ installed: true });
    expect(backups).toEqual(['backup']);
    expect(calls.at(-1)).toBe('install');
  });

  it('does not install when the backup fails, and says why', async () => {
    const { svc, calls } = service('good', {
      backupNow: async () => ({ ok: false, reason: 'The backup drive is not connected.' }),
    });
    await svc.check();
    svc.consent();
    const result = await svc.installOnQuit();
    expect(result).toEqual({
      installed: false,
      reason: 'The update to 1.4.0 was not installed: The backup drive is not connected.',
    });
    expect(svc.status()).toMatchObject({ state: 'install_refused' });
    expect(calls).not.toContain('install');
  });
});

describe('certificateExpiry', () => {
  it('reports the update server certificate’s valid-to date, trusted or not', async () => {
    for (const opts of [{ ca: cert }, {}]) {
      const validTo = await certificateExpiry(`${base}/good/`, opts);
      const days = (validTo.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29);
      expect(days).toBeLessThan(31);
    }
  });

  it('fails with a typed error when nothing listens', async () => {
    await expect(certificateExpiry('https://127.0.0.1:9/')).rejects.toMatchObject({
      code: 'network',
    });
  });
});
