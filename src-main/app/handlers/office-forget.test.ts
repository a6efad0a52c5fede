/**
 * `office.forget` on an owner's laptop (the app's router: audit → permission wrapper with the
 * vault's facts → handler) against a real office server on loopback (PGlite): a colleague signed in
 * on the owner device may not make it drop the owner's device and partition keys — refused, nothing
 * changed, a denied audit entry — while the owner may; a refused (pending) laptop and an approved
 * staff laptop still leave without `settings.manage`.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import type { RunningOffice } from '../../../src-server/serve';
import { listAudit } from '../../audit';
import { createUser } from '../../auth/accounts';
import { createPermissionWrapper, createRouter, type Handlers } from '../../ipc';
import { requestToJoin } from '../../sync/enrol';
import { syncNow } from '../../sync/worker';
import { syncStatus } from '../../sync/status';
import {
  enrolledOwner,
  joinedLaptop,
  newLaptop,
  startOffice,
  type Laptop,
} from '../../sync/office.test-support';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { createAuditWrapper } from '../audit-wrapper';
import { vaultFactsOf } from '../vault-facts';
import { createVaultState } from '../vault-state';
import { officeHandlers } from './office';

const officeOnly = { office: contract.office };
let office: RunningOffice;
const laptops: Laptop[] = [];

beforeAll(async () => {
  office = await startOffice({ data: join(makeTempDir('zamok-forget-owner-'), 'office') });
}, 120_000);
afterAll(async () => {
  for (const laptop of laptops.splice(0)) laptop.vault.close();
  await office.close();
});

/** The app's router on `laptop`, and a way to sign a user of its vault in with a role. */
function appOn(laptop: Laptop) {
  laptops.push(laptop);
  const state = createVaultState(laptop.dir);
  const router = createRouter({
    contract: officeOnly,
    handlers: { office: officeHandlers({ openVault: () => state.openVault() }) } as Handlers<
      typeof officeOnly
    >,
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [
      createAuditWrapper({ state, deviceId: 'dev-test' }),
      createPermissionWrapper({ vault: vaultFactsOf(() => state.openVault()) }),
    ],
  });
  return {
    as(userId: string, login: string, role: BuiltInRole) {
      state.signIn(laptop.vault, {
        userId,
        login,
        role,
        grants: BUILT_IN_GRANTS[role],
        teamId: null,
      });
    },
    forget: () =>
      router.call('zamok:office.forget', {}, { host: 'cli' }) as Promise<Result<unknown>>,
  };
}

/** Rows of the membership tables (settings, partitions, keys). */
async function membership(laptop: Laptop) {
  const count = async (table: 'office_settings' | 'office_partitions' | 'office_partition_keys') =>
    (await laptop.db.selectFrom(table).selectAll().execute()).length;
  return {
    settings: await count('office_settings'),
    partitions: await count('office_partitions'),
    keys: await count('office_partition_keys'),
  };
}

describe('forgetting the office on the owner device', () => {
  it('refuses a manager signed in there and changes nothing; staff devices and the owner may', async () => {
    const owner = await enrolledOwner(office);
    const anna = await createUser(owner.db, {
      login: 'anna',
      displayName: 'Anna',
      role: 'manager',
    });
    const app = appOn(owner);
    const before = await membership(owner);
    expect(before.settings).toBe(1);
    expect(before.keys).toBeGreaterThan(0);

    app.as(anna.id, 'anna', 'manager');
    const refused = await app.forget();
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await membership(owner)).toEqual(before);
    const denied = (await listAudit(owner.db, { action: 'office.forget', limit: 5 })).entries;
    expect(denied.map(e => [e.userLogin, e.outcome])).toEqual([['anna', 'denied']]);

    // An approved staff device (manager role) is no owner device: its manager leaves freely.
    const staff = await joinedLaptop(office, owner, 'borys', 'manager');
    await syncNow(staff.db); // approved and synced: an active manager device
    // The sync panel offers the button by this mark: the owner device has it, a staff laptop not.
    expect((await syncStatus(owner.db)).ownerDevice).toBe(true);
    expect((await syncStatus(staff.db)).ownerDevice).toBeUndefined();
    const staffApp = appOn(staff);
    staffApp.as(staff.userId, staff.login, 'manager');
    expect(await staffApp.forget()).toMatchObject({ ok: true, value: { state: 'active' } });
    expect((await membership(staff)).settings).toBe(0);

    app.as(owner.userId, owner.login, 'owner');
    const forgot = await app.forget();
    expect(forgot).toMatchObject({ ok: true, value: { state: 'active' } });
    expect(await membership(owner)).toEqual({ settings: 0, partitions: 0, keys: 0 });
    const entries = (await listAudit(owner.db, { action: 'office.forget', limit: 5 })).entries;
    expect(entries.map(e => e.outcome).sort()).toEqual(['denied', 'ok']);
  }, 120_000);
});

describe('forgetting the office on a staff laptop', () => {
  it('lets a manager leave while the request is pending (refused), without settings.manage', async () => {
    const late = await newLaptop('late');
    await requestToJoin(late.db, {
      endpoint: { url: office.url, fingerprint: null },
      userId: late.userId,
      name: 'LATE',
    });
    const app = appOn(late);
    app.as(late.userId, late.login, 'manager');
    expect(await app.forget()).toMatchObject({ ok: true, value: { state: 'pending' } });
    expect(await membership(late)).toEqual({ settings: 0, partitions: 0, keys: 0 });
  }, 120_000);
});
