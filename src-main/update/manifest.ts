/**
 * Signed update manifests. electron-builder writes `latest*.yml` (electron-updater's generic
 * provider format); scripts/sign-update.mjs signs its exact bytes with the release Ed25519 key and
 * writes `latest*.yml.sig` (base64). The app verifies with the public half built in
 * (public-key.ts) before electron-updater may download anything.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { UpdateError } from './errors';

export { compareVersions } from './version';

/** One installer listed in a manifest. */
export interface ManifestFile {
  url: string;
  /** base64 SHA-512 of the installer; electron-updater checks the download against it. */
  sha512: string;
  size?: number;
}

/** The fields of a verified manifest the app relies on. */
export interface VerifiedManifest {
  version: string;
  files: ManifestFile[];
  releaseDate?: string;
  /** The channel file it was signed for (`latest-linux`, `beta-mac`, …: `zamokChannel`). */
  channel: string;
  /** ISO time after which it is refused (`zamokExpires`). */
  expires: string;
}

/** What the app expects of a manifest: its own channel, and a time before the expiry. */
export interface ManifestExpectation {
  /** The channel file's name without `.yml` (see {@link channelOf}). */
  channel: string;
  now: Date;
}

/** The channel a manifest file serves: `latest-linux.yml` → `latest-linux`. */
export function channelOf(channelFile: string): string {
  return channelFile.replace(/\.yml$/, '');
}

const SIGNATURE_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function publicKeyOf(key: string | KeyObject): KeyObject {
  const object = typeof key === 'string' ? createPublicKey(key) : key;
  if (object.asymmetricKeyType !== 'ed25519') {
    throw new UpdateError('bad_signature', 'The update public key is not an Ed25519 key.');
  }
  return object;
}

/**
 * Checks `signature` (base64 text of `latest*.yml.sig`, or null when the server has none) over the
 * exact bytes of `body`, then parses the manifest and checks, inside the signed bytes, that it was
 * signed for `expect.channel` and has not expired at `expect.now`. A server (or a man in the middle
 * of a compromised mirror) therefore cannot serve another channel's manifest, nor replay an old one
 * for ever to keep the app on an old release. Throws `UpdateError` `unsigned`, `bad_signature`,
 * `malformed_manifest`, `wrong_channel` or `manifest_expired`; never returns an unverified manifest.
 */
export function verifyManifest(
  body: Buffer | string,
  signature: Buffer | string | null,
  publicKey: string | KeyObject,
  expect: ManifestExpectation,
): VerifiedManifest {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const text = (signature === null ? '' : signature.toString()).trim();
  if (text === '') throw new UpdateError('unsigned', 'The update manifest is not signed.');
  const raw = BASE64.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
  if (raw.length !== SIGNATURE_BYTES) {
    throw new UpdateError('bad_signature', 'The update signature is not an Ed25519 signature.');
  }
  if (!verify(null, bytes, publicKeyOf(publicKey), raw)) {
    throw new UpdateError(
      'bad_signature',
      'The update manifest does not match its signature (tampered, or signed with another key).',
    );
  }
  const manifest = parseManifest(bytes.toString('utf8'));
  if (manifest.channel !== expect.channel) {
    throw new UpdateError('wrong_channel', 'The update manifest was signed for another channel.');
  }
  if (Date.parse(manifest.expires) <= expect.now.getTime()) {
    throw new UpdateError('manifest_expired', 'The update manifest has expired (an old copy).');
  }
  return manifest;
}

function scalar(value: string): string {
  const v = value.trim();
  if (
    v.length >= 2 &&
    ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith('"') && v.endsWith('"')))
  ) {
    return v.slice(1, -1);
  }
  return v;
}

/**
 * Reads the subset of electron-builder's manifest YAML the app needs: top-level `version`,
 * `releaseDate`, `path`/`sha512`, the `files` list of `url`/`sha512`/`size` maps, and the
 * `zamokChannel` / `zamokExpires` lines the signing script adds (required).
 * Only ever called on verified bytes; anything unexpected is `malformed_manifest`.
 */
export function parseManifest(text: string): VerifiedManifest {
  const top = new Map<string, string>();
  const files: Partial<ManifestFile>[] = [];
  let inFiles = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const item = /^\s+-\s+(\w+):\s*(.*)$/.exec(line);
    const field = /^\s+(\w+):\s*(.*)$/.exec(line);
    const key = /^(\w+):\s*(.*)$/.exec(line);
    if (inFiles && item?.[1] && item[2] !== undefined) {
      files.push({});
      setFileField(files, item[1], scalar(item[2]));
    } else if (inFiles && field?.[1] && field[2] !== undefined && files.length > 0) {
      setFileField(files, field[1], scalar(field[2]));
    } else if (key?.[1] && key[2] !== undefined) {
      inFiles = key[1] === 'files' && key[2].trim() === '';
      if (!inFiles) top.set(key[1], scalar(key[2]));
    } else {
      throw new UpdateError('malformed_manifest', 'The update manifest has an unexpected line.');
    }
  }
  const version = top.get('version') ?? '';
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new UpdateError('malformed_manifest', 'The update manifest has no valid version.');
  }
  const path = top.get('path');
  const sha = top.get('sha512');
  if (files.length === 0 && path && sha) files.push({ url: path, sha512: sha });
  if (files.length === 0 || files.some(f => !f.url || !f.sha512)) {
    throw new UpdateError('malformed_manifest', 'The update manifest lists no complete file.');
  }
  // Written by scripts/sign-update.mjs; a manifest without them is replayable for ever.
  const channel = top.get('zamokChannel') ?? '';
  const expires = top.get('zamokExpires') ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(channel) || Number.isNaN(Date.parse(expires))) {
    throw new UpdateError('malformed_manifest', 'The update manifest has no channel or expiry.');
  }
  const releaseDate = top.get('releaseDate');
  return {
    version,
    files: files as ManifestFile[],
    ...(releaseDate ? { releaseDate } : {}),
    channel,
    expires,
  };
}

function setFileField(files: Partial<ManifestFile>[], name: string, value: string): void {
  const file = files[files.length - 1];
  if (!file) return;
  if (name === 'url') file.url = value;
  else if (name === 'sha512') file.sha512 = value;
  else if (name === 'size' && /^\d+$/.test(value)) file.size = Number(value);
}
