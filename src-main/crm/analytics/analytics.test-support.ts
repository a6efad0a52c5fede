/**
 * Test-only: the contacts test office with scripted contacts, deals and activities at fixed times,
 * inserted row by row so every figure of the dashboard is known exactly. "Now" is {@link NOW}.
 */
import type { Database } from '../../vault/schema';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Grants } from '../../../src-shared/permissions';
import { createContactsTestVault, type TestStaff } from '../contacts/contacts.test-support';

/** The scripted "now": 15 November 2026, noon UTC. */
export const NOW = new Date('2026-11-15T12:00:00.000Z');

/** Grants of a custom role that reads only its own records, with the dashboard. */
export const OWN_ANALYST: Grants = {
  'analytics.read': true,
  'contacts.read': 'own',
  'deals.read': 'own',
  'activities.read': 'own',
};

/** A vault with the test staff and the script below. Close `vault` when done. */
export async function createAnalyticsTestVault() {
  const t = await createContactsTestVault();
  const db = t.vault.db;
  await script(db, t.staff);
  return { ...t, accounts: t.db, db };
}

async function script(db: Kysely<Database>, s: TestStaff): Promise<void> {
  const contact = async (owner: string, createdAt: string, deleted = false) => {
    const id = randomUUID();
    await sql`INSERT INTO contacts (id, owner_id, surname, given_name, sort_key, created_at,
      created_by, updated_at, updated_by, deleted_at, deleted_by)
      VALUES (${id}, ${owner}, 'Коваль', 'Олена', 'коваль олена', ${createdAt}, ${owner},
      ${createdAt}, ${owner}, ${deleted ? createdAt : null}, ${deleted ? owner : null})`.execute(
      db,
    );
    return id;
  };
  // Contacts: anna 2 in Nov, 1 in Oct, 1 in Jun, 1 deleted in Nov; borys 1 in Nov, 1 on the last
  // minute of Sep, 1 in Oct shared with anna; vira 1 in 2025 (outside every period).
  const annaFirst = await contact(s.anna, '2026-11-02T09:00:00.000Z');
  await contact(s.anna, '2026-11-14T18:30:00.000Z');
  await contact(s.anna, '2026-10-05T10:00:00.000Z');
  await contact(s.anna, '2026-06-01T00:00:00.000Z');
  await contact(s.anna, '2026-11-03T10:00:00.000Z', true);
  await contact(s.borys, '2026-11-03T08:00:00.000Z');
  await contact(s.borys, '2026-09-30T23:59:59.999Z');
  const shared = await contact(s.borys, '2026-10-10T10:00:00.000Z');
  await contact(s.vira, '2025-12-31T23:59:59.999Z');
  await sql`INSERT INTO contact_shares (contact_id, user_id, granted_by, granted_at)
    VALUES (${shared}, ${s.anna}, ${s.borys}, '2026-10-10T10:00:00.000Z')`.execute(db);

  const deal = async (
    owner: string,
    stage: string,
    amount: number,
    currency: string,
    closedAt: string | null,
    deleted = false,
  ) => {
    const at = '2026-04-01T10:00:00.000Z';
    await sql`INSERT INTO deals (id, owner_id, title, amount_minor, currency, pipeline_id, stage_id,
      probability, closed_at, sort_key, created_at, created_by, updated_at, updated_by, deleted_at,
      deleted_by)
      VALUES (${randomUUID()}, ${owner}, 'Поставка', ${amount}, ${currency}, 'pipeline-default',
      ${stage}, 10, ${closedAt}, 'поставка', ${at}, ${owner}, ${at}, ${owner},
      ${deleted ? at : null}, ${deleted ? owner : null})`.execute(db);
  };
  await deal(s.anna, 'stage-new', 100000, 'UAH', null);
  await deal(s.anna, 'stage-new', 250050, 'UAH', null);
  await deal(s.anna, 'stage-proposal', 70000, 'USD', null);
  await deal(s.anna, 'stage-won', 500000, 'UAH', '2026-11-05T10:00:00.000Z');
  await deal(s.anna, 'stage-lost', 10000, 'UAH', '2026-10-01T00:00:00.000Z');
  await deal(s.anna, 'stage-new', 9999999, 'UAH', null, true);
  await deal(s.borys, 'stage-new', 400000, 'UAH', null);
  await deal(s.borys, 'stage-won', 300000, 'EUR', '2026-10-20T10:00:00.000Z');
  await deal(s.borys, 'stage-won', 300000, 'UAH', '2026-05-01T10:00:00.000Z');
  await deal(s.vira, 'stage-negotiation', 123456, 'PLN', null);

  const activity = async (owner: string, occurredAt: string, deleted = false) => {
    await sql`INSERT INTO activities (id, owner_id, kind, subject, occurred_at, contact_id,
      created_at, created_by, updated_at, updated_by, deleted_at, deleted_by)
      VALUES (${randomUUID()}, ${owner}, 'call', 'Дзвінок', ${occurredAt}, ${annaFirst},
      ${occurredAt}, ${owner}, ${occurredAt}, ${owner}, ${deleted ? occurredAt : null},
      ${deleted ? owner : null})`.execute(db);
  };
  // Window: 2026-10-16T12:00Z … now.
  await activity(s.anna, '2026-11-01T10:00:00.000Z');
  await activity(s.anna, '2026-11-10T10:00:00.000Z');
  await activity(s.anna, '2026-11-15T11:00:00.000Z');
  await activity(s.anna, '2026-10-16T11:59:59.999Z');
  await activity(s.anna, '2026-11-12T10:00:00.000Z', true);
  await activity(s.borys, '2026-10-16T12:00:00.000Z');
  await activity(s.vira, '2026-11-02T10:00:00.000Z');
  await activity(s.vira, '2026-11-03T10:00:00.000Z');
  await activity(s.vira, '2026-11-20T10:00:00.000Z');
}
