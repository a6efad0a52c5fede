/**
 * Refusing a vault folder on a network file system. SQLite's WAL mode needs shared memory and
 * byte-range locks that SMB/CIFS, NFS and FUSE network mounts do not give reliably: two computers
 * on one shared vault can corrupt it, and every computer would hold every client. An office shares
 * its clients through office sync instead (docs/SYNC.md), and the refusal says so.
 *
 * Linux: `statfs` f_type magic numbers (Node's `fs.statfsSync`). A FUSE mount is refused unless
 * /proc/self/mountinfo calls it `fuseblk` (a local block device, e.g. an NTFS USB disk). macOS:
 * `statfs` type names would be needed; Node gives a number only, so the check there is by mount
 * type from `mount` output — not built: treated as local. Windows: a UNC path (`\\server\share`) is a
 * network path; a mapped drive letter needs GetDriveType (a native call) — behind `WindowsDrives`,
 * whose default answers `unknown` (treated as local).
 */
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { VaultError } from './errors';

/** statfs f_type values of network file systems (linux/magic.h and the file systems' sources). */
export const NETWORK_FS_MAGIC: Readonly<Record<number, string>> = {
  0x6969: 'nfs',
  0x517b: 'smb',
  0xff534d42: 'cifs',
  0xfe534d42: 'smb2',
  0x564c: 'ncp',
  0x73757245: 'coda',
  0x5346414f: 'afs',
  0x6b414653: 'afs',
  0x00c36400: 'ceph',
  0x01021997: '9p',
  0x0bd00bd0: 'lustre',
  0x47504653: 'gpfs',
  0x01161970: 'gfs2',
  0x7461636f: 'ocfs2',
};

/** statfs f_type of FUSE mounts (sshfs, rclone, s3fs … but also ntfs-3g: see `fuseFsType`). */
export const FUSE_MAGIC = 0x65735546;

/** What a path's file system is, as far as the check can tell. */
export type FsKind = { kind: 'local' } | { kind: 'network'; type: string } | { kind: 'unknown' };

/** Classifies a Linux statfs type; `fuseType` is the mountinfo type of a FUSE mount (if known). */
export function classifyLinuxFs(magic: number, fuseType: string | null = null): FsKind {
  const type = NETWORK_FS_MAGIC[magic >>> 0];
  if (type) return { kind: 'network', type };
  if (magic >>> 0 === FUSE_MAGIC) {
    // fuseblk: a FUSE driver over a local block device (NTFS, exFAT disks). Anything else may be remote.
    return fuseType === 'fuseblk'
      ? { kind: 'local' }
      : { kind: 'network', type: fuseType ?? 'fuse' };
  }
  return { kind: 'local' };
}

/** The file system type /proc/self/mountinfo gives the mount holding `path` (longest mount point). */
export function mountType(path: string, mountinfo: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    const point = left?.split(' ')[4]?.replace(/\\040/g, ' ');
    const type = right?.split(' ')[0];
    if (!point || !type) continue;
    const inside = path === point || path.startsWith(point === '/' ? '/' : `${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type };
  }
  return best?.type ?? null;
}

/** Windows drive kinds, from GetDriveType of the drive root. */
export interface WindowsDrives {
  driveType(root: string): 'fixed' | 'removable' | 'remote' | 'unknown';
}

/** Without a native call the drive type of a letter is not known. */
export const NO_DRIVE_TYPES: WindowsDrives = { driveType: () => 'unknown' };

/** Classifies a Windows path: UNC paths are network paths; a letter asks `drives`. */
export function classifyWindowsPath(path: string, drives: WindowsDrives = NO_DRIVE_TYPES): FsKind {
  if (/^\\\\\?\\UNC\\/i.test(path) || /^\\\\[^?.]/.test(path))
    return { kind: 'network', type: 'unc' };
  const letter = /^(?:\\\\\?\\)?([A-Za-z]:)/.exec(path)?.[1];
  if (!letter) return { kind: 'unknown' };
  const type = drives.driveType(`${letter}\\`);
  if (type === 'remote') return { kind: 'network', type: 'remote drive' };
  return type === 'unknown' ? { kind: 'unknown' } : { kind: 'local' };
}

/** The nearest folder of `path` that exists (a vault being created may not have its folder yet). */
function existingAncestor(path: string): string {
  let current = resolve(path);
  while (!existsSync(current) && dirname(current) !== current) current = dirname(current);
  return current;
}

/** What file system holds `path` on this machine. */
export function filesystemKind(path: string, drives: WindowsDrives = NO_DRIVE_TYPES): FsKind {
  if (process.platform === 'win32') return classifyWindowsPath(resolve(path), drives);
  if (process.platform !== 'linux') return { kind: 'unknown' };
  const at = existingAncestor(path);
  let magic: number;
  try {
    magic = statfsSync(at).type;
  } catch {
    return { kind: 'unknown' };
  }
  let fuseType: string | null = null;
  if (magic >>> 0 === FUSE_MAGIC) {
    try {
      fuseType = mountType(at, readFileSync('/proc/self/mountinfo', 'utf8'));
    } catch {
      fuseType = null;
    }
  }
  return classifyLinuxFs(magic, fuseType);
}

/** The refusal's English message (the app shows the catalogue's sentence for the code). */
export const NETWORK_SHARE_MESSAGE =
  'The vault folder is on a network file system; keep the vault on this computer and share clients through office sync.';

/**
 * Throws `vault_network_share` when the folder (or file) `path` is on a network file system, as
 * `probe` (default: this machine's `filesystemKind`) tells.
 */
export function assertLocalFilesystem(
  path: string,
  probe: (path: string) => FsKind = p => filesystemKind(p),
): void {
  const found = probe(path);
  if (found.kind === 'network') {
    throw new VaultError('vault_network_share', NETWORK_SHARE_MESSAGE, {
      details: { filesystem: found.type },
    });
  }
}
