/**
 * The network-share refusal: statfs magic numbers of SMB/CIFS, NFS and FUSE network mounts are
 * refused, local ones (ext4, tmpfs, a fuseblk NTFS disk) accepted; mountinfo gives a FUSE mount's
 * type; UNC paths and remote drive letters are network paths on Windows; and on this machine a
 * real tmpfs and the temp folder are accepted (a vault is created on the tmpfs).
 */
import { statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mountSmallDisk, reportTmpfsSkip, TMPFS } from '../backup/tmpfs.test-support';
import { createNoKeychainStore } from './device';
import type { VaultError } from './errors';
import { isVaultError } from './errors';
import { createVault } from './index';
import {
  assertLocalFilesystem,
  classifyLinuxFs,
  classifyWindowsPath,
  filesystemKind,
  FUSE_MAGIC,
  mountType,
} from './network-share';
import { TEST_KDF } from './temp-vault.test-support';

reportTmpfsSkip('network-share: the vault on a real tmpfs');

describe('classifyLinuxFs', () => {
  it('refuses network file systems by their statfs magic', () => {
    const cases: [number, string][] = [
      [0x6969, 'nfs'],
      [0x517b, 'smb'],
      [0xff534d42, 'cifs'],
      [-0xacb2be, 'cifs'], // the same f_type read as a signed 32-bit number
      [0xfe534d42, 'smb2'],
      [0x00c36400, 'ceph'],
      [0x01021997, '9p'],
    ];
    for (const [magic, type] of cases) {
      expect(classifyLinuxFs(magic)).toEqual({ kind: 'network', type });
    }
  });

  it('refuses a FUSE mount unless it is a local block device', () => {
    expect(classifyLinuxFs(FUSE_MAGIC, 'fuse.sshfs')).toEqual({
      kind: 'network',
      type: 'fuse.sshfs',
    });
    expect(classifyLinuxFs(FUSE_MAGIC, null)).toEqual({ kind: 'network', type: 'fuse' });
    expect(classifyLinuxFs(FUSE_MAGIC, 'fuseblk')).toEqual({ kind: 'local' });
  });

  it('accepts local file systems', () => {
    for (const magic of [0xef53 /* ext4 */, 0x01021994 /* tmpfs */, 0x58465342 /* xfs */]) {
      expect(classifyLinuxFs(magic)).toEqual({ kind: 'local' });
    }
  });
});

describe('mountType', () => {
  const mountinfo = [
    '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    '40 22 0:41 / /home/o/remote rw,nosuid shared:20 - fuse.sshfs o@nas:/srv rw,user_id=0',
    '41 22 8:17 / /media/usb\\040disk rw shared:21 - fuseblk /dev/sdb1 rw',
  ].join('\n');

  it('finds the type of the mount holding a path (the longest mount point)', () => {
    expect(mountType('/home/o/remote/vault', mountinfo)).toBe('fuse.sshfs');
    expect(mountType('/home/o/remoteX', mountinfo)).toBe('ext4');
    expect(mountType('/media/usb disk/zamok', mountinfo)).toBe('fuseblk');
  });
});

describe('classifyWindowsPath', () => {
  const drives = (type: 'fixed' | 'remote') => ({ driveType: () => type });

  it('treats UNC paths and remote drive letters as network paths', () => {
    expect(classifyWindowsPath('\\\\nas\\office\\zamok')).toEqual({ kind: 'network', type: 'unc' });
    expect(classifyWindowsPath('\\\\?\\UNC\\nas\\office')).toMatchObject({ kind: 'network' });
    expect(classifyWindowsPath('Z:\\zamok', drives('remote'))).toMatchObject({ kind: 'network' });
    expect(classifyWindowsPath('C:\\Users\\o\\zamok', drives('fixed'))).toEqual({ kind: 'local' });
    expect(classifyWindowsPath('C:\\Users\\o\\zamok')).toEqual({ kind: 'unknown' });
  });
});

describe('on this machine', () => {
  it('accepts the temp folder and a folder not made yet inside it', () => {
    expect(() => assertLocalFilesystem(tmpdir())).not.toThrow();
    expect(filesystemKind(join(tmpdir(), 'not', 'made', 'yet')).kind).not.toBe('network');
  });

  it.runIf(TMPFS.available)('accepts a real tmpfs and creates a vault there', async () => {
    const disk = mountSmallDisk(8192);
    try {
      expect(statfsSync(disk.dir).type).toBe(0x01021994);
      expect(filesystemKind(disk.dir)).toEqual({ kind: 'local' });
      const created = await createVault({
        dir: join(disk.dir, 'vault'),
        ownerLogin: 'olena',
        ownerPassword: 'quiet river under old bridges',
        kdf: TEST_KDF,
        deviceStore: createNoKeychainStore(),
        deviceBinding: false,
      });
      created.vault.close();
    } finally {
      disk.unmount();
    }
  });

  it('refuses with a typed vault error naming the file system, pointing to office sync', () => {
    let caught: unknown;
    try {
      assertLocalFilesystem('/mnt/office', () => ({ kind: 'network', type: 'nfs' }));
    } catch (error) {
      caught = error;
    }
    expect(isVaultError(caught, 'vault_network_share')).toBe(true);
    expect((caught as VaultError).details).toEqual({ filesystem: 'nfs' });
    expect((caught as VaultError).message).toMatch(/office sync/);
  });
});
