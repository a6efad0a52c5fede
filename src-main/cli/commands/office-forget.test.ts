/**
 * `zamok office forget` through the real commander wiring and router, in-process, against a real
 * office server on loopback (PGlite): a laptop that asked to join forgets the office only with
 * `--yes`, its records stay, and it can ask to join again; on the office's owner device only the
 * owner may (a colleague signed in there is refused and the membership stays).
 */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateTotp } from '../../auth/totp';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { startOffice } from '../../sync/office.test-support';
import type { RunningOffice } from '../../../src-server/serve';
import { addStaff, STAFF_PASSWORD } from '../../app/handlers/audit.fixture';
import { CLI_OWNER, createOwnerVault, fakeClock, zamokInProcess } from '../cli.test-support';
import { EXIT } from '../io';

let office: RunningOffice | undefined;
afterAll(async () => office?.close());

/** The office server every test here shares (started by the first one that needs it). */
async function theOffice(): Promise<RunningOffice> {
  office ??= await startOffice({ data: join(makeTempDir('zamok-forget-office-'), 'office') });
  return office;
}

it('forgets a pending office with --yes, keeps the records, and joins again', async () => {
  const office = await theOffice();
  const vault = join(makeTempDir('zamok-forget-cli-'), 'vault');
  const made = await createOwnerVault(vault);
  await made.call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Анна' } });
  made.app.dispose();
  const clock = fakeClock(Date.now());
  const run = async (args: string[]) => {
    clock.advance(30_000);
    const code = generateTotp(made.secret, clock.now());
    return zamokInProcess(['--vault', vault, ...args, '--login', CLI_OWNER.login, '--totp', code], {
      clock: clock.now,
      env: { ZAMOK_PASSWORD: CLI_OWNER.password },
    });
  };
  const server = office.url;
  expect((await run(['office', 'enrol', '--server', server])).status).toBe(0);
  expect((await run(['sync', 'status'])).stdout).toMatch(/^Sync: pending;/);
  const unconfirmed = await run(['office', 'forget']);
  expect(unconfirmed.status).not.toBe(0);
  expect(unconfirmed.stderr).toContain('--yes');
  expect((await run(['sync', 'status'])).stdout).toMatch(/^Sync: pending;/);
  const forgot = await run(['office', 'forget', '--yes']);
  expect(forgot.stderr).toBe('');
  expect(forgot.stdout).toMatch(/^Forgot office .+: 0 partition\(s\) and 0 unsent change\(s\)/);
  expect((await run(['sync', 'status'])).stdout).toMatch(/^Sync: off;/);
  const listed = await run(['--json', 'contacts', 'list']);
  expect(listed.stdout).toContain('Коваль');
  expect((await run(['office', 'enrol', '--server', server])).status).toBe(0);
  expect((await run(['sync', 'status'])).stdout).toMatch(/^Sync: pending;/);
}, 120_000);

it('refuses a colleague on the owner device; the owner forgets it', async () => {
  const office = await theOffice();
  const vault = join(makeTempDir('zamok-forget-owner-cli-'), 'vault');
  const made = await createOwnerVault(vault);
  const open = made.app.state.vault;
  if (!open) throw new Error('no open vault');
  const base = Date.now();
  const anna = await addStaff(open, 'anna', 'manager', base);
  made.app.dispose();
  const clock = fakeClock(base);
  const run = async (who: 'owner' | 'anna', args: string[]) => {
    clock.advance(30_000);
    const [login, secret, password] =
      who === 'owner'
        ? [CLI_OWNER.login, made.secret, CLI_OWNER.password]
        : [anna.login, anna.secret, STAFF_PASSWORD];
    const code = generateTotp(secret, clock.now());
    return zamokInProcess(['--vault', vault, ...args, '--login', login, '--totp', code], {
      clock: clock.now,
      env: { ZAMOK_PASSWORD: password },
    });
  };
  const enrol = ['office', 'enrol', '--server', office.url, '--code', office.enrolmentCode ?? ''];
  expect((await run('owner', enrol)).status).toBe(0);
  expect((await run('owner', ['sync', 'status'])).stdout).toMatch(/^Sync: (?!off)/);

  const refused = await run('anna', ['office', 'forget', '--yes']);
  expect(refused.status).toBe(EXIT.auth);
  expect(refused.stderr).toContain('Only the owner');
  expect((await run('owner', ['sync', 'status'])).stdout).toMatch(/^Sync: (?!off)/);

  const forgot = await run('owner', ['office', 'forget', '--yes']);
  expect(forgot.stderr).toBe('');
  expect(forgot.stdout).toMatch(/^Forgot office .+: 1 partition\(s\)/);
  expect((await run('owner', ['sync', 'status'])).stdout).toMatch(/^Sync: off;/);
}, 120_000);
