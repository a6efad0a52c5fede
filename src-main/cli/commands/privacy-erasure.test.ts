/**
 * `zamok privacy erase` and `zamok privacy retention --dry-run` as child processes (the compiled
 * CLI, bin/zamok.mjs) on a real vault: erasure needs --yes and a sign-in, removes the person, and
 * `zamok audit verify` still passes afterwards, reporting the erased entries; the dry run lists
 * the candidate ids and changes nothing.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import type { SetupResult } from '../../../src-shared/ipc/auth';
import {
  CANARY,
  plantCanary,
  plantCompanyCanary,
} from '../../privacy/erasure/erasure.test-support';
import { createNoKeychainStore, unlockWithPassword } from '../../vault';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { CLI_OWNER, createOwnerVault, zamokProcess } from '../cli.test-support';

const vault = join(makeTempDir('zamok-privacy-cli-'), 'vault');
let setup: SetupResult;
let erased: Contact;
let stale: Contact;
let companyId: string;
let codes: string[] = [];

beforeAll(async () => {
  const made = await createOwnerVault(vault);
  setup = made.setup;
  codes = [...setup.recoveryCodes];
  erased = (await plantCanary(made.app)).contact;
  companyId = (await plantCompanyCanary(made.app)).companyId;
  stale = await made.call<Contact>('contacts.create', {
    contact: { surname: 'Давній', givenName: 'Клієнт' },
  });
  await made.call('erasure.setRetentionRule', { recordType: 'contact', inactiveMonths: 12 });
  const open = made.app.state.vault;
  if (!open) throw new Error('no open vault');
  // Test data only: this contact was last touched two years ago.
  open.sqlite
    .prepare(
      "UPDATE contacts SET created_at = '2024-01-01T00:00:00.000Z', updated_at = '2024-01-01T00:00:00.000Z' WHERE id = ?",
    )
    .run(stale.id);
  await made.call('auth.signOut', {});
  made.app.dispose();
}, 120_000);

/** Runs the compiled CLI as the owner, signing in with the next unused recovery code. */
function zamok(args: string[]) {
  const code = codes.shift();
  if (!code) throw new Error('out of recovery codes');
  return zamokProcess(
    ['--vault', vault, ...args, '--login', CLI_OWNER.login, '--recovery-code', code],
    { env: { ZAMOK_PASSWORD: CLI_OWNER.password } },
  );
}

describe('zamok privacy (child process)', () => {
  it('retention --dry-run lists the candidate and changes nothing', () => {
    const run = zamok(['privacy', 'retention', '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(stale.id);
    expect(run.stdout).not.toContain(erased.id);
    expect(run.stdout).toContain('1 candidate(s); nothing was changed.');
    expect(run.stdout).not.toContain('Давній');
  }, 120_000);

  it('erase refuses without --yes, erases with it; audit verify still passes', async () => {
    const refused = zamokProcess([
      '--vault',
      vault,
      'privacy',
      'erase',
      '--contact',
      erased.id,
      '--login',
      CLI_OWNER.login,
    ]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--yes');
    const run = zamok(['privacy', 'erase', '--contact', erased.id, '--yes']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Erased contact ${erased.id}`);
    expect(run.stdout).not.toContain(CANARY);
    const verify = zamok(['audit', 'verify']);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audit log OK: \d+ entries/);
    expect(verify.stdout).toMatch(/\d+ of them erased by request/);
    const open = await unlockWithPassword(vault, CLI_OWNER.login, CLI_OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    try {
      const left = open.sqlite.prepare('SELECT count(*) AS n FROM contacts WHERE id IN (?, ?)');
      expect(left.get(erased.id, stale.id)).toEqual({ n: 1 });
    } finally {
      open.close();
    }
  }, 120_000);

  it('erase --company erases a sole proprietor’s card; one of --contact/--company is required', async () => {
    for (const ids of [[], ['--contact', erased.id, '--company', companyId]]) {
      const wrong = zamokProcess([
        ...['--vault', vault, 'privacy', 'erase', ...ids, '--yes'],
        ...['--login', CLI_OWNER.login],
      ]);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('either --contact ID or --company ID');
    }
    const run = zamok(['privacy', 'erase', '--company', companyId, '--yes']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Erased company ${companyId}`);
    expect(run.stdout).toMatch(/activities 1, documents 1, contacts unlinked 1/);
    expect(run.stdout).not.toContain(CANARY);
    const verify = zamok(['audit', 'verify']);
    expect(verify.status, verify.stderr).toBe(0);
    const open = await unlockWithPassword(vault, CLI_OWNER.login, CLI_OWNER.password, {
      deviceStore: createNoKeychainStore(),
    });
    try {
      const left = open.sqlite.prepare('SELECT count(*) FROM companies WHERE id = ?').pluck();
      expect(left.get(companyId)).toBe(0);
      const kinds = open.sqlite.prepare('SELECT entity_type FROM erasures ORDER BY erased_at');
      expect(kinds.pluck().all()).toContain('company');
    } finally {
      open.close();
    }
  }, 120_000);
});
