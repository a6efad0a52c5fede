/**
 * `zamok export` in-process (runCli on a real vault, fake clock) and as the compiled CLI in a child
 * process: the caller's scope, an owner-only file that is never replaced, the audit entry, the
 * refusal of a role without the right — and the exported file imported back: 0 new, 0 updated.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../../src-shared/contacts';
import { addStaff, STAFF_PASSWORD } from '../../app/handlers/audit.fixture';
import { generateTotp } from '../../auth/totp';
import { createContact } from '../../crm/contacts';
import { readXlsxRows } from '../../import/xlsx';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { CLI_OWNER, createOwnerVault, zamokInProcess, zamokProcess } from '../cli.test-support';

const dir = makeTempDir('zamok-export-cli-');
const vault = join(dir, 'vault');
const base = Date.now();
let staff: Record<'anna' | 'admin', { login: string; secret: string }>;
let ownerSecret = '';

beforeAll(async () => {
  const { app, secret } = await createOwnerVault(vault);
  ownerSecret = secret;
  const open = app.state.vault;
  if (!open) throw new Error('no open vault');
  staff = {
    anna: await addStaff(open, 'anna', 'manager', base),
    admin: await addStaff(open, 'admin', 'administrator', base),
  };
  await addStaff(open, 'borys', 'manager', base);
  const idOf = async (login: string) =>
    (
      await open.db
        .selectFrom('users')
        .select('id')
        .where('login', '=', login)
        .executeTakeFirstOrThrow()
    ).id;
  await createContact(
    open.db,
    { userId: await idOf('anna') },
    contactInputSchema.parse({
      surname: 'Шевченко',
      givenName: 'Тарас',
      phones: [{ number: '067 123 45 67' }],
      emails: ['taras@example.com'],
      tags: ['VIP'],
    }),
  );
  await createContact(
    open.db,
    { userId: await idOf('borys') },
    contactInputSchema.parse({
      surname: 'Приватна',
      givenName: 'Клієнтка',
      phones: [{ number: '050 999 88 77' }],
    }),
  );
  app.dispose();
}, 60_000);

function signIn(who: 'anna' | 'admin', step: number): string[] {
  const account = staff[who];
  return ['--login', account.login, '--totp', generateTotp(account.secret, base + step * 30_000)];
}

describe('zamok export', () => {
  it('a manager exports her contacts as XLSX: owner-only file, never replaced; an admin is refused', async () => {
    const out = join(dir, 'anna.xlsx');
    const env = { ZAMOK_PASSWORD: STAFF_PASSWORD, LANG: 'uk_UA.UTF-8', LC_ALL: undefined };
    const args = ['--vault', vault, 'export', '--type', 'contacts', '--format', 'xlsx'];
    const run = await zamokInProcess([...args, '--out', out, ...signIn('anna', 0)], {
      env,
      clock: () => base,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Експортовано записів: 1 → ${out}\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const rows: string[][] = [];
    for await (const row of readXlsxRows(out)) rows.push(row);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(0, 2)).toEqual(['Шевченко', 'Тарас']);
    expect(JSON.stringify(rows)).not.toContain('Приватна');

    const again = await zamokInProcess([...args, '--out', out, ...signIn('anna', 1)], {
      env,
      clock: () => base + 30_000,
    });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');

    const admin = await zamokInProcess(
      [...args, '--out', join(dir, 'admin.xlsx'), ...signIn('admin', 0)],
      { env: { ZAMOK_PASSWORD: STAFF_PASSWORD }, clock: () => base },
    );
    expect(admin.status).toBe(3);
    expect(admin.stderr).toMatch(/^zamok: not permitted: /u);
  });

  it('the compiled CLI exports CSV for Excel, importing it back changes nothing, all audited', async () => {
    const out = join(dir, 'office.csv');
    // Built first (when stale), so the code below is still fresh when the child checks it.
    expect(zamokProcess(['--help']).status).toBe(0);
    const now = Date.now();
    const run = zamokProcess(
      [
        '--vault',
        vault,
        'export',
        '--type',
        'contacts',
        '--format',
        'csv',
        '--out',
        out,
        '--login',
        CLI_OWNER.login,
        '--totp',
        generateTotp(ownerSecret, now + 30_000),
      ],
      {
        env: {
          ZAMOK_PASSWORD: CLI_OWNER.password,
          LANG: 'uk_UA.UTF-8',
          LC_ALL: undefined,
          TZ: 'Europe/Kyiv',
        },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString('utf8');
    expect(text).toContain('Прізвище;Ім’я;По батькові;');
    expect(text).toMatch(/;\d\d\.\d\d\.\d{4} \d\d:\d\d;/u);
    expect(text).toContain("'+380671234567");

    const later = now + 60_000;
    const back = await zamokInProcess(
      [
        '--vault',
        vault,
        'import',
        out,
        '--type',
        'contacts',
        '--dry-run',
        '--login',
        CLI_OWNER.login,
        '--totp',
        generateTotp(ownerSecret, later),
      ],
      { env: { ZAMOK_PASSWORD: CLI_OWNER.password }, clock: () => later },
    );
    expect(back.stderr).toBe('');
    expect(back.stdout).toBe(
      "Dry run: 2 rows, 0 new, 0 updated, 2 unchanged, 0 duplicates, 0 errors (csv, utf-8, ';')\n",
    );
    // Each export is audited with type, format and count; the administrator's refusal too.
    const day = (offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
    const audit = await zamokInProcess(
      [
        '--vault',
        vault,
        'audit',
        'export',
        '--from',
        day(-1),
        '--to',
        day(1),
        '--format',
        'json',
        '--login',
        CLI_OWNER.login,
        '--totp',
        generateTotp(ownerSecret, later + 30_000),
      ],
      { env: { ZAMOK_PASSWORD: CLI_OWNER.password }, clock: () => later + 30_000 },
    );
    expect(audit.stderr).toBe('');
    const { entries } = JSON.parse(audit.stdout) as {
      entries: { action: string; outcome: string; details: unknown }[];
    };
    const exports = entries.filter(e => e.action === 'records.export');
    expect(exports.map(e => [e.outcome, e.details])).toEqual([
      ['ok', { type: 'contacts', format: 'xlsx', count: 1, all: true }],
      ['denied', expect.anything()],
      ['ok', { type: 'contacts', format: 'csv', count: 2, all: true }],
    ]);
  }, 180_000);
});
