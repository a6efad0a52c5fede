/**
 * The age header, made and read by the age library, and the file key it wraps, for the payload
 * cipher in ./age-stream.ts.
 *
 * Making: the library makes a fresh file key for each file and never hands it out. For a recipient,
 * a second "recipient" that wraps nothing (no stanza) sees the key: the header holds only the real
 * X25519 stanza and the library's MAC. For a passphrase (the scrypt stanza must be alone), the
 * header is made with the passphrase and opened again with it: one more scrypt run.
 * Reading: `Decrypter.decryptHeader` checks the header MAC and unwraps the key.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Decrypter, Encrypter } from 'age-encryption';
import { ageHeaderLength } from './listing';

/** The header bytes of a new age file and the file key they wrap. */
export interface AgeHeader {
  header: Uint8Array;
  fileKey: Uint8Array;
}

/** Who can open the file: an X25519 recipient (`age1…`) or a passphrase (scrypt). */
export type AgeTarget =
  { recipient: string } | { passphrase: string; scryptWorkFactor?: number | undefined };

/** What opens a file: the passphrase or the X25519 identity (`AGE-SECRET-KEY-1…`). */
export type AgeOpener = { passphrase: string } | { identity: string };

/** The header of an empty age file made by the library: everything before the payload nonce. */
async function headerOf(enc: Encrypter): Promise<Uint8Array> {
  const file = await enc.encrypt(new Uint8Array(0));
  const length = ageHeaderLength(Buffer.from(file).toString('latin1'));
  if (length === null) throw new Error('age produced a file without a header');
  return file.slice(0, length);
}

/** A new header and its file key for `target`. */
export async function newAgeHeader(target: AgeTarget): Promise<AgeHeader> {
  const enc = new Encrypter();
  if ('recipient' in target) {
    let fileKey: Uint8Array | null = null;
    enc.addRecipient({
      wrapFileKey(key: Uint8Array) {
        fileKey = Uint8Array.from(key);
        return [];
      },
    });
    enc.addRecipient(target.recipient);
    const header = await headerOf(enc);
    if (fileKey === null) throw new Error('age did not hand the file key to every recipient');
    return { header, fileKey };
  }
  if (target.scryptWorkFactor !== undefined) enc.setScryptWorkFactor(target.scryptWorkFactor);
  enc.setPassphrase(target.passphrase);
  const header = await headerOf(enc);
  return { header, fileKey: await fileKeyOf(header, target) };
}

/** The file key of `header` (MAC checked); throws the library's error when it does not open. */
export async function fileKeyOf(header: Uint8Array, opener: AgeOpener): Promise<Uint8Array> {
  const dec = new Decrypter();
  if ('passphrase' in opener) dec.addPassphrase(opener.passphrase);
  else dec.addIdentity(opener.identity);
  return dec.decryptHeader(header);
}

/** Reads the header bytes at the start of `file`; null when no whole header is there. */
export function readAgeHeader(file: string): Uint8Array | null {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
    const length = ageHeaderLength(head.toString('latin1'));
    return length === null ? null : Uint8Array.from(head.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}
