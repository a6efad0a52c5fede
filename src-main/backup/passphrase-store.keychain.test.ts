/**
 * The backup passphrase in the real OS keychain (Secret Service on Linux), and a scheduled passphrase
 * backup of a LOCKED vault that reads it from there. `npm run test:unit` provides a throwaway
 * keychain; to run this file alone:
 *   bash scripts/with-test-keychain.sh npx vitest run src-main/backup
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS } from '../../src-shared/ipc/backup';
import { createKeychainStore } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { createKeychainPassphraseStore, type BackupPassphraseStore } from './passphrase-store';
import { createBackupService } from './service';
import { makeFixtureVault, ok, TEST_SCRYPT } from './backup-vault.test-support';
import { verifyBackup } from './verify';

const HOW_TO_RUN =
  'No OS keychain (Secret Service) is reachable. `npm run test:unit` provides a throwaway one; for this file run: ' +
  'bash scripts/with-test-keychain.sh npx vitest run src-main/backup';

// A service name of its own, so the test never touches a real Zamok entry on a developer's machine.
const service = `zamok-test-${randomBytes(4).toString('hex')}`;
let store: BackupPassphraseStore;
const made: string[] = [];

beforeAll(async () => {
  if (!(await createKeychainStore().isAvailable())) expect.fail(HOW_TO_RUN);
  store = createKeychainPassphraseStore(service);
});

afterAll(async () => {
  for (const id of made) await store.remove(id);
});

describe('backup passphrase in the OS keychain', () => {
  it('stores, reads back and forgets a passphrase per vault', async () => {
    const a = randomBytes(16).toString('hex');
    const b = randomBytes(16).toString('hex');
    made.push(a, b);
    expect(await store.get(a)).toBeNull();
    await store.set(a, 'first long backup phrase');
    await store.set(b, 'second long backup phrase');
    expect(await store.get(a)).toBe('first long backup phrase');
    expect(await store.get(b)).toBe('second long backup phrase');
    await store.remove(a);
    expect(await store.get(a)).toBeNull();
    expect(await store.get(b)).toBe('second long backup phrase');
  });

  it('a scheduled run of a locked vault takes the passphrase from the keychain; without it, no file', async () => {
    const f = await makeFixtureVault();
    made.push(f.vaultId);
    try {
      const dest = makeTempDir('zamok-keychain-dest-');
      const backups = createBackupService({
        vaultDir: () => f.dir,
        openVault: () => f.app.state.openVault(),
        passphrases: store,
        clock: f.clock.now,
        scryptWorkFactor: TEST_SCRYPT,
      });
      await backups.updateSettings(
        {
          ...DEFAULT_BACKUP_SETTINGS,
          encryption: 'passphrase',
          destinations: [{ id: 'disk', path: dest }],
        },
        'a long office backup phrase',
      );
      await ok(f.app, 'auth.signOut', {});
      f.app.state.flushPendingClose();
      expect(f.app.state.openVault()).toBeNull();

      const [run] = await backups.runNow('disk', 'scheduler');
      expect(run?.error).toBeNull();
      const verified = await verifyBackup({
        file: run?.file ?? '',
        secret: { passphrase: 'a long office backup phrase' },
      });
      expect(verified.manifest.vaultId).toBe(f.vaultId);
      expect(verified.manifest.createdBy).toBe('scheduler');

      await store.remove(f.vaultId);
      f.clock.advance(60);
      const [without] = await backups.runNow('disk', 'scheduler');
      expect(without?.file).toBeNull();
      expect(without?.error).toMatch(/keychain/);
      expect(readdirSync(dest).filter(n => n.endsWith('.zamokbackup'))).toHaveLength(1);
    } finally {
      f.app.dispose();
    }
  });
});
