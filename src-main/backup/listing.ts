/**
 * Listing the backups in a folder, with a quick look at each file without its key: does it look
 * whole? Reading a backup needs a full
 * decrypting pass (the manifest is the last member), far too slow for a list, so a listing checks
 * only what the plain bytes can tell:
 * - the age header (magic line … `--- <mac>` line) is complete;
 * - the length after it fits age's STREAM framing: a 16-byte nonce, then 64 KiB chunks each with a
 *   16-byte tag, the last one shorter but never empty (age's own size rule);
 * - the plaintext that length implies is a whole tar: a multiple of 512 bytes (every tar member and
 *   the end marker fill 512-byte blocks).
 * A cut lands on a length passing both checks only when it falls exactly on a chunk boundary or at
 * one of 1 in 512 places in the last chunk; `verify` (a full pass) is what proves a file good.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFileCondition } from '../../src-shared/ipc/backup';
import { parseBackupFileName } from './manifest';

/** The first line of every age v1 file. */
export const AGE_MAGIC = 'age-encryption.org/v1\n';
const NONCE = 16;
const TAG = 16;
const CHUNK = 64 * 1024;
const TAR_BLOCK = 512;
/** Longest age header we read (ours are well under 1 KiB: one stanza, scrypt or X25519). */
const MAX_HEADER = 64 * 1024;

/** Plaintext bytes a STREAM payload of `size` bytes holds; null when no whole file has that size. */
export function streamPlaintextSize(size: number): number | null {
  if (size < TAG) return null;
  if (size === TAG) return 0;
  const full = Math.floor(size / (CHUNK + TAG));
  const last = size % (CHUNK + TAG);
  if (last > 0 && last <= TAG) return null; // a last chunk holds at least one byte
  return size - full * TAG - (last > 0 ? TAG : 0);
}

/**
 * The age header's length in `head` (the file's first bytes as latin1), up to and including the
 * `--- <mac>` line; null when it is not all there.
 */
export function ageHeaderLength(head: string): number | null {
  if (!head.startsWith(AGE_MAGIC)) return null;
  const mac = head.indexOf('\n--- ');
  const end = mac < 0 ? -1 : head.indexOf('\n', mac + 1);
  return end < 0 ? null : end + 1;
}

/** What the plain bytes of `file` say (see the file comment); never throws. */
export function backupFileCondition(file: string): BackupFileCondition {
  let size: number;
  let head: string;
  try {
    size = statSync(file).size;
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(Math.min(MAX_HEADER, size));
      head = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    return 'unreadable';
  }
  // Shorter than the magic line, but what is there matches it: a file cut in its first bytes.
  if (size < AGE_MAGIC.length) return AGE_MAGIC.startsWith(head) ? 'truncated' : 'unreadable';
  if (!head.startsWith(AGE_MAGIC)) return 'unreadable';
  const header = ageHeaderLength(head);
  if (header === null) return size < MAX_HEADER ? 'truncated' : 'unreadable';
  const plain = streamPlaintextSize(size - header - NONCE);
  return plain !== null && plain > 0 && plain % TAR_BLOCK === 0 ? 'complete' : 'truncated';
}

/** One backup file in a folder. */
export interface ListedBackup {
  file: string;
  name: string;
  vaultId: string;
  createdAt: string;
  /** 0 when the file cannot be read (its condition says `unreadable`). */
  size: number;
  condition: BackupFileCondition;
}

/**
 * The backup files (by name) in `dir`, newest first, each with its condition. One damaged or
 * unreadable file is listed as such; it never fails the whole list. Throws only when `dir` itself
 * cannot be read.
 */
export function listBackupFiles(dir: string): ListedBackup[] {
  return readdirSync(dir)
    .flatMap(name => {
      const parsed = parseBackupFileName(name);
      if (!parsed) return [];
      const file = join(dir, name);
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        // listed as unreadable below
      }
      return [
        {
          file,
          name,
          vaultId: parsed.vaultId,
          createdAt: parsed.createdAt.toISOString(),
          size,
          condition: backupFileCondition(file),
        },
      ];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
