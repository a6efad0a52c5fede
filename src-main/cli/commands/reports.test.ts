/**
 * `zamok report …` as a script runs it (node bin/zamok.mjs in a child process on a real vault made
 * in-process with low KDF parameters): the files a user opens, and refusals that write nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetupResult, TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { Result } from '../../../src-shared/ipc/contract';
import { createZamokApp, type ZamokApp } from '../../app/compose';
import { generateTotp } from '../../auth/totp';
import { createNoKeychainStore } from '../../vault';
import { makeTempDir, TEST_KDF } from '../../vault/temp-vault.test-support';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const OWNER = 'olena';
const PASSWORD = 'quiet river under old bridges';
const root = makeTempDir('zamok-report-cli-');
const vault = join(root, 'vault');
const out = join(root, 'out');
let app: ZamokApp;
let codes: string[] = [];

function zamok(args: string[]) {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...process.env, LANG: 'C', LC_ALL: 'C' })) {
    if (value !== undefined) env[name] = value;
  }
  env.ZAMOK_PASSWORD = PASSWORD;
  const run = spawnSync(process.execPath, ['bin/zamok.mjs', '--vault', vault, ...args], {
    cwd: REPO,
    env,
    encoding: 'utf8',
    input: '',
    timeout: 120_000,
  });
  if (run.error) throw run.error;
  return run;
}

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value as T;
}

/** This month on this machine's calendar (the CLI reports in the machine's zone). */
function thisMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date());
  return `${parts.find(p => p.type === 'year')?.value}-${parts.find(p => p.type === 'month')?.value}`;
}

beforeAll(async () => {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(out);
  app = createZamokApp({
    vaultDir: vault,
    host: 'cli',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
  });
  const call = (channel: string, input: unknown) =>
    app.router.call(`zamok:${channel}`, input, { host: 'cli' });
  const secret = ok<TotpEnrollment>(
    await call('auth.beginTotpEnrollment', { login: OWNER }),
  ).secret;
  codes = ok<SetupResult>(
    await call('auth.createVault', {
      vaultDir: vault,
      login: OWNER,
      displayName: 'Олена Коваль',
      password: PASSWORD,
      totpCode: generateTotp(secret, Date.now()),
      deviceBinding: false,
    }),
  ).recoveryCodes;
  ok(await call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Ірина' } }));
  app.dispose();
}, 60_000);

afterAll(() => app.dispose());

describe('zamok report', () => {
  it('writes the monthly review as CSV, JSON and PDF', () => {
    const month = thisMonth();
    const csvFile = join(out, 'review.csv');
    const csv = zamok([
      'report',
      'monthly',
      '--month',
      month,
      '--lang',
      'uk',
      '--out',
      csvFile,
      '--login',
      OWNER,
      '--recovery-code',
      codes[0] ?? '',
    ]);
    expect(csv.stderr).toBe('');
    expect(csv.status).toBe(0);
    const text = readFileSync(csvFile, 'utf8');
    expect(text.startsWith('\uFEFFПрацівник;Логін;Роль')).toBe(true);
    // The owner created one contact this month; the contact's name is not in the report.
    expect(text).toMatch(/Олена Коваль;olena;Власник;\d+;/);
    expect(text).not.toContain('Ірина');

    const jsonFile = join(out, 'review.json');
    expect(
      zamok([
        'report',
        'monthly',
        '--month',
        month,
        '--format',
        'json',
        '--out',
        jsonFile,
        '--login',
        OWNER,
        '--recovery-code',
        codes[1] ?? '',
      ]).status,
    ).toBe(0);
    const review = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
      users: { login: string; totals: { created: number } }[];
    };
    expect(review.users.find(u => u.login === OWNER)?.totals.created).toBe(1);

    const pdfFile = join(out, 'review.pdf');
    const pdf = zamok([
      'report',
      'monthly',
      '--month',
      month,
      '--format',
      'pdf',
      '--lang',
      'en',
      '--out',
      pdfFile,
      '--login',
      OWNER,
      '--recovery-code',
      codes[2] ?? '',
    ]);
    expect(pdf.status).toBe(0);
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('writes the regulation as a PDF', () => {
    const file = join(out, 'regulation.pdf');
    const run = zamok([
      'report',
      'regulation',
      '--lang',
      'uk',
      '--out',
      file,
      '--login',
      OWNER,
      '--recovery-code',
      codes[3] ?? '',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('refuses a bad month or format with exit 2 and writes nothing', () => {
    const before = readdirSync(out).sort();
    const bad = zamok([
      'report',
      'monthly',
      '--month',
      '2026-13',
      '--out',
      join(out, 'bad.csv'),
      '--login',
      OWNER,
      '--recovery-code',
      codes[4] ?? '',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM');
    const format = zamok([
      'report',
      'monthly',
      '--month',
      '2026-01',
      '--format',
      'xlsx',
      '--out',
      join(out, 'b.x'),
      '--login',
      OWNER,
      '--recovery-code',
      codes[4] ?? '',
    ]);
    expect(format.status).toBe(2);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(existsSync(join(out, 'bad.csv'))).toBe(false);
  }, 120_000);
});
