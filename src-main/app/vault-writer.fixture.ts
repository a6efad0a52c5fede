/**
 * Test fixture run as a child process by vault-damage.test.ts, page-damage.test.ts and
 * two-processes.test.ts:
 * - `create <dir>`: makes an owner vault (cli.test-support's owner), prints `{ secret, recoveryKey }`;
 * - `write <dir> <secret> <count> <close|hold> <step> <prefix>`: signs in through the router with
 *   its clock `step` TOTP steps ahead (two processes each need a step of their own) and background
 *   checkpoints on, as the desktop app runs, and creates contacts one at a time, printing `ack <n>`
 *   only after the call returned ok (an acknowledged write); a refused call prints `refused <code>`
 *   and ends the process with exit 3. `count` 0 writes until killed; `close` signs out at the end
 *   (a clean close), `hold` keeps the vault open; `lockstep` (count ignored) writes one contact per
 *   `go` line read on stdin, so two writers started together contend for every write without one
 *   starving the other (a writer in a tight loop can hold the lock through the other's busy wait);
 * - `hold-lock <dir>`: unlocks the vault and holds its write lock (BEGIN IMMEDIATE) until killed.
 * Usage: node --import tsx vault-writer.fixture.ts <mode> …
 */
import { generateTotp } from '../auth/totp';
import { CLI_OWNER, createOwnerVault } from '../cli/cli.test-support';
import { createNoKeychainStore } from '../vault';
import { setBackgroundCheckpoints } from '../vault/database';
import { TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp } from './compose';
import { ackedName, unlockOwner } from './vault-writer.test-support';

const [mode, dir, secret, countText, end, stepText, prefix] = process.argv.slice(2);

if (mode === 'create' && dir) {
  const made = await createOwnerVault(dir);
  made.app.dispose();
  process.stdout.write(
    `${JSON.stringify({ secret: made.secret, recoveryKey: made.setup.recoveryKey })}\n`,
  );
} else if (mode === 'write' && dir && secret) {
  setBackgroundCheckpoints(true);
  const offset = Number(stepText ?? '1') * 30_000;
  const app = createZamokApp({
    vaultDir: dir,
    host: 'cli',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    clock: () => Date.now() + offset,
  });
  const call = async (channel: string, input: unknown): Promise<void> => {
    const r = await app.router.call(`zamok:${channel}`, input, { host: 'cli' });
    if (r.ok) return;
    process.stdout.write(`refused ${r.error.code}\n`);
    process.exit(3);
  };
  await call('auth.signIn', {
    login: CLI_OWNER.login,
    password: CLI_OWNER.password,
    totpCode: generateTotp(secret, Date.now() + offset),
  });
  const count = Number(countText ?? '0');
  const write = async (i: number): Promise<void> => {
    const surname = ackedName(i, prefix);
    await call('contacts.create', { contact: { surname, givenName: 'Test' } });
    process.stdout.write(`ack ${i}\n`);
  };
  if (end === 'lockstep') {
    let i = 0;
    let turn = Promise.resolve();
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (text: string) => {
      for (const line of text.split('\n')) if (line === 'go') turn = turn.then(() => write(++i));
    });
  } else {
    for (let i = 1; count === 0 || i <= count; i++) await write(i);
    if (end === 'close') {
      await call('auth.signOut', {});
      app.dispose();
    } else {
      process.stdout.write('holding\n');
      setInterval(() => undefined, 1_000);
    }
  }
} else if (mode === 'hold-lock' && dir) {
  const vault = await unlockOwner(dir);
  vault.sqlite.exec('BEGIN IMMEDIATE');
  process.stdout.write('ack 1\n');
  setInterval(() => undefined, 1_000);
} else {
  process.stderr.write('usage: vault-writer.fixture.ts create|write|hold-lock …\n');
  process.exitCode = 2;
}
