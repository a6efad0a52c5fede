/**
 * `zamok contacts add | list` run in-process (`runCli`: the real commander wiring, `withApp`, the
 * app's router) on a real vault: what a manager, another manager and an administrator get, and that a
 * typo is explained per option before any sign-in.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../../src-shared/contacts';
import type { SetupResult, TotpEnrollment } from '../../../src-shared/ipc/auth';
import type { Result } from '../../../src-shared/ipc/contract';
import { createZamokApp } from '../../app/compose';
import { addStaff, STAFF_PASSWORD } from '../../app/handlers/audit.fixture';
import { generateTotp } from '../../auth/totp';
import { createNoKeychainStore } from '../../vault';
import { makeTempDir, TEST_KDF } from '../../vault/temp-vault.test-support';
import { zamokInProcess } from '../cli.test-support';

const vault = join(makeTempDir('zamok-contacts-cli-'), 'vault');
/** TOTP time base: every account signs in at most twice, at this step and the next. */
const base = Date.now();
let staff: Record<'anna' | 'borys' | 'vira' | 'admin', { login: string; secret: string }>;

function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value as T;
}

beforeAll(async () => {
  const app = createZamokApp({
    vaultDir: vault,
    host: 'cli',
    kdf: TEST_KDF,
    deviceStore: createNoKeychainStore(),
  });
  const call = (channel: string, input: unknown) =>
    app.router.call(`zamok:${channel}`, input, { host: 'cli' });
  const enrollment = ok<TotpEnrollment>(await call('auth.beginTotpEnrollment', { login: 'olena' }));
  ok<SetupResult>(
    await call('auth.createVault', {
      vaultDir: vault,
      login: 'olena',
      displayName: 'Олена',
      password: 'quiet river under old bridges',
      totpCode: generateTotp(enrollment.secret, base),
      deviceBinding: false,
    }),
  );
  const open = app.state.vault;
  if (!open) throw new Error('no open vault after setup');
  staff = {
    anna: await addStaff(open, 'anna', 'manager', base),
    borys: await addStaff(open, 'borys', 'manager', base),
    vira: await addStaff(open, 'vira', 'manager', base),
    admin: await addStaff(open, 'admin', 'administrator', base),
  };
  app.dispose();
});

/** Runs `zamok --vault … <args>` in-process; returns the exit code, stdout and the error line. */
async function zamok(args: string[]) {
  const run = await zamokInProcess(['--vault', vault, ...args], {
    env: { ZAMOK_PASSWORD: STAFF_PASSWORD },
    clock: () => base,
  });
  return {
    exit: run.status,
    stdout: run.stdout,
    error: run.stderr.replace(/^zamok: /, '').trimEnd(),
  };
}

function signIn(who: keyof typeof staff, step: 0 | 1): string[] {
  const account = staff[who];
  return ['--login', account.login, '--totp', generateTotp(account.secret, base + step * 30_000)];
}

describe('zamok contacts', () => {
  it('a manager adds contacts and lists only their own; another manager’s stay invisible', async () => {
    const added = await zamok([
      'contacts',
      'add',
      ...signIn('anna', 0),
      '--given',
      'Марʼяна',
      '--surname',
      'Ігнатенко',
      '--phone',
      '067 123 45 67',
      '--email',
      'Mariana@Example.com',
      '--tag',
      'VIP',
    ]);
    expect(added.error).toBe('');
    expect(added.stdout).toMatch(
      /^Added [0-9a-f-]{36}: Ігнатенко Марʼяна {2}\+380671234567 {2}mariana@example\.com {2}\[VIP\]\n$/,
    );
    const other = await zamok([
      '--json',
      'contacts',
      'add',
      ...signIn('borys', 0),
      '--given',
      'Борис',
      '--surname',
      'Чужий',
    ]);
    expect(other.exit).toBe(0);

    const listed = await zamok(['--json', 'contacts', 'list', ...signIn('anna', 1)]);
    expect(listed.exit).toBe(0);
    const page = JSON.parse(listed.stdout) as ContactListPage;
    expect(page.items.map(c => [c.surname, c.phone, c.email])).toEqual([
      ['Ігнатенко', '+380671234567', 'mariana@example.com'],
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it('an administrator gets exit 3 and a "not permitted" line, nothing on stdout', async () => {
    const run = await zamok(['contacts', 'list', ...signIn('admin', 0)]);
    expect(run.exit).toBe(3);
    expect(run.error).toMatch(/^not permitted: /);
    expect(run.error.split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  /** Escape, bell and right-to-left override: what a terminal would act on. */
  const CONTROLS = ['\u001b', '\u0007', '\u202e'];

  it('record text reaches the terminal without escape sequences or bidi controls; JSON escapes them', async () => {
    const company = 'ТОВ \u001b[2J\u001b]0;pwned\u0007Яблуко\u202Etxt.exe';
    const added = await zamok([
      'contacts',
      'add',
      ...signIn('vira', 0),
      '--given',
      'Віра',
      '--surname',
      'Escape',
      '--company',
      company,
      '--tag',
      'vip\u001b[31m',
    ]);
    expect(added.exit).toBe(0);
    for (const c of CONTROLS) expect(added.stdout).not.toContain(c);
    expect(added.stdout).toMatch(/ТОВ Яблукоtxt\.exe {2}\[vip\]\n$/);
    const listed = await zamok(['--json', 'contacts', 'list', ...signIn('vira', 1)]);
    for (const c of CONTROLS) expect(listed.stdout).not.toContain(c);
    const page = JSON.parse(listed.stdout) as ContactListPage;
    // The stored text is unchanged; only its printing is made safe.
    expect(page.items.map(c => c.companyName)).toEqual([company]);
  });
});
