/**
 * `zamok audit verify` and `zamok audit export` as an owner or a script runs them (in-process through
 * `runCli`, on the TOTP step after enrolment) on a real vault, then the attack for real — the
 * raw data key (from the recovery-key flow), the standard `sqlcipher` tool, the append-only trigger
 * dropped, an entry edited — and verify must exit 5 naming that entry.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyView } from '../../../src-shared/ipc/audit';
import type { SetupResult } from '../../../src-shared/ipc/auth';
import type { Result } from '../../../src-shared/ipc/contract';
import type { ZamokApp } from '../../app/compose';
import { addStaff, STAFF_PASSWORD } from '../../app/handlers/audit.fixture';
import { generateTotp } from '../../auth/totp';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import {
  CLI_OWNER,
  createOwnerVault,
  zamokInProcess,
  type CliRunResult,
} from '../cli.test-support';

const OWNER = CLI_OWNER.login;
const PASSWORD = CLI_OWNER.password;
const TODAY = new Date().toISOString().slice(0, 10);
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** Runs the CLI in English on the step after enrolment, with the owner's password by default. */
function zamok(args: string[], password: string = PASSWORD): Promise<CliRunResult> {
  return zamokInProcess(['--vault', vault, ...args], {
    env: { ZAMOK_PASSWORD: password },
    clock: () => enrolledAt + 30_000,
  });
}

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value as T;
}

const root = makeTempDir('zamok-audit-cli-');
const vault = join(root, 'vault');
let app: ZamokApp;
let secret = '';
let setup: SetupResult;
let enrolledAt = 0;
let manager: { login: string; secret: string };

beforeAll(async () => {
  // The vault and a manager account are made in-process (low KDF).
  const made = await createOwnerVault(vault);
  ({ app, secret, setup, enrolledAt } = made);
  const open = app.state.vault;
  if (!open) throw new Error('no open vault after setup');
  manager = await addStaff(open, 'manager-oksana', 'manager', Date.now());
  await made.call('auth.signOut', {});
});

afterAll(() => app.dispose());

/** A TOTP code of the step after enrolment (each step signs in once). */
function nextTotp(): string {
  return generateTotp(secret, enrolledAt + 30_000);
}

describe('zamok audit', () => {
  let exportedCount = 0;

  it('verify exits 0 and prints the count and head of an untouched log', async () => {
    const run = await zamok(['audit', 'verify', '--login', OWNER, '--totp', nextTotp()]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // create_vault, sign_out, then this run's sign_in (verify is recorded after it answers).
    expect(run.stdout).toMatch(/^Audit log OK: 3 entries, head [0-9a-f]{64}\n$/);
  });

  it('export --format json prints entries that parse, the verify run among them', async () => {
    const run = await zamok([
      'audit',
      'export',
      '--login',
      OWNER,
      '--recovery-code',
      setup.recoveryCodes[0] ?? '',
      '--from',
      YESTERDAY,
      '--to',
      TODAY,
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as {
      count: number;
      entries: { seq: number; action: string; userLogin: string | null; outcome: string }[];
    };
    expect(parsed.entries.map(e => `${e.action} ${e.outcome}`)).toEqual([
      'auth.create_vault ok',
      'auth.sign_out ok',
      'auth.sign_in ok',
      'audit.verify ok',
      'auth.sign_out ok',
      'auth.sign_in ok',
    ]);
    expect(parsed.count).toBe(6);
    exportedCount = parsed.count;
    expect(run.stdout).not.toContain(PASSWORD);
  });

  it('export as a manager is refused like in the app: exit 3, nothing on stdout', async () => {
    const run = await zamok(
      [
        'audit',
        'export',
        '--login',
        manager.login,
        '--totp',
        generateTotp(manager.secret, enrolledAt + 30_000),
        '--from',
        YESTERDAY,
        '--to',
        TODAY,
      ],
      STAFF_PASSWORD,
    );
    expect(run.status).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^zamok: /);
  });

  it('export --out writes a CSV with a BOM, readable by its owner only', async () => {
    const out = join(root, 'audit.csv');
    const run = await zamok([
      'audit',
      'export',
      '--login',
      OWNER,
      '--recovery-code',
      setup.recoveryCodes[1] ?? '',
      '--from',
      YESTERDAY,
      '--to',
      TODAY,
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The earlier export, its sign-out, the manager's sign-in and refused export, this sign-in.
    const count = exportedCount + 5;
    expect(run.stdout).toBe(`Exported ${count} entries to ${out}.\n`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFseq,at,userLogin,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(count + 2);
    expect(text).toContain('manager-oksana');
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('refuses a day that does not exist before asking for anything (exit 2)', async () => {
    const run = await zamok([
      'audit',
      'export',
      '--login',
      OWNER,
      '--totp',
      '000000',
      '--from',
      '2026-02-30',
      '--to',
      TODAY,
    ]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('zamok: --from: give a date as YYYY-MM-DD (got "2026-02-30").\n');
  });

  it('verify exits 5 naming the entry edited with the raw key through sqlcipher', async () => {
    const reveal = await app.router.call(
      'zamok:vault.revealDataKey',
      { recoveryKey: setup.recoveryKey },
      { host: 'cli' },
    );
    const { dataKeyHex } = ok<{ dataKeyHex: string }>(reveal);
    const sqlcipher = spawnSync('sqlcipher', ['-bail', join(vault, 'zamok.db')], {
      input: [
        `PRAGMA key = "x'${dataKeyHex}'";`,
        'DROP TRIGGER audit_log_no_update;',
        "UPDATE audit_log SET user_login = 'someone-else' WHERE seq = 4;",
        '',
      ].join('\n'),
      encoding: 'utf8',
    });
    expect(sqlcipher.stderr, 'sqlcipher must accept the script').toBe('');
    expect(sqlcipher.status).toBe(0);

    const run = await zamok([
      '--json',
      'audit',
      'verify',
      '--login',
      OWNER,
      '--recovery-code',
      setup.recoveryCodes[2] ?? '',
    ]);
    expect(run.status).toBe(5);
    expect(JSON.parse(run.stdout) as AuditVerifyView).toEqual({
      ok: false,
      brokenAt: 4,
      reason: 'hash_mismatch',
    });
    expect(run.stderr).toBe('zamok: Audit log BROKEN at entry #4 (hash_mismatch)\n');
  });
});
