/**
 * Round trip on real files: create → verify → restore into an empty folder → sign in through the app
 * → the same users, attachments and a verifying audit chain that now ends with the restore.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit, verifyAuditChain } from '../audit';
import type { ZamokApp } from '../app/compose';
import { tables } from '../app/auth-service';
import type { OpenVault } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { createBackup } from './create';
import { authKeyFromRecoveryKey } from './keys';
import { parseBackupFileName } from './manifest';
import { readPlainRecipient } from './recipient';
import { restoreBackup } from './restore';
import {
  makeFixtureVault,
  ok,
  openTestApp,
  FIXTURE_OWNER,
  TEST_SCRYPT,
} from './backup-vault.test-support';
import { verifyBackup } from './verify';

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

async function fixture() {
  const f = await makeFixtureVault();
  apps.push(f.app);
  return f;
}

describe('backup round trip', () => {
  it('a recovery-key backup verifies, restores into an empty folder and signs in with the same data', async () => {
    const f = await fixture();
    const dest = makeTempDir('zamok-backup-dest-');
    const recipient = readPlainRecipient(f.dir, f.vaultId);
    expect(recipient).toMatch(/^age1/);
    const created = await createBackup({
      vaultDir: f.dir,
      vault: f.vault,
      destination: dest,
      encryption: { kind: 'recipient', recipient: recipient ?? '' },
      createdBy: FIXTURE_OWNER.login,
      now: new Date(f.clock.now()),
    });
    // Only the finished file is in the destination, named after the vault and the time.
    expect(readdirSync(dest)).toEqual([created.file.split('/').at(-1)]);
    expect(parseBackupFileName(created.file.split('/').at(-1) ?? '')?.vaultId).toBe(f.vaultId);
    expect(created.manifest.counts).toEqual({
      users: 4,
      contacts: 0,
      auditEntries: expect.any(Number),
    });
    expect(created.manifest.members.map(m => m.name)).toEqual([
      'zamok.db',
      'keyring.json',
      'attachments/ab/contract-1.bin',
      'attachments/scan.bin',
    ]);
    // The ciphertext does not contain the plain SQLite or keyring text.
    const raw = readFileSync(created.file);
    expect(raw.subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(raw.includes(Buffer.from('zamok-keyring'))).toBe(false);

    const verified = await verifyBackup({
      file: created.file,
      secret: { recoveryKey: f.recoveryKey },
    });
    expect(verified.databaseChecked).toBe(true);
    expect(verified.manifest).toEqual(created.manifest);

    const target = join(makeTempDir('zamok-restore-'), 'vault');
    const restored = await restoreBackup({
      file: created.file,
      secret: { recoveryKey: f.recoveryKey },
      targetDir: target,
      actor: { userLogin: FIXTURE_OWNER.login },
    });
    expect(restored).toMatchObject({ safetyCopy: null, databaseChecked: true, audited: true });
    expect(readFileSync(join(target, 'attachments', 'ab', 'contract-1.bin'))).toEqual(
      readFileSync(join(f.dir, 'attachments', 'ab', 'contract-1.bin')),
    );
    expect(readdirSync(join(target, '..'))).toEqual(['vault']); // no temp folder left

    const app = openTestApp(target, f.clock.now);
    apps.push(app);
    f.clock.advance(30);
    await ok(app, 'auth.signIn', { ...pick(FIXTURE_OWNER), totpCode: f.totp() });
    const vault = app.state.openVault() as OpenVault;
    const users = await tables(vault)
      .selectFrom('users')
      .select('login')
      .orderBy('login')
      .execute();
    expect(users.map(u => u.login)).toEqual(['ivan', 'maria', 'olena', 'petro']);
    expect(verifyAuditChain(vault).ok).toBe(true);
    const page = await listAudit(tables(vault), { limit: 100 });
    const actions = page.entries.map(e => e.action);
    expect(actions).toContain('backup.restore');
    expect(actions.filter(a => a === 'test.event')).toHaveLength(5);
  });

  it('a passphrase backup verifies fully with the open vault, and without a key says the database was not checked', async () => {
    const f = await fixture();
    const dest = makeTempDir('zamok-backup-dest-');
    const created = await createBackup({
      vaultDir: f.dir,
      vault: f.vault,
      destination: dest,
      encryption: {
        kind: 'passphrase',
        passphrase: 'long backup phrase',
        scryptWorkFactor: TEST_SCRYPT,
      },
      createdBy: 'scheduler',
    });
    const full = await verifyBackup({
      file: created.file,
      secret: { passphrase: 'long backup phrase' },
      openVault: f.vault,
    });
    expect(full.databaseChecked).toBe(true);
    const partial = await verifyBackup({
      file: created.file,
      secret: { passphrase: 'long backup phrase' },
    });
    expect(partial.databaseChecked).toBe(false);
    expect(partial.manifest.createdBy).toBe('scheduler');
  });

  it('a backup of a locked vault copies the closed files; counts are unknown but the file restores', async () => {
    const f = await fixture();
    await ok(f.app, 'auth.signOut', {});
    f.app.state.flushPendingClose();
    const dest = makeTempDir('zamok-backup-dest-');
    const created = await createBackup({
      vaultDir: f.dir,
      vault: null,
      destination: dest,
      encryption: { kind: 'recipient', recipient: readPlainRecipient(f.dir, f.vaultId) ?? '' },
      createdBy: 'scheduler',
      authKey: await authKeyFromRecoveryKey(f.dir, f.recoveryKey),
    });
    expect(created.manifest.counts).toBeNull();
    const verified = await verifyBackup({
      file: created.file,
      secret: { recoveryKey: f.recoveryKey },
    });
    expect(verified.databaseChecked).toBe(true);
  });
});

function pick(o: typeof FIXTURE_OWNER) {
  return { login: o.login, password: o.password };
}
