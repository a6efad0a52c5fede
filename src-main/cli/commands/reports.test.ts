/**
 * `zamok report …` as a script runs it (in-process through `runCli`, on a real vault made with low
 * KDF parameters): the files a user opens, and refusals that write nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { CLI_OWNER, createOwnerVault, zamokInProcess } from '../cli.test-support';

const OWNER = CLI_OWNER.login;
const PASSWORD = CLI_OWNER.password;
const root = makeTempDir('zamok-report-cli-');
const vault = join(root, 'vault');
const out = join(root, 'out');
let codes: string[] = [];

function zamok(args: string[]) {
  return zamokInProcess(['--vault', vault, ...args], { env: { ZAMOK_PASSWORD: PASSWORD } });
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
  mkdirSync(out);
  const owner = await createOwnerVault(vault);
  await owner.call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Ірина' } });
  owner.app.dispose();
  codes = owner.setup.recoveryCodes;
}, 60_000);

describe('zamok report', () => {
  it('writes the monthly review as CSV, JSON and PDF', async () => {
    const month = thisMonth();
    const csvFile = join(out, 'review.csv');
    const csv = await zamok([
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
      (
        await zamok([
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
        ])
      ).status,
    ).toBe(0);
    const review = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
      users: { login: string; totals: { created: number } }[];
    };
    expect(review.users.find(u => u.login === OWNER)?.totals.created).toBe(1);

    const pdfFile = join(out, 'review.pdf');
    const pdf = await zamok([
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
    // Staff names and activity: readable by the file's owner only, like the other CLI files.
    for (const file of [csvFile, jsonFile, pdfFile]) {
      expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    }
  }, 120_000);

  it('writes the regulation as a PDF', async () => {
    const file = join(out, 'regulation.pdf');
    const run = await zamok([
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
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  }, 120_000);

  it('refuses a bad month or format with exit 2 and writes nothing', async () => {
    const before = readdirSync(out).sort();
    const bad = await zamok([
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
    const format = await zamok([
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
