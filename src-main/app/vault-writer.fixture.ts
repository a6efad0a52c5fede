/**
 * Test fixture run as a child process by vault-damage.test.ts and two-processes.test.ts:
 * - `create <dir>`: makes an owner vault (cli.test-support's owner), prints `{ secret }` as JSON;
 * - `write <dir> <secret> <count> [close|hold]`: signs in through the router (TOTP from `secret`)
 *   with background checkpoints on, as the desktop app runs, and creates contacts one at a time,
 *   printing `ack <n>` only after the call returned ok (an acknowledged write). `count` 0 writes
 *   until killed; `close` signs out at the end (a clean close), `hold` keeps the vault open.
 * Usage: node --import tsx vault-writer.fixture.ts <mode> …
 */
import { generateTotp } from '../auth/totp';
import { CLI_OWNER, createOwnerVault } from '../cli/cli.test-support';
import { createNoKeychainStore } from '../vault';
import { setBackgroundCheckpoints } from '../vault/database';
import { TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp } from './compose';
import { ackedName } from './vault-writer.test-support';

const [mode, dir, secret, countText, end] = process.argv.slice(2);

if (mode === 'create' && dir) {
  const made = await createOwnerVault(dir);
  made.app.dispose();
  process.stdout.write(`${JSON.stringify({ secret: made.secret })}\n`);
} else if (mode === 'write' && dir && secret) {
  setBackgroundCheckpoints(true);
  const app = createZamokApp({
    vaultDir: dir,
    host: 'cli',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
  });
  const call = async (channel: string, input: unknown): Promise<void> => {
    const r = await app.router.call(`zamok:${channel}`, input, { host: 'cli' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
  };
  // A later TOTP step than the vault's creation (a used step is never accepted twice).
  await call('auth.signIn', {
    login: CLI_OWNER.login,
    password: CLI_OWNER.password,
    totpCode: generateTotp(secret, Date.now() + 30_000),
  });
  const count = Number(countText ?? '0');
  for (let i = 1; count === 0 || i <= count; i++) {
    await call('contacts.create', { contact: { surname: ackedName(i), givenName: 'Test' } });
    process.stdout.write(`ack ${i}\n`);
  }
  if (end === 'close') {
    await call('auth.signOut', {});
    app.dispose();
  } else {
    process.stdout.write('holding\n');
    setInterval(() => undefined, 1_000);
  }
} else {
  process.stderr.write('usage: vault-writer.fixture.ts create|write …\n');
  process.exitCode = 2;
}
