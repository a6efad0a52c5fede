/**
 * Backups are signed (manifest.mac keyed from the vault's data key). A "backup" put together with
 * the standard `tar` and `age` tools from the vault's plain files — encrypted to the public
 * recipient in backup.json, any createdAt and createdBy — is refused by verify and restore
 * (`not_authentic`, CLI exit 6, nothing changed), and so is a real backup whose manifest was edited.
 * An old unsigned backup passes only with `allowUnauthenticated` (CLI `--allow-unauthenticated`,
 * with a warning); a MAC that does not match never passes. Real backups still verify and restore.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { backupIdentity } from './age-identity';
import { makeFixtureVault, TEST_SCRYPT } from './backup-vault.test-support';
import { createBackup } from './create';
import { BackupError } from './errors';
import { authKeyFromRecoveryKey } from './keys';
import { backupFileName } from './manifest';
import { readPlainRecipient } from './recipient';
import { restoreBackup } from './restore';
import { verifyBackup } from './verify';

const BIN = fileURLToPath(new URL('../../bin/zamok.mjs', import.meta.url));

let f: Awaited<ReturnType<typeof makeFixtureVault>>;
let recipient: string;
let work: string;

beforeAll(async () => {
  f = await makeFixtureVault();
  f.app.dispose(); // closed files: what an attacker with access to the folder can copy
  recipient = readPlainRecipient(f.dir, f.vaultId) ?? '';
  work = makeTempDir('zamok-forge-');
}, 60_000);

function run(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return r;
}

function sha256(path: string): { size: number; sha256: string } {
  const bytes = readFileSync(path);
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** tar (ustar) + `age -r <public recipient>` over the given folder's members, as an attacker would. */
function packWithStandardTools(dir: string, members: string[], at: Date): string {
  const tarFile = join(dir, '..', `${randomBytes(4).toString('hex')}.tar`);
  run('tar', ['--format=ustar', '-cf', tarFile, '-C', dir, ...members]);
  const out = join(makeTempDir('zamok-forged-'), backupFileName(f.vaultId, at));
  run('age', ['-r', recipient, '-o', out, tarFile]);
  return out;
}

/** A backup made from the vault's plain files with no key at all; `mac`: a made-up manifest.mac. */
function forge(mac?: string): string {
  const dir = join(work, randomBytes(4).toString('hex'));
  mkdirSync(dir);
  for (const name of ['zamok.db', 'keyring.json']) copyFileSync(join(f.dir, name), join(dir, name));
  const manifest = {
    format: 'zamok-backup',
    formatVersion: 1,
    vaultId: f.vaultId,
    schemaVersion: null,
    appVersion: '0.1.0',
    createdAt: '2030-01-01T00:00:00.000Z',
    createdBy: 'olena',
    counts: null,
    auditHead: null,
    members: ['zamok.db', 'keyring.json'].map(name => ({ name, ...sha256(join(dir, name)) })),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const members = ['zamok.db', 'keyring.json', 'manifest.json'];
  if (mac !== undefined) {
    writeFileSync(join(dir, 'manifest.mac'), `${mac}\n`);
    members.push('manifest.mac');
  }
  return packWithStandardTools(dir, members, new Date('2030-01-01T00:00:00Z'));
}

async function refusal(work: Promise<unknown>): Promise<BackupError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  return err as BackupError;
}

