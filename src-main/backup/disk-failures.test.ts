/**
 * A backup destination or restore target that fills up, disappears or turns read-only mid-run, on a
 * real small file system (tmpfs) with a real vault and real age: every case ends in one typed
 * `BackupError` an owner can act on, no temp file is left, no stream error escapes the run (before
 * the fix a full destination threw an unhandled ENOSPC that ended the process), the output file is
 * closed, and the next backup to a good folder works. A vault file changing size mid-run ends the
 * same way (it was tar-stream's untyped "Size mismatch", with the output left open).
 */
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { makeFixtureVault } from './backup-vault.test-support';
import { createBackup, type BackupEncryption, type BackupProgress } from './create';
import { BackupError } from './errors';
import { authKeyFromRecoveryKey } from './keys';
import { readPlainRecipient } from './recipient';
import { restoreBackup } from './restore';
import { mountSmallDisk, reportTmpfsSkip, TMPFS, type SmallDisk } from './tmpfs.test-support';
import { verifyBackup } from './verify';

reportTmpfsSkip('disk-full and read-only backup tests');

let vaultDir: string;
let recoveryKey: string;
let encryption: BackupEncryption;
let authKey: Buffer;
let dbSize: number;
const disks: SmallDisk[] = [];
const escaped: unknown[] = [];
const onEscape = (err: unknown): void => void escaped.push(err);

beforeAll(async () => {
  const f = await makeFixtureVault();
  f.app.dispose(); // closed files: the snapshot is a plain copy of zamok.db, of a known size
  vaultDir = f.dir;
  recoveryKey = f.recoveryKey;
  const recipient = readPlainRecipient(f.dir, f.vaultId);
  if (!recipient) throw new Error('fixture vault without a backup recipient');
  encryption = { kind: 'recipient', recipient };
  authKey = await authKeyFromRecoveryKey(f.dir, f.recoveryKey);
  dbSize = statSync(join(f.dir, 'zamok.db')).size;
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
}, 60_000);

afterEach(async () => {
  // One turn of the event loop lets a late stream 'error' surface before we look.
  await new Promise(resolve => setImmediate(resolve));
  expect(escaped).toEqual([]);
});

afterAll(() => {
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
  for (const disk of disks.splice(0)) disk.unmount();
});

function smallDisk(sizeKiB: number): SmallDisk {
  const disk = mountSmallDisk(sizeKiB);
  disks.push(disk);
  return disk;
}

async function failure(work: Promise<unknown>): Promise<BackupError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  return err as BackupError;
}

/** The member sizes of a backup, from its manifest (read with the recovery key). */
async function readBackupSizes(file: string): Promise<number[]> {
  const verified = await verifyBackup({ file, secret: { recoveryKey } });
  return verified.manifest.members.map(m => m.size);
}

/** Files this process still holds open under `dir` (Linux: /proc/self/fd). */
function openFilesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd').flatMap(fd => {
    try {
      const path = readlinkSync(join('/proc/self/fd', fd));
      return path.startsWith(dir) ? [path] : [];
    } catch {
      return []; // closed meanwhile (the fd of readdir itself)
    }
  });
}

function backupInto(destination: string, onProgress?: (p: BackupProgress) => void) {
  return createBackup({
    vaultDir,
    destination,
    encryption,
    createdBy: 'test',
    authKey,
    ...(onProgress ? { onProgress } : {}),
  });
}

