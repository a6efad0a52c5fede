/**
 * `zamok merge` and `zamok unmerge` on a real vault: in-process (runCli, fake clock) and once as
 * the compiled CLI in a child process. A manager merges her two copies of one client choosing a
 * field, another manager cannot reach them (`not_found`, nothing changed), a typo in `--field` is
 * refused before signing in, the unmerge without `--type` finds the merge (a companies merge too,
 * with one audit entry, no failed try of the other type), and both are in the audit log as the
 * app's merge dialog leaves them (`merges.merge`, `merges.unmerge`).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MergeResult } from '../../../src-shared/merge';
import { createZamokApp } from '../../app/compose';
import { addStaff, STAFF_PASSWORD } from '../../app/handlers/audit.fixture';
import { generateTotp } from '../../auth/totp';
import { createCompany } from '../../crm/companies/repository';
import { createContact } from '../../crm/contacts';
import { createNoKeychainStore } from '../../vault';
import { makeTempDir, TEST_KDF } from '../../vault/temp-vault.test-support';
import { CLI_OWNER, createOwnerVault, zamokInProcess, zamokProcess } from '../cli.test-support';

const vault = join(makeTempDir('zamok-merge-cli-'), 'vault');
const base = Date.now();
let staff: Record<'anna' | 'borys', { login: string; secret: string }>;
let ownerSecret = '';
let keep = '';
let copy = '';
let firm = '';
let firmCopy = '';

beforeAll(async () => {
  const { app, secret } = await createOwnerVault(vault);
  ownerSecret = secret;
  const open = app.state.vault;
  if (!open) throw new Error('no open vault');
  staff = {
    anna: await addStaff(open, 'anna', 'manager', base),
    borys: await addStaff(open, 'borys', 'manager', base),
  };
  const anna = await open.db
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'anna')
    .executeTakeFirstOrThrow();
  const viewer = { userId: anna.id };
  const phones = [{ e164: '+380671234567' }];
  keep = (
    await createContact(open.db, viewer, {
      surname: 'Шевченко',
      givenName: 'Тарас',
      phones,
      notes: 'Перший запис',
    })
  ).after.id;
  copy = (
    await createContact(open.db, viewer, {
      surname: 'Шевченко',
      givenName: 'Тарас',
      patronymic: 'Григорович',
      phones,
      notes: 'Другий запис',
    })
  ).after.id;
  const borys = await open.db
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'borys')
    .executeTakeFirstOrThrow();
  firm = (await createCompany(open.db, { userId: borys.id }, { name: 'ТОВ Зірка' })).after.id;
  firmCopy = (await createCompany(open.db, { userId: borys.id }, { name: 'Зірка' })).after.id;
  app.dispose();
}, 60_000);

function signIn(who: 'anna' | 'borys', at: number): string[] {
  const account = staff[who];
  return ['--login', account.login, '--totp', generateTotp(account.secret, at)];
}

const env = { ZAMOK_PASSWORD: STAFF_PASSWORD };

/** The vault as the owner sees it afterwards (own app, a later TOTP step). */
async function asOwner(at: number) {
  const app = createZamokApp({
    vaultDir: vault,
    host: 'cli',
    kdf: TEST_KDF,
    clock: () => at,
    deviceStore: createNoKeychainStore(),
  });
  const signed = await app.router.call(
    'zamok:auth.signIn',
    {
      login: CLI_OWNER.login,
      password: CLI_OWNER.password,
      totpCode: generateTotp(ownerSecret, at),
    },
    { host: 'cli' },
  );
  if (!signed.ok || !app.state.vault) throw new Error('owner sign-in failed');
  return { app, db: app.state.vault.db };
}

