/**
 * Manifest signatures: what the app accepts from an update server. A test key pair is generated
 * here; the built-in key is only checked to be a usable Ed25519 key.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isUpdateError, type UpdateErrorCode } from './errors';
import { compareVersions, parseManifest, verifyManifest } from './manifest';
import { BUILDER_MANIFEST, LINUX_CHANNEL, SAMPLE_MANIFEST } from './manifest.fixture';
import { UPDATE_PUBLIC_KEY_PEM } from './public-key';

const repo = resolve(import.meta.dirname, '..', '..');
const release = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const publicPem = release.publicKey.export({ type: 'spki', format: 'pem' }).toString();

function signed(body: string, key = release.privateKey): string {
  return sign(null, Buffer.from(body), key).toString('base64');
}

function codeOf(fn: () => unknown): UpdateErrorCode | 'no error' | 'other error' {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return isUpdateError(err) ? err.code : 'other error';
  }
}

describe('verifyManifest', () => {
  it('accepts a manifest signed by the release key and reads version and files', () => {
    const manifest = verifyManifest(
      SAMPLE_MANIFEST,
      signed(SAMPLE_MANIFEST),
      publicPem,
      LINUX_CHANNEL,
    );
    expect(manifest.version).toBe('1.4.0');
    expect(manifest.releaseDate).toBe('2026-11-20T10:00:00.000Z');
    expect(manifest.files.map(f => [f.url, f.size])).toEqual([
      ['Zamok-1.4.0.AppImage', 123456789],
      ['zamok_1.4.0_amd64.deb', 98765432],
    ]);
  });

  it('rejects a manifest changed after signing (version, hash or one byte)', () => {
    const signature = signed(SAMPLE_MANIFEST);
    for (const tampered of [
      SAMPLE_MANIFEST.replace('version: 1.4.0', 'version: 9.9.9'),
      SAMPLE_MANIFEST.replace('3q2+', '3q2-'),
      `${SAMPLE_MANIFEST} `,
    ]) {
      expect(codeOf(() => verifyManifest(tampered, signature, publicPem, LINUX_CHANNEL))).toBe(
        'bad_signature',
      );
    }
  });

  it('rejects unsigned manifests and signatures by another key or of the wrong shape', () => {
    expect(codeOf(() => verifyManifest(SAMPLE_MANIFEST, null, publicPem, LINUX_CHANNEL))).toBe(
      'unsigned',
    );
    expect(codeOf(() => verifyManifest(SAMPLE_MANIFEST, ' \n', publicPem, LINUX_CHANNEL))).toBe(
      'unsigned',
    );
    const foreign = signed(SAMPLE_MANIFEST, stranger.privateKey);
    expect(codeOf(() => verifyManifest(SAMPLE_MANIFEST, foreign, publicPem, LINUX_CHANNEL))).toBe(
      'bad_signature',
    );
    for (const junk of ['not base64 at all!', Buffer.alloc(32).toString('base64'), '<html>']) {
      expect(codeOf(() => verifyManifest(SAMPLE_MANIFEST, junk, publicPem, LINUX_CHANNEL))).toBe(
        'bad_signature',
      );
    }
  });

  it('refuses a non-Ed25519 public key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(
      codeOf(() => verifyManifest(SAMPLE_MANIFEST, signed(SAMPLE_MANIFEST), pem, LINUX_CHANNEL)),
    ).toBe('bad_signature');
  });

  it('rejects a correctly signed manifest without a version or files', () => {
    for (const body of [
      'files:\n  - url: a\n    sha512: b\n',
      'version: 1.0.0\n',
      'version: [x\n',
    ]) {
      expect(codeOf(() => verifyManifest(body, signed(body), publicPem, LINUX_CHANNEL))).toBe(
        'malformed_manifest',
      );
    }
  });

  it('is bound to its channel and expires: another channel, an expired or an unbound manifest is refused', () => {
    const check = (body: string, expectation = LINUX_CHANNEL) =>
      codeOf(() => verifyManifest(body, signed(body), publicPem, expectation));
    expect(check(SAMPLE_MANIFEST)).toBe('no error');
    // Served as another channel's (or another OS's) manifest: a beta for stable users, a mac file.
    expect(check(SAMPLE_MANIFEST, { ...LINUX_CHANNEL, channel: 'latest-mac' })).toBe(
      'wrong_channel',
    );
    // Replayed after its expiry to freeze updates at an old release.
    const later = { ...LINUX_CHANNEL, now: new Date('2100-01-01T00:00:00Z') };
    expect(check(SAMPLE_MANIFEST, later)).toBe('manifest_expired');
    // Signed by the older script, without channel or expiry: replayable forever, so refused.
    expect(check(BUILDER_MANIFEST)).toBe('malformed_manifest');
    const badDate = SAMPLE_MANIFEST.replace('2099-12-31T00:00:00.000Z', 'soon');
    expect(check(badDate)).toBe('malformed_manifest');
  });

  it('reads the old single-file form (path + sha512)', () => {
    const bound = "zamokChannel: latest\nzamokExpires: '2099-01-01T00:00:00Z'\n";
    expect(parseManifest(`version: 2.0.0\npath: Zamok.exe\nsha512: abc\n${bound}`).files).toEqual([
      { url: 'Zamok.exe', sha512: 'abc' },
    ]);
  });

  it('has a usable Ed25519 key built in', () => {
    // The placeholder key verifies nothing we can sign (its private half is gone): updates fail closed.
    expect(
      codeOf(() =>
        verifyManifest(
          SAMPLE_MANIFEST,
          signed(SAMPLE_MANIFEST),
          UPDATE_PUBLIC_KEY_PEM,
          LINUX_CHANNEL,
        ),
      ),
    ).toBe('bad_signature');
  });
});

describe('compareVersions', () => {
  it('orders releases and pre-releases', () => {
    expect(compareVersions('1.4.0', '1.3.9')).toBe(1);
    expect(compareVersions('1.4.0', '1.4.0')).toBe(0);
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('2.0.0-beta.1', '2.0.0')).toBe(-1);
    expect(compareVersions('0.1.0', '0.2.0')).toBe(-1);
  });

  it('compares pre-release parts as SemVer does: numbers as numbers, numbers before words', () => {
    expect(compareVersions('2.0.0-beta.9', '2.0.0-beta.10')).toBe(-1);
    expect(compareVersions('2.0.0-beta.10', '2.0.0-beta.9')).toBe(1);
    expect(compareVersions('2.0.0-rc.1', '2.0.0-beta.11')).toBe(1);
    expect(compareVersions('2.0.0-alpha', '2.0.0-alpha.1')).toBe(-1);
    expect(compareVersions('2.0.0-alpha.1', '2.0.0-alpha.beta')).toBe(-1);
    expect(compareVersions('2.0.0-1', '2.0.0-alpha')).toBe(-1);
    expect(compareVersions('2.0.0-beta.2', '2.0.0-beta.02')).toBe(0);
    expect(compareVersions('2.0.0-rc.1', '2.0.0')).toBe(-1);
    // The SemVer 2.0.0 example order, each before the next.
    const order = ['alpha', 'alpha.1', 'alpha.beta', 'beta', 'beta.2', 'beta.11', 'rc.1'];
    for (let i = 1; i < order.length; i += 1) {
      expect(compareVersions(`1.0.0-${order[i - 1]}`, `1.0.0-${order[i]}`)).toBe(-1);
    }
  });
});

describe('scripts/sign-update.mjs', () => {
  it('writes a .sig the app accepts, with a key it generated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zamok-sign-'));
    try {
      const run = (...args: string[]) =>
        promisify(execFile)(process.execPath, [join(repo, 'scripts', 'sign-update.mjs'), ...args]);
      const keyFile = join(dir, 'release.pem');
      const generated = await run('--generate-key', keyFile);
      const pem = generated.stdout.slice(generated.stdout.indexOf('-----BEGIN PUBLIC KEY-----'));
      const manifest = join(dir, 'latest-linux.yml');
      await writeFile(manifest, BUILDER_MANIFEST);
      await run(manifest, '--key', keyFile, '--valid-days', '3');
      const signature = await readFile(`${manifest}.sig`, 'utf8');
      // The script binds the manifest to its channel file and to an expiry, inside the signature.
      const now = { ...LINUX_CHANNEL, now: new Date() };
      const body = await readFile(manifest);
      expect(verifyManifest(body, signature, pem, now).version).toBe('1.4.0');
      const in4Days = { ...now, now: new Date(Date.now() + 4 * 86_400_000) };
      expect(codeOf(() => verifyManifest(body, signature, pem, in4Days))).toBe('manifest_expired');
      // Signing again replaces the binding instead of adding a second one.
      await run(manifest, '--key', keyFile);
      const again = await readFile(manifest, 'utf8');
      expect(again.match(/^zamokExpires:/gm)).toHaveLength(1);
      // The script never overwrites an existing key.
      await expect(run('--generate-key', keyFile)).rejects.toMatchObject({ code: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
