/**
 * The tar framing of a backup, written by hand so the members can be read straight into the
 * payload's buffers (./payload-writer.ts) with no stream in between: a ustar header per member
 * (a pax header first when the name does not fit ustar's 100 + 155 bytes), the data, zeros to the
 * next 512-byte block, and two zero blocks at the end. Byte for byte what tar-stream's `pack`
 * writes for the same entries (tar-frame.test.ts), so GNU tar and tar-stream's `extract` read it.
 */

/** Tar block size. */
export const TAR_BLOCK = 512;
/** The end of an archive: two zero blocks. */
export const TAR_END = Buffer.alloc(2 * TAR_BLOCK);

/** What a member's header says. */
export interface TarEntry {
  name: string;
  size: number;
  mode: number;
  mtime: Date;
}

function octal(value: number, width: number): string {
  const digits = value.toString(8);
  if (digits.length > width) return `${'7'.repeat(width)} `;
  return `${digits.padStart(width, '0')} `;
}

function checksum(block: Buffer): number {
  let sum = 8 * 32; // the checksum field itself counts as eight spaces
  for (let i = 0; i < 148; i++) sum += block[i] ?? 0;
  for (let i = 156; i < TAR_BLOCK; i++) sum += block[i] ?? 0;
  return sum;
}

function sizeField(block: Buffer, size: number): void {
  if (size.toString(8).length <= 11) {
    block.write(octal(size, 11), 124, 'latin1');
    return;
  }
  // Base-256 for sizes of 8 GiB and more (as tar-stream and GNU tar do).
  block[124] = 0x80;
  let rest = size;
  for (let i = 11; i > 0; i--) {
    block[124 + i] = rest & 0xff;
    rest = Math.floor(rest / 0x100);
  }
}

/** One ustar header block, or null when the name does not fit (then a pax header carries it). */
function ustar(entry: TarEntry, type: '0' | 'x'): Buffer | null {
  let name = entry.name;
  let prefix = '';
  if (Buffer.byteLength(name) !== name.length) return null; // not ASCII: pax
  while (name.length > 100) {
    const slash = name.indexOf('/');
    if (slash === -1) return null;
    prefix += prefix ? `/${name.slice(0, slash)}` : name.slice(0, slash);
    name = name.slice(slash + 1);
  }
  if (name.length > 100 || prefix.length > 155) return null;
  const block = Buffer.alloc(TAR_BLOCK);
  block.write(name, 0, 'latin1');
  block.write(octal(entry.mode & 0o7777, 6), 100, 'latin1');
  block.write(octal(0, 6), 108, 'latin1'); // uid
  block.write(octal(0, 6), 116, 'latin1'); // gid
  sizeField(block, entry.size);
  block.write(octal(Math.floor(entry.mtime.getTime() / 1000), 11), 136, 'latin1');
  block.write(type, 156, 'latin1');
  block.write('ustar\u000000', 257, 'latin1');
  block.write(octal(0, 6), 329, 'latin1'); // devmajor
  block.write(octal(0, 6), 337, 'latin1'); // devminor
  if (prefix) block.write(prefix, 345, 'latin1');
  block.write(octal(checksum(block), 6), 148, 'latin1');
  return block;
}

/** A pax record `"<len> path=<name>\n"`, where len counts itself. */
function paxRecord(name: string): Buffer {
  const body = ` path=${name}\n`;
  const length = Buffer.byteLength(body);
  let digits = String(length).length;
  if (length + digits >= 10 ** digits) digits++;
  return Buffer.from(`${length + digits}${body}`, 'utf8');
}

/** Zero bytes after `size` bytes of data, up to the next block. */
export function tarPadding(size: number): number {
  return (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK;
}

/** The header bytes of a regular-file member (one block, or four with a pax name). */
export function tarHeader(entry: TarEntry): Buffer {
  const plain = ustar(entry, '0');
  if (plain) return plain;
  const pax = paxRecord(entry.name);
  const paxEntry = { ...entry, name: 'PaxHeader', size: pax.length };
  const main = ustar({ ...paxEntry, size: entry.size }, '0');
  const first = ustar(paxEntry, 'x');
  if (!first || !main) throw new Error('tar header does not encode');
  return Buffer.concat([first, pax, Buffer.alloc(tarPadding(pax.length)), main]);
}
