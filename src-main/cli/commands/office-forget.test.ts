/**
 * `zamok office forget` through the real commander wiring and router, in-process, against a real
 * office server on loopback (PGlite): a laptop that asked to join forgets the office only with
 * `--yes`, its records stay, and it can ask to join again.
 */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateTotp } from '../../auth/totp';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { startOffice } from '../../sync/office.test-support';
import type { RunningOffice } from '../../../src-server/serve';
import { CLI_OWNER, createOwnerVault, fakeClock, zamokInProcess } from '../cli.test-support';

let office: RunningOffice | undefined;
afterAll(async () => office?.close());

it('forgets a pending office with --yes, keeps the records, and joins again', async () => {
  office = await startOffice({ data: join(makeTempDir('zamok-forget-office-'), 'office') });
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
