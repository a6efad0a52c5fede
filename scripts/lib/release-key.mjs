/**
 * The release build's check of the update key built into the app (src-main/update/public-key.ts).
 * The repository ships a placeholder whose private half was discarded: an app built with it can
 * never verify an update, so every installed copy would stay on its version for good. `npm run
 * dist` refuses to build installers with it (scripts/dist.mjs).
 */
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** SHA-256 (hex) of the DER of each development placeholder key; never a release key. */
export const PLACEHOLDER_KEY_FINGERPRINTS = [
  '7a5ca2de4dcb9928a7f806077ceef7dd308f7c4e5704933271023435914f372b',
];

/** The file holding the built-in key, relative to the repository. */
export const PUBLIC_KEY_FILE = join('src-main', 'update', 'public-key.ts');

/** SHA-256 (hex) of a PEM public key's DER (SPKI). */
export function keyFingerprint(pem) {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/**
 * Why the key in `source` (the text of public-key.ts) cannot go into a release, or null when it can:
 * no PEM, not an Ed25519 key, or a known placeholder.
 */
export function releaseKeyProblem(source) {
  const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(source)?.[0];
  if (!pem) return `${PUBLIC_KEY_FILE} holds no public key.`;
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    return `${PUBLIC_KEY_FILE} holds no readable public key.`;
  }
  if (key.asymmetricKeyType !== 'ed25519') return `${PUBLIC_KEY_FILE} holds no Ed25519 key.`;
  if (PLACEHOLDER_KEY_FINGERPRINTS.includes(keyFingerprint(pem))) {
    return (
      `${PUBLIC_KEY_FILE} still holds the development placeholder update key: no update could ` +
      'ever be verified by this release. Run `node scripts/sign-update.mjs --generate-key <file>`, ' +
      'keep that file offline, and paste the printed public key there.'
    );
  }
  return null;
}

/** The problem with the repository's built-in key (see {@link releaseKeyProblem}). */
export function repositoryKeyProblem(repo) {
  return releaseKeyProblem(readFileSync(join(repo, PUBLIC_KEY_FILE), 'utf8'));
}
