#!/usr/bin/env node
/**
 * Signs electron-updater manifests for release: an Ed25519 signature over the exact bytes of each
 * `latest*.yml`, written base64 to `latest*.yml.sig` next to it. The app verifies it with the
 * public key built into src-main/update/public-key.ts before downloading anything.
 *
 *   node scripts/sign-update.mjs dist/latest-linux.yml [more.yml…] --key release-key.pem
 *   node scripts/sign-update.mjs --generate-key release-key.pem   (prints the public key to embed)
 *
 * The private key file (PKCS#8 PEM) stays with the release owner, never in the repository.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

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

function signAll(files, keyFile) {
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
    const body = readFileSync(file);
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
  const files = args.filter((a, i) => a !== '--key' && (keyAt < 0 || i !== keyAt + 1));
  signAll(files, keyFile);
}
