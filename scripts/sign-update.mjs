#!/usr/bin/env node
/**
 * Signs electron-updater manifests for release: an Ed25519 signature over the exact bytes of each
 * `latest*.yml`, written base64 to `latest*.yml.sig` next to it. The app verifies it with the
 * public key built into src-main/update/public-key.ts before downloading anything.
 *
 *   node scripts/sign-update.mjs dist/latest-linux.yml [more.yml…] --key release-key.pem
 *        [--valid-days 30]
 *   node scripts/sign-update.mjs --generate-key release-key.pem   (prints the public key to embed)
 *
 * Before signing, each manifest gets (or has replaced) two lines the app requires inside the signed
 * bytes: `zamokChannel` (the file's name without .yml: latest-linux, beta-mac, …) so it cannot be
 * served as another channel's, and `zamokExpires` (now + --valid-days) so an old copy cannot be
 * replayed for ever to keep the app on an old release. Re-sign (or release) before it expires.
 *
 * The private key file (PKCS#8 PEM) stays with the release owner, never in the repository.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The manifest text bound to its channel file and to an expiry `validDays` from now. */
function bound(file, text, validDays) {
  const channel = basename(file).replace(/\.yml$/, '');
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(channel)) fail(`${file}: not a channel file name.`);
  const expires = new Date(Date.now() + validDays * DAY_MS).toISOString();
  const kept = text
    .split(/\r?\n/)
    .filter(line => !/^zamok(Channel|Expires):/.test(line))
    .join('\n')
    .replace(/\n*$/, '\n');
  return `${kept}zamokChannel: ${channel}\nzamokExpires: '${expires}'\n`;
}

function fail(message) {
  console.error(`sign-update: ${message}`);
  process.exit(1);
}

function generate(file) {
  if (!file) fail('--generate-key needs a file name.');
  if (existsSync(file)) fail(`${file} exists; refusing to overwrite a key.`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  console.log(`Private key written to ${file} (keep it offline). Public key for public-key.ts:`);
  process.stdout.write(publicKey.export({ type: 'spki', format: 'pem' }));
}

function signAll(files, keyFile, validDays) {
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > 366) {
    fail('--valid-days must be a whole number of days from 1 to 366.');
  }
  if (!keyFile || !existsSync(keyFile)) fail('--key must name the private key file.');
  if (files.length === 0) fail('name at least one latest*.yml manifest.');
  let key;
  try {
    key = createPrivateKey(readFileSync(keyFile));
  } catch {
    fail(`${keyFile} is not a private key in PEM format.`);
  }
  if (key.asymmetricKeyType !== 'ed25519') fail(`${keyFile} is not an Ed25519 key.`);
  const publicKey = createPublicKey(key);
  for (const file of files) {
    if (!existsSync(file)) fail(`${file} does not exist.`);
    const body = Buffer.from(bound(file, readFileSync(file, 'utf8'), validDays));
    writeFileSync(file, body);
    const signature = sign(null, body, key);
    if (!verify(null, body, publicKey, signature))
      fail(`could not verify the signature of ${file}.`);
    writeFileSync(`${file}.sig`, `${signature.toString('base64')}\n`);
    console.log(`signed ${file} -> ${file}.sig`);
  }
}

const args = process.argv.slice(2);
const generateAt = args.indexOf('--generate-key');
if (generateAt >= 0) {
  generate(args[generateAt + 1]);
} else {
  const keyAt = args.indexOf('--key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : process.env.ZAMOK_UPDATE_KEY_FILE;
  const daysAt = args.indexOf('--valid-days');
  const validDays = daysAt >= 0 ? Number(args[daysAt + 1]) : 30;
  const options = new Set([keyAt, daysAt].filter(i => i >= 0).flatMap(i => [i, i + 1]));
  const files = args.filter((_a, i) => !options.has(i));
  signAll(files, keyFile, validDays);
}
