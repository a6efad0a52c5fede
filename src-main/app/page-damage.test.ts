/**
 * Issue 14 point 1, page damage and empty files: a page of zamok.db flipped while the vault is
 * closed. Changed by another program (mtime moved) → the next unlock runs quick_check and refuses
 * with `vault_damaged`, and `zamok backup create` refuses too. Flipped with the mtime put back (as
 * a failing disk would) → the unlock cannot know, but the first read of that page stops the vault
 * at once: `vault_damaged`, the session ends, files copied aside, and every later unlock refuses.
 * An empty zamok.db → `zamok backup create` exits 8 (it exited 0 and backed up nothing).
 */
import {
  cpSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp } from '../auth/totp';
import { CLI_OWNER, zamokInProcess } from '../cli/cli.test-support';
import { createNoKeychainStore } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp } from './compose';
import { createWriterVault, unlockOwner, writeAndClose } from './vault-writer.test-support';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

let dir: string;
let secret: string;
let recoveryKey: string;
let contactsPage: number;

beforeAll(async () => {
  const root = makeTempDir('zamok-pages-');
  roots.push(root);
  ({ dir, secret, recoveryKey } = createWriterVault(root));
  await writeAndClose(dir, secret, 40);
  const vault = await unlockOwner(dir);
  contactsPage = vault.sqlite
    .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'contacts'")
    .pluck()
    .get() as number;
  vault.close();
}, 120_000);

/** A copy of the closed vault with one byte flipped inside the contacts table's first page. */
function flippedCopy(name: string, keepMtime: boolean): string {
  const copy = join(dir, '..', name);
  cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
  const db = join(copy, 'zamok.db');
  const before = statSync(db);
  const bytes = readFileSync(db);
  const at = (contactsPage - 1) * 4096 + 2000;
  bytes.writeUInt8(bytes.readUInt8(at) ^ 0x10, at);
  writeFileSync(db, bytes);
  if (keepMtime) utimesSync(db, before.atime, before.mtime);
  return copy;
}

function backupCreate(vaultDir: string) {
  const out = makeTempDir('zamok-pages-out-');
  roots.push(out);
  // The recovery key signs the manifest (a closed vault has no other key).
  return zamokInProcess(
    ['--vault', vaultDir, 'backup', 'create', '--out', out, '--recovery-key-stdin'],
    { input: `${recoveryKey}\n` },
  );
}

describe('a damaged zamok.db', () => {
  it('changed while closed: the unlock checks every page and refuses; so does a backup', async () => {
    const copy = flippedCopy('changed', false);
    const backup = await backupCreate(copy);
    expect(backup.status).not.toBe(0);
    expect(backup.stderr).toMatch(/changed after Zamok last closed it/);
    await expect(unlockOwner(copy)).rejects.toMatchObject({ code: 'vault_damaged' });
    expect(readdirSync(join(copy, '..')).some(n => n.startsWith('changed.damaged-'))).toBe(true);
    expect((await backupCreate(copy)).status).toBe(8);
  }, 60_000);

  it('damaged in place: the first read of the page stops the vault, no more writes', async () => {
    const copy = flippedCopy('in-place', true);
    const app = createZamokApp({
      vaultDir: copy,
      host: 'cli',
      kdf: TEST_KDF,
      deviceStore: createNoKeychainStore(),
      // Two TOTP steps after the writer's sign-in (a used step never works twice).
      clock: () => Date.now() + 90_000,
    });
    const call = (channel: string, input: unknown) =>
      app.router.call(`zamok:${channel}`, input, { host: 'cli' });
    const signIn = {
      login: CLI_OWNER.login,
      password: CLI_OWNER.password,
      totpCode: generateTotp(secret, Date.now() + 90_000),
    };
    // The first statement that reads the flipped page stops the vault: usually the contact list,
    // sometimes already the sign-in (its own reads and writes — audit, guard rules, a slot
    // re-calibration — can reach that page first). Either way nothing is written after it.
    const signedIn = await call('auth.signIn', signIn);
    const first = signedIn.ok ? await call('contacts.list', {}) : signedIn;
    expect(first).toMatchObject({ ok: false, error: { code: 'vault_damaged' } });
    // The session ended and the vault is closed: the next write is refused, nothing written.
    const write = await call('contacts.create', { contact: { surname: 'Після', givenName: 'Н' } });
    expect(write.ok).toBe(false);
    expect(app.state.vault).toBeNull();
    expect(readdirSync(join(copy, '..')).some(n => n.startsWith('in-place.damaged-'))).toBe(true);
    await expect(unlockOwner(copy)).rejects.toMatchObject({ code: 'vault_damaged' });
    expect((await backupCreate(copy)).status).toBe(8);
    app.dispose();
  }, 60_000);

  it('empty: backup create refuses with exit 8 instead of backing up nothing', async () => {
    const copy = join(dir, '..', 'empty');
    cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
    writeFileSync(join(copy, 'zamok.db'), '');
    const backup = await backupCreate(copy);
    expect(backup.status).toBe(8);
    expect(backup.stderr).toMatch(/not whole pages/);
  });
});
