/**
 * The `office` channels through the app's router (audit → permission → handler) against a real
 * office server on loopback HTTPS (PGlite, a self-signed certificate made by openssl): the owner
 * enrols with the code the server printed (carrying the fingerprint), hands a colleague an
 * invitation, the colleague's laptop joins and waits, the owner sees and approves it (or refuses
 * another); wrong codes, an unreachable server and a wrong fingerprint are typed errors that
 * change nothing, and audit entries carry ids, never names.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import type { WaitingDeviceView } from '../../../src-shared/ipc/office';
import { ownerCodeText } from '../../../src-shared/office/codes';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { silentLogger } from '../../../src-server/log';
import { serveOffice, type RunningOffice } from '../../../src-server/serve';
import { listAudit } from '../../audit';
import { contactInputSchema } from '../../../src-shared/contacts/schema';
import { createContact } from '../../crm/contacts/repository';
import { createPermissionWrapper, createRouter, type Handlers } from '../../ipc';
import { newLaptop, type Laptop } from '../../sync/office.test-support';
import { createAuditWrapper } from '../audit-wrapper';
import { vaultFactsOf } from '../vault-facts';
import { createVaultState } from '../vault-state';
import { officeHandlers } from './office';
import { syncHandlers } from './sync';

const office16Contract = { office: contract.office, sync: contract.sync };
const dir = mkdtempSync(join(tmpdir(), 'zamok-office-join-'));
let office: RunningOffice;
const laptops: Laptop[] = [];

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2'],
      ...['-subj', '/CN=zamok-office', '-addext', 'subjectAltName=IP:127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  office = await serveOffice({
    storage: { data: join(dir, 'office') },
    host: '127.0.0.1',
    port: 0,
    tls: {
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    },
    log: silentLogger(),
  });
}, 120_000);
afterAll(async () => {
  for (const laptop of laptops.splice(0)) laptop.vault.close();
  await office.close();
});

/** A laptop with the app's router, signed in as its user with `role`'s grants. */
async function app(login: string, role: BuiltInRole) {
  const laptop = await newLaptop(login);
  laptops.push(laptop);
  const state = createVaultState(laptop.dir);
  const router = createRouter({
    contract: office16Contract,
    handlers: {
      office: officeHandlers({ openVault: () => state.openVault() }),
      sync: syncHandlers({ openVault: () => state.openVault() }),
    } as Handlers<typeof office16Contract>,
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [
      createAuditWrapper({ state, deviceId: 'dev-test' }),
      createPermissionWrapper({ vault: vaultFactsOf(() => state.openVault()) }),
    ],
  });
  state.signIn(laptop.vault, {
    userId: laptop.userId,
    login,
    role,
    grants: BUILT_IN_GRANTS[role],
    teamId: null,
  });
  const call = <T>(name: string, input: unknown) =>
    router.call(`zamok:${name}`, input, { host: 'cli' }) as Promise<Result<T>>;
  return { laptop, call };
}

