/**
 * Test-only: links of every kind for a contact (a deal, a task, a document, a consent, an
 * objection, a subject request) and a dump of every table of a vault, to compare whole vaults.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Database as Schema } from '../../vault/schema';
import { newRecordId } from '../record-id';

const AT = '2026-11-02T10:00:00.000Z';

/** Inserts one row of every link table for `contactId`; answers the ids. */
export async function linkEverything(
  db: Kysely<Schema>,
  contactId: string,
  ownerId: string,
): Promise<{ deal: string; task: string; document: string; consent: string; request: string }> {
  const stamps = {
    created_at: AT,
    created_by: ownerId,
    updated_at: AT,
    updated_by: ownerId,
    deleted_at: null,
    deleted_by: null,
  };
  const deal = newRecordId();
  await db
    .insertInto('deals')
    .values({
      id: deal,
      owner_id: ownerId,
      title: 'Поставка',
      amount_minor: 1250050,
      currency: 'UAH',
      pipeline_id: 'pipeline-default',
      stage_id: 'stage-new',
      probability: 10,
      contact_id: contactId,
      sort_key: 'поставка',
      ...stamps,
    })
    .execute();
  const task = newRecordId();
  await db
    .insertInto('activities')
    .values({
      id: task,
      owner_id: ownerId,
      kind: 'task',
      subject: 'Передзвонити',
      occurred_at: AT,
      due_at: AT,
      contact_id: contactId,
      ...stamps,
    })
    .execute();
  const document = newRecordId();
  await db
    .insertInto('documents')
    .values({
      id: document,
      record_type: 'contact',
      record_id: contactId,
      owner_id: ownerId,
      file_name: 'договір.pdf',
      mime_type: 'application/pdf',
      size: 10,
      sha256: 'a'.repeat(64),
      format_version: 1,
      file_key: Buffer.alloc(32, 7),
      created_at: AT,
    })
    .execute();
  const purpose = newRecordId();
  await db
    .insertInto('privacy_purposes')
    .values({
      id: purpose,
      name: 'Розсилка',
      ground: 'consent',
      categories: '[]',
      retention_text: '',
      recipients: '',
      high_risk: 0,
      created_by: ownerId,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  const consent = newRecordId();
  await db
    .insertInto('privacy_consents')
    .values({
      id: consent,
      contact_id: contactId,
      purpose_id: purpose,
      ground: 'consent',
      channel: 'paper',
      obtained_at: AT,
      recorded_by: ownerId,
      recorded_at: AT,
    })
    .execute();
  await db
    .insertInto('privacy_objections')
    .values({ contact_id: contactId, objected_at: AT, recorded_by: ownerId })
    .execute();
  const request = newRecordId();
  await db
    .insertInto('privacy_requests')
    .values({
      id: request,
      contact_id: contactId,
      kind: 'access',
      received_at: AT,
      due_at: AT,
      status: 'open',
      note: 'запит',
      created_by: ownerId,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return { deal, task, document, consent, request };
}

/** Tables left out of {@link dumpVault}: the audit log and the merge records themselves. */
const NOT_DUMPED = new Set(['audit_log', 'record_merges', 'record_merge_members']);

/** Tables whose rows carry the concurrency stamps an unmerge renews. */
const STAMPED = new Set(['contacts', 'companies', 'deals', 'activities']);

/**
 * Every row of every table (full-text tables by rowid and text; their shadow tables, whose segment
 * layout changes with any write, left out), as JSON with blobs in hex. `withoutStamps`: the
 * `updated_at`/`updated_by` of contacts, companies, deals and activities left out (an unmerge
 * gives them fresh ones; everything else comes back byte for byte).
 */
export function dumpVault(
  sqlite: Database.Database,
  o: { withoutStamps?: boolean } = {},
): Record<string, string[]> {
  const tables = sqlite
    .prepare<[], { name: string; sql: string | null }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .all();
  const virtual = tables.filter(t => t.sql?.startsWith('CREATE VIRTUAL')).map(t => t.name);
  const out: Record<string, string[]> = {};
  for (const { name, sql } of tables) {
    if (NOT_DUMPED.has(name) || virtual.some(v => name.startsWith(`${v}_`))) continue;
    const rowid = sql?.includes('WITHOUT ROWID') === true ? '' : 'rowid AS _rowid, ';
    const rows = sqlite.prepare(`SELECT ${rowid}* FROM "${name}"`).all() as Record<
      string,
      unknown
    >[];
    if (o.withoutStamps && STAMPED.has(name)) {
      for (const row of rows) {
        delete row.updated_at;
        delete row.updated_by;
      }
    }
    out[name] = rows
      .map(row =>
        JSON.stringify(row, (_key, value: unknown) =>
          Buffer.isBuffer(value) ? value.toString('hex') : value,
        ),
      )
      .sort();
  }
  return out;
}