describe('backup destination failures', () => {
  it.skipIf(!TMPFS.available)(
    'a destination that fills up while the encrypted stream is written: destination_full, no temp file left, the next backup elsewhere works',
    async () => {
      // Room for the snapshot copy, not for the encrypted file (database + a 70 kB attachment).
      const disk = smallDisk(Math.ceil(dbSize / 1024) + 40);
      const err = await failure(backupInto(disk.dir));
      expect(err.reason).toBe('destination_full');
      expect(err.code).toBe('vault_not_writable');
      expect(err.message).toMatch(/disk is full/);
      expect((err.cause as { syscall?: string }).syscall).toBe('write'); // the age/tar stream
      expect(readdirSync(disk.dir)).toEqual([]);
      expect(openFilesUnder(disk.dir)).toEqual([]);

      const good = makeTempDir('zamok-good-dest-');
      const created = await backupInto(good);
      expect(readdirSync(good)).toEqual([created.file.split('/').at(-1)]);
    },
    60_000,
  );

  it.skipIf(!TMPFS.available)(
    'a closed vault backs up onto a disk with room for the backup file alone: zamok.db is read in place, not copied first',
    async () => {
      const probe = await backupInto(makeTempDir('zamok-size-probe-'));
      // The file plus a few pages; the old run also needed a temp copy of zamok.db there.
      expect(dbSize).toBeGreaterThan(64 * 1024);
      const disk = smallDisk(Math.ceil(probe.size / 1024) + 16);
      const created = await backupInto(disk.dir);
      expect(readdirSync(disk.dir)).toEqual([created.file.split('/').at(-1)]);
      expect(await readBackupSizes(created.file)).toEqual(probe.manifest.members.map(m => m.size));
    },
    60_000,
  );

  it.skipIf(!TMPFS.available)(
    'a signed-in backup (VACUUM INTO) onto disks from 4 KiB up: every failure is destination_full and leaves nothing',
    async () => {
      const f = await makeFixtureVault();
      try {
        const run = (destination: string) =>
          createBackup({
            vaultDir: f.dir,
            vault: f.vault,
            destination,
            encryption,
            createdBy: 't',
          });
        const fits = await run(makeTempDir('zamok-size-probe-'));
        const snapshotKiB = Math.ceil((fits.manifest.members[0]?.size ?? 0) / 1024);
        const fileKiB = Math.ceil(fits.size / 1024);
        // The snapshot (SQLITE_FULL), then the encrypted stream (ENOSPC), then both fit.
        const sizes = [4, 64, snapshotKiB, snapshotKiB + 64, fileKiB, snapshotKiB + fileKiB + 64];
        const outcomes: string[] = [];
        for (const sizeKiB of sizes) {
          const disk = smallDisk(sizeKiB);
          outcomes.push(
            await run(disk.dir).then(
              () => 'written',
              (e: unknown) => (e instanceof BackupError ? e.reason : String(e)),
            ),
          );
          if (outcomes.at(-1) !== 'written') expect(readdirSync(disk.dir)).toEqual([]);
        }
        expect(outcomes).toEqual([...Array(5).fill('destination_full'), 'written']);
      } finally {
        f.app.dispose();
      }
    },
    60_000,
  );

  it('a destination folder deleted mid-write: destination_missing, nothing recreated', async () => {
    const parent = makeTempDir('zamok-vanishing-');
    const dest = join(parent, 'usb');
    mkdirSync(dest);
    let removed = false;
    const err = await failure(
      backupInto(dest, p => {
        if (p.phase === 'write' && !removed) {
          removed = true;
          rmSync(dest, { recursive: true, force: true }); // the drive goes away mid-write
        }
      }),
    );
    expect(removed).toBe(true);
    expect(err.reason).toBe('destination_missing');
    expect(err.message).toMatch(/went away during the backup/);
    expect(readdirSync(parent)).toEqual([]);
  }, 60_000);

  it('a vault file that grows mid-run stops the run (vault_busy) with the file closed and removed', async () => {
    const dest = makeTempDir('zamok-busy-');
    const attachment = join(vaultDir, 'attachments', 'scan.bin');
    const original = readFileSync(attachment);
    let grown = false;
    try {
      const err = await failure(
        backupInto(dest, p => {
          if (p.phase === 'write' && !grown) {
            grown = true;
            appendFileSync(attachment, 'more'); // someone saves a document meanwhile
          }
        }),
      );
      expect(err.reason).toBe('vault_busy');
    } finally {
      writeFileSync(attachment, original);
    }
    expect(readdirSync(dest)).toEqual([]);
    // The output was torn down and closed, not left waiting on a tar that will never end.
    expect(openFilesUnder(dest)).toEqual([]);
  }, 60_000);

  it('a document deleted from the vault mid-run is vault_busy, not a missing destination', async () => {
    const dest = makeTempDir('zamok-deleted-doc-');
    const attachment = join(vaultDir, 'attachments', 'scan.bin');
    const original = readFileSync(attachment);
    let deleted = false;
    try {
      const err = await failure(
        backupInto(dest, p => {
          if (p.phase === 'write' && !deleted) {
            deleted = true;
            rmSync(attachment);
          }
        }),
      );
      expect(err.reason).toBe('vault_busy');
      expect(err.message).toMatch(/removed during the backup/);
    } finally {
      writeFileSync(attachment, original);
    }
    expect(readdirSync(dest)).toEqual([]);
    expect(openFilesUnder(dest)).toEqual([]);
  }, 60_000);

  it.skipIf(!TMPFS.available)(
    'a read-only destination, before and during a run: destination_not_writable; the temp left on the read-only disk goes at the next run',
    async () => {
      const disk = smallDisk(4096);
      disk.readOnly();
      expect((await failure(backupInto(disk.dir))).reason).toBe('destination_not_writable');

      disk.writable();
      const err = await failure(
        backupInto(disk.dir, p => {
          if (p.phase === 'snapshot') disk.readOnly(); // remounted read-only mid-run
        }),
      );
      expect(err.reason).toBe('destination_not_writable');
      expect(err.message).toMatch(/cannot be written/);
      // The empty work folder could not be removed from a read-only disk; it keeps a temp name.
      expect(readdirSync(disk.dir).every(n => n.startsWith('.zamok-backup-'))).toBe(true);

      disk.writable();
      const created = await backupInto(disk.dir);
      expect(readdirSync(disk.dir)).toEqual([created.file.split('/').at(-1)]);
    },
    60_000,
  );
});