function failure(result: Result<unknown>) {
  if (result.ok) throw new Error('the call did not fail');
  return { code: result.error.code, office: result.error.details?.office };
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('joining the office from the app', () => {
  it('enrols the owner, invites, joins, waits, approves and refuses', async () => {
    const code = office.enrolmentCode ?? '';
    const fingerprint = office.fingerprint;
    const owner = await app('owner', 'owner');
    const server = office.url;
    const wrongPin = ownerCodeText(code, 'AB'.repeat(32));
    const manager = await app('anna', 'manager');

    // A manager may not enrol the office's first device; nothing reaches the server.
    expect(
      failure(
        await manager.call('office.join', { server, code: ownerCodeText(code, fingerprint) }),
      ),
    ).toEqual({ code: 'forbidden', office: undefined });
    // Errors that say what to do next, and change nothing.
    expect(failure(await owner.call('office.join', { server, code: 'hello' }))).toEqual({
      code: 'invalid_input',
      office: 'bad_code',
    });
    expect(failure(await owner.call('office.join', { server, code: wrongPin }))).toEqual({
      code: 'office_unreachable',
      office: 'certificate_mismatch',
    });
    expect(
      failure(
        await owner.call('office.join', {
          server: 'https://127.0.0.1:1',
          code: ownerCodeText(code, fingerprint),
        }),
      ),
    ).toEqual({ code: 'office_unreachable', office: 'offline' });
    const wrongCode = ownerCodeText('ABCDE-FGHJK-MNPQR-STUVW-XYZ23', fingerprint);
    expect(failure(await owner.call('office.join', { server, code: wrongCode }))).toEqual({
      code: 'auth_failed',
      office: 'unauthenticated',
    });
    expect(await owner.laptop.db.selectFrom('office_settings').selectAll().execute()).toEqual([]);

    const enrolled = ok(
      await owner.call<{ state: string }>('office.join', {
        server,
        code: ownerCodeText(code, fingerprint),
      }),
    );
    expect(enrolled).toMatchObject({ state: 'active', officeId: office.officeId });
    expect(failure(await manager.call('office.invite', {}))).toEqual({
      code: 'forbidden',
      office: undefined,
    });
    const invite = ok(await owner.call<{ code: string }>('office.invite', {})).code;
    expect(invite).toMatch(/^ZI1\./);
    expect(invite).toContain(fingerprint?.replace(/:/g, ''));

    const joined = ok(
      await manager.call<{ state: string; deviceId: string }>('office.join', {
        server,
        code: invite,
      }),
    );
    expect(joined.state).toBe('pending');
    expect(ok(await manager.call<{ state: string }>('sync.status', {})).state).toBe('pending');
    // Used up: a second laptop cannot join with the same code.
    const late = await app('borys', 'manager');
    expect(failure(await late.call('office.join', { server, code: invite }))).toEqual({
      code: 'auth_failed',
      office: 'unauthenticated',
    });
    expect(await late.laptop.db.selectFrom('office_settings').selectAll().execute()).toEqual([]);

    const waiting = ok(await owner.call<WaitingDeviceView[]>('office.waiting', {}));
    expect(waiting).toEqual([
      {
        deviceId: joined.deviceId,
        userId: manager.laptop.userId,
        name: 'ANNA',
        requestedAt: expect.any(String),
        roles: ['administrator', 'head', 'manager', 'auditor'],
        teamId: null,
        asHead: false,
      },
    ]);
    // Not approved yet: its sync round is refused.
    expect(failure(await manager.call('sync.now', {})).code).toBe('auth_failed');
    ok(
      await owner.call('office.approve', {
        deviceId: joined.deviceId,
        role: 'manager',
        teamId: 'north',
      }),
    );
    expect(ok(await owner.call<WaitingDeviceView[]>('office.waiting', {}))).toEqual([]);
    ok(await manager.call('sync.now', {}));
    expect(ok(await manager.call<{ state: string }>('sync.status', {})).state).toBe('synced');

    // Another colleague is refused: no longer listed, and their laptop cannot sign in.
    ok(await late.call('sync.status', {}));
    const second = ok(await owner.call<{ code: string }>('office.invite', {})).code;
    const refused = ok(
      await late.call<{ deviceId: string }>('office.join', { server, code: second }),
    );
    ok(await owner.call('office.refuse', { deviceId: refused.deviceId }));
    expect(ok(await owner.call<WaitingDeviceView[]>('office.waiting', {}))).toEqual([]);
    expect(failure(await late.call('sync.now', {})).code).toBe('auth_failed');

    // The refused laptop forgets the office (its records stay) and joins again with a new code.
    const kept = await createContact(
      late.laptop.db,
      { userId: late.laptop.userId },
      contactInputSchema.parse({ surname: 'Шевчук', givenName: 'Ольга' }),
    );
    expect(ok(await late.call('office.forget', {}))).toEqual({
      officeId: office.officeId,
      deviceId: refused.deviceId,
      state: 'pending',
      partitions: 0,
      unsent: 0,
    });
    for (const table of ['office_settings', 'office_partitions', 'sync_outbox'] as const) {
      expect(await late.laptop.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
    expect(ok(await late.call<{ state: string }>('sync.status', {})).state).toBe('off');
    expect(failure(await late.call('office.forget', {})).code).toBe('not_found');
    const third = ok(await owner.call<{ code: string }>('office.invite', {})).code;
    const rejoined = ok(
      await late.call<{ deviceId: string }>('office.join', { server, code: third }),
    );
    expect(rejoined.deviceId).not.toBe(refused.deviceId);
    ok(await owner.call('office.approve', { deviceId: rejoined.deviceId, role: 'manager' }));
    // The kept contact and the laptop's audit entries (its audit partition is made at approval).
    expect(ok(await late.call<{ pushed: number }>('sync.now', {})).pushed).toBe(2);
    ok(await owner.call('sync.now', {}));
    const arrived = await owner.laptop.db
      .selectFrom('contacts')
      .select('id')
      .where('id', '=', kept.after.id)
      .execute();
    expect(arrived).toHaveLength(1);
    const forgot = (await listAudit(late.laptop.db, { action: 'office.forget', limit: 5 })).entries;
    expect(forgot.map(e => e.outcome)).toEqual(['failed', 'ok']);
    expect(JSON.stringify(forgot)).toContain(refused.deviceId);

    const entries = (await listAudit(owner.laptop.db, { action: 'office.approve', limit: 5 }))
      .entries;
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).toContain(joined.deviceId);
    expect(JSON.stringify(entries)).not.toContain('ANNA');
    const joins = (await listAudit(manager.laptop.db, { action: 'office.join', limit: 5 })).entries;
    expect(joins.map(e => e.outcome).sort()).toEqual(['denied', 'ok']);
  }, 120_000);
});