describe('zamok merge / unmerge', () => {
  it('refuses a bad --field before signing in (exit 2, no code spent)', async () => {
    const args = ['--vault', vault, 'merge', 'contacts', keep, copy, '--login', 'anna'];
    const bad = await zamokInProcess([...args, '--totp', '000000', '--field', 'salary=' + copy], {
      env,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^zamok: --field salary: one of surname, givenName, /u);
    const stranger = await zamokInProcess(
      [...args, '--totp', '000000', '--field', 'patronymic=0b6f3a52-9c1e-4d7a-8f20-5e4b1c9d7a63'],
      { env },
    );
    expect(stranger.status).toBe(2);
    expect(stranger.stderr).toMatch(/give =<id> of one of the merged records/u);
    const type = await zamokInProcess(
      ['--vault', vault, 'merge', 'deals', keep, copy, '--login', 'anna', '--totp', '000000'],
      { env },
    );
    expect(type.status).toBe(2);
    expect(type.stderr).toMatch(/contacts or companies/u);
  });

  it('a manager merges her copies choosing a field; another manager reaches nothing', async () => {
    const args = ['--vault', vault, 'merge', 'contacts', keep, copy];
    const other = await zamokInProcess([...args, ...signIn('borys', base)], {
      env,
      clock: () => base,
    });
    expect(other.status).not.toBe(0);
    expect(other.stderr).toMatch(/not found/iu);
    expect(other.stderr).not.toMatch(/Шевченко|Тарас/u);

    const run = await zamokInProcess(
      ['--json', ...args, '--field', `patronymic=${copy}`, ...signIn('anna', base)],
      { env, clock: () => base },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const merged = JSON.parse(run.stdout) as MergeResult;
    expect(merged).toMatchObject({ type: 'contacts', survivorId: keep, mergedIds: [copy] });

    // Undone by the compiled CLI in a child process, without --type (real clock, next step).
    expect(zamokProcess(['--help']).status).toBe(0);
    const undo = zamokProcess(
      ['--vault', vault, 'unmerge', merged.mergeId, ...signIn('anna', Date.now() + 30_000)],
      { env },
    );
    expect(undo.stderr).toBe('');
    expect(undo.status).toBe(0);
    expect(undo.stdout).toBe(`Undid merge ${merged.mergeId}: restored ${copy}\n`);

    const { app, db } = await asOwner(Date.now() + 90_000);
    try {
      const rows = await db
        .selectFrom('contacts')
        .select(['id', 'patronymic', 'notes', 'deleted_at'])
        .where('id', 'in', [keep, copy])
        .orderBy('patronymic')
        .execute();
      expect(rows).toEqual([
        { id: keep, patronymic: null, notes: 'Перший запис', deleted_at: null },
        { id: copy, patronymic: 'Григорович', notes: 'Другий запис', deleted_at: null },
      ]);
      const audit = await db
        .selectFrom('audit_log')
        .select(['action', 'user_login', 'outcome', 'entity_id'])
        .where('action', 'in', ['merges.merge', 'merges.unmerge'])
        .orderBy('seq')
        .execute();
      expect(audit).toEqual([
        { action: 'merges.merge', user_login: 'borys', outcome: 'failed', entity_id: keep },
        { action: 'merges.merge', user_login: 'anna', outcome: 'ok', entity_id: keep },
        { action: 'merges.unmerge', user_login: 'anna', outcome: 'ok', entity_id: keep },
      ]);
    } finally {
      app.dispose();
    }
  }, 180_000);

  it('unmerge without --type of a companies merge: one call, one audit entry', async () => {
    const at = Date.now() + 300_000;
    const merge = ['--json', '--vault', vault, 'merge', 'companies', firm, firmCopy];
    const run = await zamokInProcess([...merge, ...signIn('borys', at)], { env, clock: () => at });
    expect(run.stderr).toBe('');
    const merged = JSON.parse(run.stdout) as MergeResult;
    expect(merged).toMatchObject({ type: 'companies', survivorId: firm, mergedIds: [firmCopy] });

    // Anna cannot see Borys's companies: the merge is not named to her, and nothing is undone.
    const stranger = await zamokInProcess(
      ['--vault', vault, 'unmerge', merged.mergeId, ...signIn('anna', at + 30_000)],
      { env, clock: () => at + 30_000 },
    );
    expect(stranger.status).not.toBe(0);
    expect(stranger.stderr).toMatch(/not found/iu);

    const undo = await zamokInProcess(
      ['--vault', vault, 'unmerge', merged.mergeId, ...signIn('borys', at + 60_000)],
      { env, clock: () => at + 60_000 },
    );
    expect(undo.stderr).toBe('');
    expect(undo.status).toBe(0);
    expect(undo.stdout).toBe(`Undid merge ${merged.mergeId}: restored ${firmCopy}\n`);

    const { app, db } = await asOwner(at + 90_000);
    try {
      const audit = await db
        .selectFrom('audit_log')
        .select(['action', 'user_login', 'outcome'])
        .where('action', 'like', 'merges.%')
        .where(eb =>
          eb.or([eb('entity_id', '=', firm), eb('details', 'like', `%${merged.mergeId}%`)]),
        )
        .orderBy('seq')
        .execute();
      expect(audit).toEqual([
        { action: 'merges.merge', user_login: 'borys', outcome: 'ok' },
        { action: 'merges.unmerge', user_login: 'borys', outcome: 'ok' },
      ]);
    } finally {
      app.dispose();
    }
  }, 120_000);
});