describe('restore and verify with no room to unpack', () => {
  let backupFile: string;
  beforeAll(async () => {
    backupFile = (await backupInto(makeTempDir('zamok-restore-src-'))).file;
  }, 60_000);

  it.skipIf(!TMPFS.available)(
    'restore onto disks from far too small to just big enough: every failure is target_full and leaves the disk empty',
    async () => {
      const pagesKiB = (await readBackupSizes(backupFile)).reduce(
        (n, size) => n + Math.ceil(size / 4096) * 4,
        0,
      );
      // -300: the database does not fit; +0…+16: the files fit, SQLite's -shm file does not
      // (it was reported as "the database in the backup does not open"); +32: the WAL does not.
      const outcomes: string[] = [];
      for (const extraKiB of [-300, 0, 8, 16, 32, 512]) {
        const disk = smallDisk(pagesKiB + extraKiB);
        const outcome = await restoreBackup({
          file: backupFile,
          secret: { recoveryKey },
          targetDir: join(disk.dir, 'vault'),
        }).then(
          () => 'restored',
          (e: unknown) => (e instanceof BackupError ? e.reason : String(e)),
        );
        outcomes.push(outcome);
        if (outcome !== 'restored') expect(readdirSync(disk.dir)).toEqual([]);
      }
      expect(outcomes.slice(0, 2)).toEqual(['target_full', 'target_full']);
      expect(outcomes.every(o => o === 'target_full' || o === 'restored')).toBe(true);
      expect(outcomes.at(-1)).toBe('restored');
    },
    60_000,
  );

  it.skipIf(!TMPFS.available)(
    'verify with a full temporary folder: target_full, not "the backup is damaged"',
    async () => {
      const disk = smallDisk(Math.floor(dbSize / 1024 / 2));
      const before = process.env.TMPDIR;
      process.env.TMPDIR = disk.dir;
      try {
        const err = await failure(verifyBackup({ file: backupFile, secret: { recoveryKey } }));
        expect(err.reason).toBe('target_full');
        expect(err.message).toMatch(/temporary folder’s disk is full/);
      } finally {
        if (before === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = before;
      }
      expect(readdirSync(disk.dir)).toEqual([]);
      const ok = await verifyBackup({ file: backupFile, secret: { recoveryKey } });
      expect(ok.databaseChecked).toBe(true);
    },
    60_000,
  );
});
