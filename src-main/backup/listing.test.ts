/**
 * `backup list` marks a file cut short: real Zamok backups (recipient and passphrase headers) cut at
 * many places are `truncated`, never `complete`, except where the plain bytes cannot tell (exactly on
 * a 64 KiB chunk boundary: verify still says `truncated` there); junk and unreadable files with a
 * backup's name are listed as such without failing the list.
 */
import {
  copyFileSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { makeFixtureVault, TEST_SCRYPT } from './backup-vault.test-support';
import { createBackup } from './create';
import { authKeyFromRecoveryKey } from './keys';
import { isBackupError } from './errors';
import { backupFileCondition, listBackupFiles, streamPlaintextSize } from './listing';
import { backupFileName } from './manifest';
import { readPlainRecipient } from './recipient';
import { verifyBackup } from './verify';

let recipientFile: string;
let passphraseFile: string;
let vaultId: string;
let recoveryKey: string;

beforeAll(async () => {
  const f = await makeFixtureVault();
  f.app.dispose();
  vaultId = f.vaultId;
  recoveryKey = f.recoveryKey;
  const recipient = readPlainRecipient(f.dir, f.vaultId) ?? '';
  const authKey = await authKeyFromRecoveryKey(f.dir, recoveryKey);
  const dest = makeTempDir('zamok-list-');
  const at = (s: number) => new Date(Date.parse('2026-03-02T10:00:00Z') + s * 1000);
  recipientFile = (
    await createBackup({
      vaultDir: f.dir,
      destination: dest,
      encryption: { kind: 'recipient', recipient },
      createdBy: 'test',
      authKey,
      now: at(0),
    })
  ).file;
  passphraseFile = (
    await createBackup({
      vaultDir: f.dir,
      destination: dest,
      encryption: { kind: 'passphrase', passphrase: 'p', scryptWorkFactor: TEST_SCRYPT },
      createdBy: 'test',
      authKey,
      now: at(1),
    })
  ).file;
}, 60_000);

function cutCopy(file: string, length: number): string {
  const copy = join(makeTempDir('zamok-cut-'), 'b.zamokbackup');
  copyFileSync(file, copy);
  truncateSync(copy, length);
  return copy;
}

/** Where the age payload starts: after the header's `--- <mac>` line and the 16-byte nonce. */
function payloadStart(file: string): number {
  const text = readFileSync(file).subarray(0, 4096).toString('latin1');
  return text.indexOf('\n', text.indexOf('\n--- ') + 1) + 1 + 16;
}

describe('the condition of a backup file', () => {
  it('whole backups are complete, with either kind of age header', () => {
    expect(backupFileCondition(recipientFile)).toBe('complete');
    expect(backupFileCondition(passphraseFile)).toBe('complete');
  });

  it('a file cut anywhere is truncated (400 places from the first byte to the last)', () => {
    for (const file of [recipientFile, passphraseFile]) {
      const size = statSync(file).size;
      const cuts = [0, 1, 10, 30, 60, payloadStart(file) - 1, payloadStart(file), size - 1];
      for (let i = 1; i < 400; i++) cuts.push(Math.floor((size * i) / 400));
      const missed = cuts.filter(cut => backupFileCondition(cutCopy(file, cut)) !== 'truncated');
      // Only a cut at one of 1 in 512 places of a chunk (or on its boundary) passes the framing.
      expect(missed.length).toBeLessThanOrEqual(cuts.length / 100);
    }
  });

  it('the limit: a cut exactly on a chunk boundary looks complete; verify says truncated', async () => {
    const boundary = payloadStart(recipientFile) + 3 * (64 * 1024 + 16);
    const cut = cutCopy(recipientFile, boundary);
    expect(backupFileCondition(cut)).toBe('complete');
    const err = await verifyBackup({
      file: cut,
      secret: { recoveryKey },
      vaultId,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isBackupError(err, 'truncated')).toBe(true);
  }, 60_000);

  it('the framing rule is age’s: chunks of 64 KiB + 16, a last chunk never empty', () => {
    expect(streamPlaintextSize(16)).toBe(0);
    expect(streamPlaintextSize(15)).toBeNull();
    expect(streamPlaintextSize(64 * 1024 + 16)).toBe(64 * 1024);
    expect(streamPlaintextSize(64 * 1024 + 16 + 16)).toBeNull();
    expect(streamPlaintextSize(64 * 1024 + 16 + 17)).toBe(64 * 1024 + 1);
  });
});

describe('listing a folder', () => {
  it('lists every backup name newest first with its condition; junk never fails the list', () => {
    const dir = makeTempDir('zamok-list-mixed-');
    const name = (minute: number) =>
      backupFileName(vaultId, new Date(Date.UTC(2026, 2, 2, 12, minute)));
    copyFileSync(recipientFile, join(dir, name(0)));
    const cut = join(dir, name(1));
    copyFileSync(recipientFile, cut);
    truncateSync(cut, Math.floor(statSync(cut).size * 0.7));
    writeFileSync(join(dir, name(2)), 'not an age file at all');
    symlinkSync(join(dir, 'nowhere'), join(dir, name(3))); // the file went away
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const listed = listBackupFiles(dir);
    expect(listed.map(b => [b.name, b.condition])).toEqual([
      [name(3), 'unreadable'],
      [name(2), 'unreadable'],
      [name(1), 'truncated'],
      [name(0), 'complete'],
    ]);
    expect(listed.every(b => b.vaultId === vaultId)).toBe(true);
  });
});
