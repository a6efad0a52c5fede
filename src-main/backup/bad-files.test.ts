/**
 * Every way a backup file can be wrong gives one clear typed error, and the vault being restored
 * over (with replace) stays byte-for-byte as it was: wrong passphrase, the other kind of secret,
 * a truncated file, a flipped byte, a file that is not a backup, and a backup of a newer schema.
 */
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZamokApp } from '../app/compose';
import { makeTempDir, snapshotDir } from '../vault/temp-vault.test-support';
import { createBackup } from './create';
import { BackupError } from './errors';
import { readPlainRecipient } from './recipient';
import { restoreBackup } from './restore';
import { makeFixtureVault, TEST_SCRYPT } from './backup-vault.test-support';
import { verifyBackup } from './verify';

const PASS = 'a long and private backup phrase';
let f: Awaited<ReturnType<typeof makeFixtureVault>>;
let passFile: string;
let keyFile: string;
let target: string;
const apps: ZamokApp[] = [];

beforeAll(async () => {
  f = await makeFixtureVault();
  apps.push(f.app);
  const dest = makeTempDir('zamok-bad-');
  passFile = (
    await createBackup({
      vaultDir: f.dir,
      vault: f.vault,
      destination: dest,
      encryption: { kind: 'passphrase', passphrase: PASS, scryptWorkFactor: TEST_SCRYPT },
      createdBy: 'olena',
    })
  ).file;
  keyFile = (
    await createBackup({
      vaultDir: f.dir,
      vault: f.vault,
      destination: makeTempDir('zamok-bad-'),
      encryption: { kind: 'recipient', recipient: readPlainRecipient(f.dir, f.vaultId) ?? '' },
      createdBy: 'olena',
    })
  ).file;
  target = f.dir; // restoring over the live vault folder, with replace
});
afterAll(() => {
  for (const app of apps.splice(0)) app.dispose();
});

/** A copy of `file` under the same name in a new folder (the name carries the vault id). */
function copyOf(file: string): string {
  const copy = join(makeTempDir('zamok-bad-copy-'), file.split('/').at(-1) ?? 'x');
  copyFileSync(file, copy);
  return copy;
}

async function expectRefused(
  file: string,
  secret: { passphrase: string } | { recoveryKey: string },
  reason: BackupError['reason'],
  message: RegExp,
): Promise<void> {
  const before = snapshotDir(target);
  const beforeParent = snapshotDir(join(target, '..'));
  await expect(verifyBackup({ file, secret })).rejects.toMatchObject({
    reason,
    message: expect.stringMatching(message),
  });
  await expect(
    restoreBackup({ file, secret, targetDir: target, replace: true }),
  ).rejects.toBeInstanceOf(BackupError);
  expect(snapshotDir(target)).toEqual(before);
  expect(snapshotDir(join(target, '..'))).toEqual(beforeParent); // no safety copy, no temp folder
}

describe('bad backup files', () => {
  it('a wrong passphrase', async () => {
    await expectRefused(passFile, { passphrase: 'not it' }, 'wrong_key', /does not open/);
  });

  it('the recovery key on a passphrase backup, and a passphrase on a recovery-key backup', async () => {
    await expectRefused(
      passFile,
      { recoveryKey: f.recoveryKey },
      'wrong_key',
      /locked with the backup passphrase/,
    );
    await expectRefused(keyFile, { passphrase: PASS }, 'wrong_key', /locked with the recovery key/);
  });

  it('a mistyped recovery key', async () => {
    const typo = f.recoveryKey.replace(/^./, c => (c === 'A' ? 'B' : 'A'));
    await expectRefused(keyFile, { recoveryKey: typo }, 'wrong_key', /recovery key/);
  });

  it('a truncated file', async () => {
    const cut = copyOf(passFile);
    truncateSync(cut, Math.floor(readFileSync(cut).length * 0.6));
    await expectRefused(cut, { passphrase: PASS }, 'truncated', /incomplete/);
  });

  it('a flipped byte in the middle', async () => {
    const bad = copyOf(keyFile);
    const bytes = readFileSync(bad);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x40;
    writeFileSync(bad, bytes);
    await expectRefused(bad, { recoveryKey: f.recoveryKey }, 'corrupt', /damaged/);
  });

  it('a file that is not a backup, and a missing file', async () => {
    const notBackup = join(makeTempDir('zamok-bad-'), 'zamok-notes.zamokbackup');
    writeFileSync(notBackup, 'just some notes\n');
    await expectRefused(notBackup, { passphrase: PASS }, 'not_a_backup', /not a Zamok backup/);
    await expectRefused(
      join(makeTempDir('zamok-bad-'), 'none'),
      { passphrase: PASS },
      'not_a_backup',
      /no backup file/,
    );
  });

  it('a backup made by a newer Zamok (an unknown migration) is refused before anything moves', async () => {
    const g = await makeFixtureVault();
    apps.push(g.app);
    g.vault.sqlite
      .prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)')
      .run('9999_future', 'x');
    const { file } = await createBackup({
      vaultDir: g.dir,
      vault: g.vault,
      destination: makeTempDir('zamok-bad-'),
      encryption: { kind: 'passphrase', passphrase: PASS, scryptWorkFactor: TEST_SCRYPT },
      createdBy: 'olena',
    });
    const verified = await verifyBackup({ file, secret: { passphrase: PASS } });
    expect(verified.schemaNewer).toBe(true);
    const before = snapshotDir(target);
    await expect(
      restoreBackup({ file, secret: { passphrase: PASS }, targetDir: target, replace: true }),
    ).rejects.toMatchObject({ reason: 'newer_schema', code: 'vault_newer' });
    expect(snapshotDir(target)).toEqual(before);
  });

  it('an existing vault is not overwritten without replace', async () => {
    const before = snapshotDir(target);
    await expect(
      restoreBackup({ file: passFile, secret: { passphrase: PASS }, targetDir: target }),
    ).rejects.toMatchObject({ reason: 'target_not_empty' });
    expect(snapshotDir(target)).toEqual(before);
  });
});
