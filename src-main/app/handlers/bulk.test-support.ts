/**
 * Test-only: the bulk channels (and the contacts, deals and records channels they work beside)
 * composed like the app's on a real vault joined to a test office, with helpers reading owners,
 * the sync outbox and the audit log.
 */
import { randomUUID } from 'node:crypto';
import { bulkContract } from '../../../src-shared/ipc/bulk';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import { dealsContract } from '../../../src-shared/ipc/deals';
import { recordsContract } from '../../../src-shared/ipc/records';
import { listAudit } from '../../audit';
import type { TestStaff } from '../../crm/contacts/contacts.test-support';
import { createDealsTestVault } from '../../crm/deals/deals.test-support';
import type { Session } from '../../ipc';
import { generateDeviceKeys } from '../../sync/crypto';
import { savePartition, savePartitionKey } from '../../sync/store';
import { composeTestApp, keepOpen } from './app.test-support';
import { bulkHandlers } from './bulk';
import { contactsHandlers } from './contacts';
import { dealsHandlers } from './deals';
import { recordsHandlers } from './records';

/** Makes the vault an office member holding a partition for each of `owners` (outbox on). */
async function joinOffice(t: Awaited<ReturnType<typeof createDealsTestVault>>) {
  const keys = generateDeviceKeys();
  await t.db
    .insertInto('office_settings')
    .values({
      id: 1,
      server_url: 'http://127.0.0.1:1',
      fingerprint: null,
      office_id: 'test-office',
      device_id: randomUUID(),
      user_id: t.staff.head,
      role: 'head',
      team_id: null,
      sign_private: keys.signPrivate,
      box_private: keys.boxPrivate,
      sign_public: keys.signPublic,
      box_public: keys.boxPublic,
      status: 'active',
      created_at: new Date().toISOString(),
      last_sync_at: null,
      last_error: null,
    })
    .execute();
  for (const owner of Object.values(t.staff)) {
    const partitionId = randomUUID();
    await savePartition(t.db, {
      partitionId,
      kind: 'owner',
      ownerUserId: owner,
      keyVersion: 1,
      mayPush: true,
    });
    await savePartitionKey(t.db, partitionId, 1, Buffer.alloc(32, 7));
  }
}

/**
 * The composed app; `sessionGuard: false` lets a test sign in with chosen grants (a custom role).
 */
export async function bulkTestApp(options: { sessionGuard?: boolean } = {}) {
  const t = await keepOpen(createDealsTestVault());
  await joinOffice(t);
  const { call, signInStaff } = composeTestApp({
    ...options,
    vault: t.vault,
    staff: t.staff,
    contract: {
      bulk: bulkContract,
      contacts: contactsContract,
      deals: dealsContract,
      records: recordsContract,
    },
    handlers: ({ openVault }) => ({
      bulk: bulkHandlers({ openVault }),
      contacts: contactsHandlers({ openVault }),
      deals: dealsHandlers({ openVault }).deals,
      records: recordsHandlers({ openVault, timeZone: 'Europe/Kyiv' }),
    }),
  });
  function as(who: keyof TestStaff, session?: Partial<Session>) {
    signInStaff(who, session);
    return call;
  }
  const owners = (table: 'contacts' | 'deals', ids: string[]) =>
    ids.map(
      id =>
        (
          t.vault.sqlite.prepare(`SELECT owner_id FROM ${table} WHERE id = ?`).get(id) as {
            owner_id: string;
          }
        ).owner_id,
    );
  const outbox = (): {
    record_table: string;
    record_id: string;
    partition_id: string;
    fields: string;
  }[] =>
    t.vault.sqlite
      .prepare(
        'SELECT record_table, record_id, partition_id, fields FROM sync_outbox ORDER BY rowid',
      )
      .all() as never;
  return { ...t, as, owners, outbox };
}

/** The audit log's latest entries. */
export async function bulkAudits(t: Awaited<ReturnType<typeof bulkTestApp>>) {
  return (await listAudit(t.vault.db, { limit: 50 })).entries;
}
