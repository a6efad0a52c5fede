/**
 * Test-only child process for the backup tests that need a process of their own (run with
 * `node --import tsx child.fixture.ts <mode> …`):
 * - `generate <parentDir> <megabytes>`: a test vault with that many MB of random blob rows; prints
 *   `{ dir, recoveryKey, recipient, vaultId }` as JSON;
 * - `backup <vaultDir> <dest> <recipient> [recoveryKey]`: unlocks with the test owner, backs up (and
 *   verifies when a recovery key is given), printing progress lines, then `{ maxRssMiB }` as JSON.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createNoKeychainStore, unlockWithPassword } from '../vault';
import { createTestVault, TEST_OWNER } from '../vault/temp-vault.test-support';
import { createBackup } from './create';
import { storeBackupRecipient } from './recipient';
import { verifyBackup } from './verify';

const [mode, a, b, c, d] = process.argv.slice(2);

if (mode === 'generate' && a && b) {
  const created = await createTestVault({ dir: join(a, 'vault') });
  const recipient = await storeBackupRecipient(created.vault, created.recoveryKey);
  const sqlite = created.vault.sqlite;
  sqlite.exec('CREATE TABLE test_blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO test_blobs (data) VALUES (?)');
  const rows = Number(b);
  for (let i = 0; i < rows; i += 16) {
    sqlite.transaction(() => {
      for (let j = i; j < Math.min(rows, i + 16); j++) insert.run(randomBytes(1024 * 1024));
    })();
  }
  created.vault.close();
  process.stdout.write(
    `${JSON.stringify({ dir: created.dir, recoveryKey: created.recoveryKey, recipient, vaultId: created.vaultId })}\n`,
  );
} else if (mode === 'backup' && a && b && c) {
  const vault = await unlockWithPassword(a, TEST_OWNER.login, TEST_OWNER.password, {
    deviceStore: createNoKeychainStore(),
  });
  const { file } = await createBackup({
    vaultDir: a,
    vault,
    destination: b,
    encryption: { kind: 'recipient', recipient: c },
    createdBy: 'scheduler',
    onProgress: p => process.stdout.write(`${JSON.stringify(p)}\n`),
  });
  if (d) await verifyBackup({ file, secret: { recoveryKey: d } });
  vault.close();
  const maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ file, maxRssMiB })}\n`);
} else {
  process.stderr.write('usage: child.fixture.ts generate|backup …\n');
  process.exitCode = 2;
}
