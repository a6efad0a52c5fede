/**
 * `zamok import` in-process (runCli on a real vault, fake clock) and once as the compiled CLI in a
 * child process: counts and reasons in the user's language, the same duplicate privacy rule as the
 * app, the exit codes of a refusal and a bad file.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunResult } from '../../../src-shared/ipc/imports';
import { addStaff, STAFF_PASSWORD } from '../../app/handlers/audit.fixture';
import { generateTotp } from '../../auth/totp';
import { createContact } from '../../crm/contacts';
import { encodeCp1251, tempFiles } from '../../import/fixtures.test-support';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { CLI_OWNER, createOwnerVault, zamokInProcess, zamokProcess } from '../cli.test-support';

const vault = join(makeTempDir('zamok-import-cli-'), 'vault');
const files = tempFiles();
const base = Date.now();
let staff: Record<'anna' | 'admin', { login: string; secret: string }>;
let borysContact = '';
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
  const borys = await open.db
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'borys')
    .executeTakeFirstOrThrow();
  const theirs = await createContact(
    open.db,
    { userId: borys.id },
    {
      surname: 'Приватна',
      givenName: 'Клієнтка',
      phones: [{ e164: '+380509998877' }],
    },
  );
  borysContact = theirs.after.id;
  app.dispose();
}, 60_000);

function signIn(who: 'anna' | 'admin', step: number): string[] {
  const account = staff[who];
  return ['--login', account.login, '--totp', generateTotp(account.secret, base + step * 30_000)];
}

function file(name: string, lines: string[]): string {
  return files.file(name, encodeCp1251(['ПІБ;Телефон;Email', ...lines].join('\r\n')));
}

describe('zamok import', () => {
  it('a manager dry-runs, then imports; reasons in Ukrainian; a hidden duplicate names no one', async () => {
    const path = file('clients.csv', [
      'Шевченко Тарас Григорович;+38 (067) 123-45-67;taras@example.com',
      'Тарасенко Тарас;0671234567;',
      'Нова Клієнтка;050 999 88 77;',
      'Коваль Іван;дзвонити після 18;',
    ]);
    const env = { ZAMOK_PASSWORD: STAFF_PASSWORD, LANG: 'uk_UA.UTF-8', LC_ALL: undefined };
    const args = ['--vault', vault, 'import', path, '--type', 'contacts'];
    const dry = await zamokInProcess([...args, '--dry-run', ...signIn('anna', 0)], {
      env,
      clock: () => base,
    });
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout.split('\n')).toEqual([
      "Пробний прогін: рядків 4, нових 1, оновлено 0, без змін 0, дублікатів 2, помилок 1 (csv, windows-1251, ';')",
      'рядок 2: Повторює рядок 1 файлу.',
      'рядок 3: Запис, якого ви не бачите, уже має цей номер телефону. Зверніться до його власника.',
      'рядок 4: Телефон: Номер телефону неправильний. Приклади: 067 123 45 67, +380 44 123 45 67, +48 22 123 45 67.',
      '',
    ]);
    const run = await zamokInProcess(['--json', ...args, ...signIn('anna', 1)], {
      env,
      clock: () => base + 30_000,
    });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ImportRunResult;
    expect(result).toMatchObject({ status: 'done', counts: { create: 1, duplicate: 2, error: 1 } });
    expect(result.batchId).toMatch(/^[0-9a-f-]{36}$/);
    for (const secret of [borysContact, 'Приватна', 'borys'])
      expect(run.stdout).not.toContain(secret);

    const undo = await zamokInProcess(
      [
        '--vault',
        vault,
        'import-undo',
        result.batchId ?? '',
        '--type',
        'contacts',
        ...signIn('anna', 3),
      ],
      { env: { ZAMOK_PASSWORD: STAFF_PASSWORD }, clock: () => base + 90_000 },
    );
    expect(undo.stderr).toBe('');
    expect(undo.stdout).toBe(
      `Undid import ${result.batchId ?? ''}: 1 deleted, 0 restored, 0 changed since and kept\n`,
    );
  });

  it('refuses an administrator (exit 3) and a damaged file (exit 2), one line each', async () => {
    const env = { ZAMOK_PASSWORD: STAFF_PASSWORD };
    const path = file('admin.csv', ['Коваль Іван;0671234567;']);
    const admin = await zamokInProcess(
      ['--vault', vault, 'import', path, '--type', 'contacts', ...signIn('admin', 0)],
      { env, clock: () => base },
    );
    expect(admin.status).toBe(3);
    expect(admin.stderr).toMatch(
      /^zamok: not permitted: [^\n]*Your role does not allow importing contacts\.\)\n$/u,
    );
    const broken = files.file('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    const bad = await zamokInProcess(
      ['--vault', vault, 'import', broken, '--type', 'contacts', ...signIn('anna', 4)],
      { env, clock: () => base + 120_000 },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^zamok: [^\n]*\(The spreadsheet file is damaged or not an XLSX file\.\)\n$/u,
    );
  });

  it('--errors writes the refused rows with «Помилка» to a new owner-only CSV', async () => {
    const path = file('report.csv', [
      'Коваль Іван;дзвонити після 18;',
      'Нова Клієнтка;050 999 88 77;',
    ]);
    const out = join(files.file('placeholder.txt', ''), '..', 'errors.csv');
    const env = { ZAMOK_PASSWORD: STAFF_PASSWORD, LANG: 'uk_UA.UTF-8', LC_ALL: undefined };
    const run = await zamokInProcess(
      [
        '--vault',
        vault,
        'import',
        path,
        '--type',
        'contacts',
        '--dry-run',
        '--errors',
        out,
        ...signIn('anna', 6),
      ],
      { env, clock: () => base + 180_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const report = readFileSync(out, 'utf8').split('\r\n');
    expect(report[0]).toBe('\uFEFFПІБ;Телефон;Email;Помилка');
    expect(report[1]).toMatch(
      /^Коваль Іван;дзвонити після 18;;Телефон: Номер телефону неправильний\./u,
    );
    expect(report[2]).toBe(
      'Нова Клієнтка;050 999 88 77;;Запис, якого ви не бачите, уже має цей номер телефону. Зверніться до його власника.',
    );
    expect(readFileSync(out, 'utf8')).not.toContain(borysContact);
    const again = await zamokInProcess(
      [
        '--vault',
        vault,
        'import',
        path,
        '--type',
        'contacts',
        '--dry-run',
        '--errors',
        out,
        ...signIn('anna', 7),
      ],
      { env, clock: () => base + 210_000 },
    );
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('runs as the compiled CLI in a child process', () => {
    const path = files.file(
      'child.csv',
      'Назва;ЄДРПОУ\nТОВ «Яблуко»;00032129\nТОВ «Груша»;00032128\n',
    );
    // Built first (when stale), so the code below is still fresh when the child checks it.
    expect(zamokProcess(['--help']).status).toBe(0);
    // The owner signs in with a step after set-up's (a used step is never accepted again).
    const run = zamokProcess(
      [
        '--vault',
        vault,
        'import',
        path,
        '--type',
        'companies',
        '--login',
        CLI_OWNER.login,
        '--totp',
        generateTotp(ownerSecret, Date.now() + 30_000),
      ],
      { env: { ZAMOK_PASSWORD: CLI_OWNER.password } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Import: 2 rows, 1 new, 0 updated, 0 unchanged, 0 duplicates, 1 errors \(csv, utf-8, ';'\)\nbatch [0-9a-f-]{36}\nrow 2: ЄДРПОУ: /u,
    );
  }, 180_000);

  it('imports deals: an unknown stage refused, a link it cannot find imported without it, both in Ukrainian', async () => {
    const path = files.file(
      'deals.csv',
      encodeCp1251(
        [
          'Назва угоди;Сума;Етап;Дата закриття;Контакт',
          'Поставка борошна;12 500,50;Пропозиція;31.01.2027;',
          'Сервіс печей;1 000;Спроба;;',
          'Ремонт;100;Нова;;Приватна Клієнтка',
        ].join('\r\n'),
      ),
    );
    const env = { ZAMOK_PASSWORD: STAFF_PASSWORD, LANG: 'uk_UA.UTF-8', LC_ALL: undefined };
    const args = ['--vault', vault, 'import', path, '--type', 'deals'];
    const run = await zamokInProcess([...args, ...signIn('anna', 9)], {
      env,
      clock: () => base + 9 * 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      "Імпорт: рядків 3, нових 2, оновлено 0, без змін 0, дублікатів 0, помилок 1 (csv, windows-1251, ';')",
    );
    expect(lines.slice(2)).toEqual([
      'рядок 2: Етап: У воронці немає етапу з такою назвою. Перевірте назву етапу.',
      'рядок 3: Контакт не знайдено серед клієнтів, яких ви бачите: угоду імпортовано без контакту.',
      '',
    ]);
    expect(run.stdout).not.toContain(borysContact);
    const batchId = (lines[1] ?? '').replace('batch ', '');
    const undo = await zamokInProcess(
      ['--vault', vault, 'import-undo', batchId, '--type', 'deals', ...signIn('anna', 10)],
      { env: { ZAMOK_PASSWORD: STAFF_PASSWORD }, clock: () => base + 10 * 30_000 },
    );
    expect(undo.stderr).toBe('');
    expect(undo.stdout).toBe(
      `Undid import ${batchId}: 2 deleted, 0 restored, 0 changed since and kept\n`,
    );
  });
});