function zamok(args: string[], input: string) {
  const r = spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function realBackup(encryption: Parameters<typeof createBackup>[0]['encryption']) {
  return createBackup({
    vaultDir: f.dir,
    destination: makeTempDir('zamok-real-'),
    encryption,
    createdBy: 'olena',
    authKey: await authKeyFromRecoveryKey(f.dir, f.recoveryKey),
  });
}

describe('backups are signed by their vault', () => {
  it('a backup made with tar and age from the plain vault files is refused by verify and restore', async () => {
    const forged = forge();
    const secret = { recoveryKey: f.recoveryKey };
    expect((await refusal(verifyBackup({ file: forged, secret }))).reason).toBe('not_authentic');
    const target = join(makeTempDir('zamok-forged-target-'), 'vault');
    expect((await refusal(restoreBackup({ file: forged, secret, targetDir: target }))).reason).toBe(
      'not_authentic',
    );
    expect(existsSync(target)).toBe(false);

    const cli = zamok(['backup', 'verify', forged, '--recovery-key-stdin'], `${f.recoveryKey}\n`);
    expect(cli.code).toBe(6);
    expect(cli.stderr).toMatch(/not signed by its vault/);
    const restore = zamok(
      ['--vault', target, 'backup', 'restore', forged, '--recovery-key-stdin'],
      `${f.recoveryKey}\n`,
    );
    expect(restore.code).toBe(6);
    expect(existsSync(target)).toBe(false);
  });

  it('a made-up manifest.mac is refused, even when unsigned backups are allowed', async () => {
    const forged = forge(randomBytes(32).toString('hex'));
    const err = await refusal(
      verifyBackup({
        file: forged,
        secret: { recoveryKey: f.recoveryKey },
        allowUnauthenticated: true,
      }),
    );
    expect(err.reason).toBe('not_authentic');
    expect(err.message).toMatch(/does not match/);
  });

  it('an unsigned (old) backup passes only when allowed, and the CLI warns', async () => {
    const old = forge();
    const verified = await verifyBackup({
      file: old,
      secret: { recoveryKey: f.recoveryKey },
      allowUnauthenticated: true,
    });
    expect(verified.authenticity).toBe('unauthenticated');
    const cli = zamok(
      ['backup', 'verify', old, '--recovery-key-stdin', '--allow-unauthenticated'],
      `${f.recoveryKey}\n`,
    );
    expect(cli.code).toBe(0);
    expect(cli.stderr).toMatch(/^WARNING: this backup is NOT signed/);
  });

  it('a real backup whose manifest was edited is refused', async () => {
    const real = await realBackup({ kind: 'recipient', recipient });
    const identityFile = join(work, `id-${randomBytes(4).toString('hex')}.txt`);
    writeFileSync(identityFile, `${backupIdentity(f.recoveryKey, f.vaultId)}\n`, { mode: 0o600 });
    const dir = join(work, randomBytes(4).toString('hex'));
    mkdirSync(dir);
    const tarFile = join(dir, '..', `${randomBytes(4).toString('hex')}-real.tar`);
    run('age', ['-d', '-i', identityFile, '-o', tarFile, real.file]);
    run('tar', ['-xf', tarFile, '-C', dir]);
    const manifestPath = join(dir, 'manifest.json');
    writeFileSync(
      manifestPath,
      readFileSync(manifestPath, 'utf8').replace('"createdBy": "olena"', '"createdBy": "ivan"'),
    );
    const members = real.manifest.members.map(m => m.name);
    const edited = packWithStandardTools(
      dir,
      [...members, 'manifest.json', 'manifest.mac'],
      new Date('2030-01-02T00:00:00Z'),
    );
    const err = await refusal(
      verifyBackup({ file: edited, secret: { recoveryKey: f.recoveryKey } }),
    );
    expect(err.reason).toBe('not_authentic');
  });

  it('real backups verify and restore; with only the passphrase the passphrase vouches', async () => {
    const real = await realBackup({ kind: 'recipient', recipient });
    const secret = { recoveryKey: f.recoveryKey };
    expect((await verifyBackup({ file: real.file, secret })).authenticity).toBe('mac');
    const target = join(makeTempDir('zamok-real-target-'), 'vault');
    const restored = await restoreBackup({ file: real.file, secret, targetDir: target });
    expect(restored).toMatchObject({ authenticity: 'mac', audited: true });

    const locked = await realBackup({
      kind: 'passphrase',
      passphrase: 'long backup phrase',
      scryptWorkFactor: TEST_SCRYPT,
    });
    const byPassphrase = await verifyBackup({
      file: locked.file,
      secret: { passphrase: 'long backup phrase' },
    });
    expect(byPassphrase).toMatchObject({ authenticity: 'passphrase', databaseChecked: false });
  });

  it('without an open vault or a key, no backup is written (needs_key)', async () => {
    const dest = makeTempDir('zamok-nokey-');
    const err = await refusal(
      createBackup({
        vaultDir: f.dir,
        destination: dest,
        encryption: { kind: 'recipient', recipient },
        createdBy: 'scheduler',
      }),
    );
    expect(err.reason).toBe('needs_key');
    expect(readdirSync(dest)).toEqual([]);
  });
});
