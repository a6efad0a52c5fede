/**
 * A key-slot change and its database rows commit together (src-main/vault/keyring-changes.ts):
 * each slot-changing call runs in a child process that is SIGKILLed at every step of the change.
 * Afterwards the vault holds either the old slot, the old rows and no audit entry (killed before the
 * COMMIT), or the new slot, the new rows and the entry (killed after it) — never a mix.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupResult, TotpEnrollment } from '../../src-shared/ipc/auth';
import type { UserSummary } from '../../src-shared/ipc/users';
import type { Result } from '../../src-shared/ipc/contract';
import { listAudit, verifyAuditChain } from '../audit';
import { findUserByLogin } from '../auth/accounts';
import { generateTotp } from '../auth/totp';
import { createNoKeychainStore, unlockWithPassword, type OpenVault } from '../vault';
import { KEYRING_STEPS } from '../vault/keyring-changes';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { tables } from './account-view';
import { createZamokApp } from './compose';
import type { KillArgs } from './keyring-kill.fixture';

const fixture = fileURLToPath(new URL('./keyring-kill.fixture.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const noKeychain = { deviceStore: createNoKeychainStore() };
const OWNER = { login: 'olena', displayName: 'Olena', password: 'quiet river under old bridges' };
const STAFF_PASSWORD = 'amber fields of late summer';
const NEW_PASSWORD = 'seven lanterns over the harbour';

async function ok<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A vault with its owner and one manager (maria), made through the router; all signed out. */
async function makeTemplate(): Promise<{ dir: string; args: KillArgs }> {
  let now = Date.parse('2026-03-02T09:00:00Z');
  const dir = join(makeTempDir('zamok-keyring-kill-'), 'vault');
  const app = createZamokApp({
    vaultDir: dir,
    host: 'preview',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
    clock: () => now,
  });
  const call = (channel: string, input: unknown) =>
    app.router.call(`zamok:${channel}`, input, { host: 'preview' });
  const { secret } = await ok<TotpEnrollment>(
    call('auth.beginTotpEnrollment', { login: OWNER.login }),
  );
  const setup = await ok<SetupResult>(
    call('auth.createVault', {
      vaultDir: dir,
      login: OWNER.login,
      displayName: OWNER.displayName,
      password: OWNER.password,
      totpCode: generateTotp(secret, now),
      deviceBinding: false,
    }),
  );
  const maria = await ok<UserSummary>(
    call('users.create', {
      login: 'maria',
      displayName: 'Maria',
      role: 'manager',
      setupPassword: STAFF_PASSWORD,
    }),
  );
  await ok(call('auth.signOut', {}));
  now += 30_000;
  app.dispose();
  return {
    dir,
    args: {
      ownerLogin: OWNER.login,
      ownerId: setup.user.id,
      ownerPassword: OWNER.password,
      newPassword: NEW_PASSWORD,
      recoveryKey: setup.recoveryKey,
      staffId: maria.id,
      staffPassword: STAFF_PASSWORD,
    },
  };
}

/** Runs one op in a child; with a step, SIGKILLs it there. Resolves with how it ended. */
function runChild(dir: string, op: string, step: string, args: KillArgs): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fixture, dir, op, step, JSON.stringify(args)],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', chunk => (err += String(chunk)));
    child.stdout.on('data', chunk => {
      out += String(chunk);
      if (out.includes(`at ${step}\n`)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && out.includes('done {"ok":true')) resolve('done');
      else reject(new Error(`child ended ${code ?? signal}: ${out} ${err}`));
    });
  });
}

async function opens(dir: string, login: string, password: string): Promise<OpenVault | null> {
  return unlockWithPassword(dir, login, password, noKeychain).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'auth_failed') return null;
    throw error;
  });
}

const ACTIONS: Record<string, string> = {
  change: 'auth.change_password',
  add: 'users.create',
  dismiss: 'users.dismiss',
  reset: 'auth.reset_password_with_recovery_key',
  first: 'auth.complete_first_sign_in',
};

let template: { dir: string; args: KillArgs };
const opened: OpenVault[] = [];
beforeAll(async () => {
  template = await makeTemplate();
}, 60_000);
afterAll(() => {
  for (const vault of opened.splice(0)) vault.close();
});

/** Checks the vault after `op` was killed (or finished): all of the change, or none of it. */
async function expectAllOrNothing(dir: string, op: string, committed: boolean): Promise<void> {
  const ownerPassword = committed && (op === 'change' || op === 'reset') ? NEW_PASSWORD : null;
  const owner = await opens(dir, OWNER.login, ownerPassword ?? OWNER.password);
  expect(owner, 'the owner signs in with the password the outcome says').not.toBeNull();
  if (!owner) return;
  opened.push(owner);
  // Settled at that unlock: nothing is pending any more.
  expect(JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')).pending).toBeUndefined();
  const entries = await listAudit(owner.db, { action: ACTIONS[op] ?? '', limit: 50 });
  const okEntries = entries.entries.filter(e => e.outcome === 'ok');
  // The template's own users.create (maria) is the one entry there before the call.
  expect(okEntries).toHaveLength((op === 'add' ? 1 : 0) + Number(committed));
  if (op === 'change' || op === 'reset') {
    expect(await opens(dir, OWNER.login, committed ? OWNER.password : NEW_PASSWORD)).toBeNull();
  }
  if (op === 'add') {
    expect((await findUserByLogin(tables(owner), 'petro')) !== undefined).toBe(committed);
    const petro = await opens(dir, 'petro', NEW_PASSWORD);
    if (petro) opened.push(petro);
    expect(petro !== null).toBe(committed);
  }
  if (op === 'first') {
    const maria = await opens(dir, 'maria', committed ? NEW_PASSWORD : STAFF_PASSWORD);
    expect(maria, 'maria signs in with the password the outcome says').not.toBeNull();
    if (maria) opened.push(maria);
    expect(await opens(dir, 'maria', committed ? STAFF_PASSWORD : NEW_PASSWORD)).toBeNull();
    const row = await findUserByLogin(tables(owner), 'maria');
    expect(row?.mustChangePassword).toBe(!committed);
  }
  if (op === 'dismiss') {
    expect((await findUserByLogin(tables(owner), 'maria'))?.status).toBe(
      committed ? 'dismissed' : 'active',
    );
    const maria = await opens(dir, 'maria', STAFF_PASSWORD);
    if (maria) opened.push(maria);
    expect(maria !== null).toBe(!committed);
  }
  expect(verifyAuditChain(owner.sqlite).ok).toBe(true);
}

describe('a key-slot change killed at every step', () => {
  for (const op of Object.keys(ACTIONS)) {
    it(`${op}: killed before the COMMIT nothing happened, after it everything did`, async () => {
      for (const step of [...KEYRING_STEPS, 'none']) {
        const dir = join(makeTempDir('zamok-keyring-kill-case-'), 'vault');
        cpSync(template.dir, dir, { recursive: true });
        const ended = await runChild(dir, op, step, template.args);
        expect(ended).toBe(step === 'none' ? 'done' : 'killed');
        const committed = step === 'settling' || step === 'settled' || step === 'none';
        await expectAllOrNothing(dir, op, committed);
      }
    }, 300_000);
  }
});
