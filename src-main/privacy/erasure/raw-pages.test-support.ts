/**
 * Test-only: decrypts a SQLCipher 4 file page by page with the raw data key, to look for a string
 * in what is really on disk (free pages, slack space, old WAL frames) rather than in what SQL shows.
 * Format (SQLCipher 4 defaults, src-main/vault/keyed.ts): 4096-byte pages, AES-256-CBC with the raw
 * key, each page ending in a 16-byte IV and a 64-byte HMAC; page 1 starts with the 16-byte salt.
 * A WAL file is a 32-byte header and frames of a 24-byte header plus one encrypted page.
 */
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const PAGE = 4096;
const RESERVE = 80;
const IV = 16;

function decryptPage(key: Buffer, page: Buffer, first: boolean): Buffer {
  const start = first ? 16 : 0;
  const end = PAGE - RESERVE;
  const decipher = createDecipheriv('aes-256-cbc', key, page.subarray(end, end + IV));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
}

/** Every page of a database file, decrypted and concatenated. */
export function decryptDatabase(path: string, key: Buffer): Buffer {
  const bytes = readFileSync(path);
  const pages: Buffer[] = [];
  for (let at = 0; at + PAGE <= bytes.length; at += PAGE) {
    pages.push(decryptPage(key, bytes.subarray(at, at + PAGE), at === 0));
  }
  return Buffer.concat(pages);
}

/** Every frame of a WAL file, decrypted and concatenated (empty when there is no WAL). */
export function decryptWal(path: string, key: Buffer): Buffer {
  if (!existsSync(path)) return Buffer.alloc(0);
  const bytes = readFileSync(path);
  const frames: Buffer[] = [];
  for (let at = 32; at + 24 + PAGE <= bytes.length; at += 24 + PAGE) {
    const pageNo = bytes.readUInt32BE(at);
    frames.push(decryptPage(key, bytes.subarray(at + 24, at + 24 + PAGE), pageNo === 1));
  }
  return Buffer.concat(frames);
}

/** How many times `text` (UTF-8) occurs in `haystack`. */
export function countOf(haystack: Buffer, text: string): number {
  const needle = Buffer.from(text, 'utf8');
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    count += 1;
  }
  return count;
}

/** How often `text` is on the decrypted pages of the vault's zamok.db and of its WAL. */
export function rawHits(database: string, key: Buffer, text: string): { db: number; wal: number } {
  return {
    db: countOf(decryptDatabase(database, key), text),
    wal: countOf(decryptWal(`${database}-wal`, key), text),
  };
}
