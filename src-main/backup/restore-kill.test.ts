/**
 * `restore --replace` killed with SIGKILL at each step, in a real child process. Before, a kill
 * between moving the vault aside and moving the restored copy in left no vault at the path (the app
 * offered to create a new one) and the full temp copy beside it forever. Now, at the next start
 * (`createZamokApp`): killed before the journal, the old vault is there untouched; killed after it,
 * the restore is finished (the old vault kept as the named safety copy); either way the vault opens
 * and no temp copy or journal is left beside it.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../src-shared/ipc/auth';
import { createZamokApp } from '../app/compose';
import { createNoKeychainStore, unlockWithPassword } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { FIXTURE_OWNER, makeFixtureVault } from './backup-vault.test-support';
import { createBackup } from './create';
import { readPlainRecipient } from './recipient';
import type { RestoreStep } from './restore';

const FIXTURE = fileURLToPath(new URL('./restore-kill.fixture.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Written into the vault after the backup: present in the old vault only. */
const MARKER = join('attachments', 'after-backup.bin');

let vaultDir: string;
let recoveryKey: string;
let backupFile: string;

beforeAll(async () => {
  const f = await makeFixtureVault();
  const dest = makeTempDir('zamok-kill-dest-');
  backupFile = (
    await createBackup({
      vaultDir: f.dir,
      vault: f.vault,
      destination: dest,
      encryption: { kind: 'recipient', recipient: readPlainRecipient(f.dir, f.vaultId) ?? '' },
      createdBy: 'olena',
    })
  ).file;
  f.app.dispose();
  writeFileSync(join(f.dir, MARKER), 'newer than the backup');
  vaultDir = f.dir;
  recoveryKey = f.recoveryKey;
}, 60_000);

const apps: ReturnType<typeof createZamokApp>[] = [];
afterAll(() => {
  for (const app of apps.splice(0)) app.dispose();
});

/** Runs the restore in a child and kills it with SIGKILL once it reports `step`. */
function restoreKilledAt(target: string, step: RestoreStep): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, backupFile, target, step], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(`${recoveryKey}\n`);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes(`step ${step}\n`)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child ended ${code} before ${step}:\n${out}\n${err}`));
    });
  });
}

/** The entries beside the vault folder that a restore makes (temps, journal, safety copy). */
function besideVault(target: string): string[] {
  return readdirSync(dirname(target)).filter(n => n !== 'vault');
}

describe('restore --replace killed at each step', () => {
  const expectations: [RestoreStep, 'old' | 'restored'][] = [
    ['started', 'old'],
    ['unpacked', 'old'],
    ['journaled', 'restored'],
    ['moved_aside', 'restored'],
    ['swapped', 'restored'],
  ];
  for (const [step, expected] of expectations) {
    it(`killed at "${step}": the next start has the ${expected} vault and no temp copy`, async () => {
      const target = join(makeTempDir('zamok-kill-'), 'vault');
      cpSync(vaultDir, target, { recursive: true });
      await restoreKilledAt(target, step);
      if (step === 'moved_aside') expect(existsSync(target)).toBe(false); // the gap of the bug
      // A temp copy (or, once swapped, the journal) is left beside the vault by the kill.
      expect(besideVault(target).some(n => n.startsWith('.zamok-'))).toBe(true);

      const app = createZamokApp({
        vaultDir: target,
        host: 'preview',
        kdf: TEST_KDF,
        deviceStore: createNoKeychainStore(),
      });
      apps.push(app);
      const status = await app.router.call('zamok:auth.status', {}, { host: 'preview' });
      expect(status.ok && (status.value as AppStatus).state).toBe('locked');
      expect(existsSync(join(target, MARKER))).toBe(expected === 'old');
      const vault = await unlockWithPassword(target, FIXTURE_OWNER.login, FIXTURE_OWNER.password, {
        deviceStore: createNoKeychainStore(),
      });
      vault.close();

      const left = besideVault(target);
      expect(left.filter(n => n.startsWith('.zamok-'))).toEqual([]);
      if (expected === 'restored') {
        expect(left).toEqual([expect.stringMatching(/^vault\.before-restore-\d{8}T\d{6}Z$/)]);
        expect(existsSync(join(dirname(target), left[0] ?? '', MARKER))).toBe(true);
      } else {
        expect(left).toEqual([]);
      }
    }, 60_000);
  }
});
