/**
 * No lock-in: a backup opens with the standard tools alone. The Debian `age` CLI decrypts it (with the
 * passphrase typed at a terminal — run under `script` for a TTY — and with the identity derived from
 * the recovery key in an identity file), `tar` unpacks it, and `sqlcipher` opens zamok.db inside with
 * the vault's data key. And the other way round: our bech32 identity is what `age-keygen -y` accepts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZamokApp } from '../app/compose';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { backupIdentity, bech32Encode, recipientOf } from './age-identity';
import { createBackup } from './create';
import { readPlainRecipient } from './recipient';
import { makeFixtureVault, TEST_SCRYPT } from './backup-vault.test-support';

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function sqlcipherCount(db: string, dataKey: Buffer, table: string): string {
  const sql = `PRAGMA key = "x'${dataKey.toString('hex')}'";\nSELECT count(*) FROM ${table};\n`;
  return run('sqlcipher', [db], sql).trim().split('\n').at(-1) ?? '';
}

describe('interop with age, tar and sqlcipher', () => {
  it('age -d with the passphrase at a terminal, then tar and sqlcipher with the data key', async () => {
    const f = await makeFixtureVault();
    apps.push(f.app);
    const dest = makeTempDir('zamok-interop-');
    const passphrase = 'seven pale horses drink';
    const { file } = await createBackup({
      vaultDir: f.dir,
      vault: f.vault,
      destination: dest,
      encryption: { kind: 'passphrase', passphrase, scryptWorkFactor: TEST_SCRYPT },
      createdBy: 'olena',
    });
    const tarFile = join(dest, 'plain.tar');
    run('script', ['-qec', `age -d -o '${tarFile}' '${file}'`, '/dev/null'], `${passphrase}\n`);
    const out = join(dest, 'x');
    mkdirSync(out);
    run('tar', ['-xf', tarFile, '-C', out]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      vaultId: string;
    };
    expect(manifest.vaultId).toBe(f.vaultId);
    const key = f.vault.dataKey();
    expect(sqlcipherCount(join(out, 'zamok.db'), key, 'users')).toBe('4');
    // Without the key the file is not readable as SQLite.
    const noKey = spawnSync('sqlcipher', [join(out, 'zamok.db')], {
      input: 'SELECT count(*) FROM users;\n',
      encoding: 'utf8',
    });
    expect(noKey.stdout + noKey.stderr).toMatch(/not a database/);
    key.fill(0);
  });

  it('age -d -i with the identity derived from the recovery key', async () => {
    const f = await makeFixtureVault();
    apps.push(f.app);
    const dest = makeTempDir('zamok-interop-');
    const { file } = await createBackup({
      vaultDir: f.dir,
      vault: f.vault,
      destination: dest,
      encryption: { kind: 'recipient', recipient: readPlainRecipient(f.dir, f.vaultId) ?? '' },
      createdBy: 'olena',
    });
    const identityFile = join(dest, 'identity.txt');
    writeFileSync(identityFile, `${backupIdentity(f.recoveryKey, f.vaultId)}\n`, { mode: 0o600 });
    // age-keygen agrees on the public key of our bech32-encoded identity.
    expect(run('age-keygen', ['-y', identityFile]).trim()).toBe(
      readPlainRecipient(f.dir, f.vaultId),
    );
    const tarFile = join(dest, 'plain.tar');
    run('age', ['-d', '-i', identityFile, '-o', tarFile, file]);
    const out = join(dest, 'x');
    mkdirSync(out);
    run('tar', ['-xf', tarFile, '-C', out]);
    const key = f.vault.dataKey();
    expect(sqlcipherCount(join(out, 'zamok.db'), key, 'users')).toBe('4');
    expect(readFileSync(join(out, 'attachments', 'scan.bin'), 'utf8')).toBe('scan');
    key.fill(0);
  });

  it('the identity is per vault and per recovery key, and a BIP-173 test vector encodes exactly', async () => {
    // BIP-173 valid vector: hrp 'a', no data.
    expect(bech32Encode('a', new Uint8Array())).toBe('a12uel5l');
    const f = await makeFixtureVault();
    apps.push(f.app);
    const mine = backupIdentity(f.recoveryKey, f.vaultId);
    expect(mine).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(backupIdentity(f.recoveryKey, 'f'.repeat(32))).not.toBe(mine);
    expect(await recipientOf(mine)).toBe(readPlainRecipient(f.dir, f.vaultId));
  });
});
