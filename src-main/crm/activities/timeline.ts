/**
 * One record's timeline: its activities, the deals of a contact or company, and document events
 * (audit entries of entity type `document` for the record's documents), merged newest first and paged by
 * keyset on the common key (at, source, id) — never OFFSET.
 *
 * Each source is its own index range read backwards from the cursor with a LIMIT of one page plus
 * one (activities: activities_<record>_time; documents: documents_record, audit_log_entity), and the UNION
 * only merges those few rows. Scope is SQL: the record must be readable by the caller (else
 * `not_found`, before anything is read), activities are limited by the caller's activities.read
 * owner scope, deals by their deals.read scope.
 */
import { ownerScopeSql } from '../record/viewer';
import type { Database } from '../../vault/schema';
import { RecordError } from '../record/errors';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import {
  TIMELINE_PAGE_SIZE,
  type ActivityKind,
  type CallDirection,
  type CallOutcome,
  type TimelineEntity,
  type TimelineItem,
  type TimelinePage,
  type TimelineSource,
} from '../../../src-shared/activities';
import { dealsShape, requireReadableRecord } from './records';
import { type ActivityViewer } from './tables';

interface Cursor {
  at: string;
  source: TimelineSource;
  id: string;
}

interface Row {
  source: TimelineSource;
  id: string;
  at: string;
  kind: ActivityKind | null;
  subject: string | null;
  body: string | null;
  owner_id: string | null;
  owner_name: string | null;
  due_at: string | null;
  done_at: string | null;
  action: string | null;
  direction: CallDirection | null;
  duration_minutes: number | null;
  outcome: CallOutcome | null;
}

function encodeCursor(entity: TimelineEntity, recordId: string, c: Cursor): string {
  const parts = ['timeline', entity, recordId, c.at, c.source, c.id];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The cursor's position; `invalid_input` when it is damaged or belongs to another timeline. */
function decodeCursor(text: string, entity: TimelineEntity, recordId: string): Cursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (
    Array.isArray(parts) &&
    parts.length === 6 &&
    parts[0] === 'timeline' &&
    parts[1] === entity &&
    parts[2] === recordId &&
    typeof parts[3] === 'string' &&
    (parts[4] === 'activity' || parts[4] === 'deal' || parts[4] === 'document') &&
    typeof parts[5] === 'string'
  ) {
    return { at: parts[3], source: parts[4], id: parts[5] };
  }
  throw new RecordError('invalid_input', 'cursor: not from this timeline; start from the top');
}

/**
 * "After the cursor" for one source, in the order (at DESC, source DESC, id DESC): a source that
 * sorts before the cursor's may repeat its time, one after it may not, the cursor's own source
 * continues by (at, id). Each form is a range on that source's (record, at, id) index.
 */
function afterCursor(
  source: TimelineSource,
  at: string,
  id: string,
  c?: Cursor,
  idExpression?: RawBuilder<unknown>,
) {
  if (!c) return sql<SqlBool>`1`;
  const atRef = sql.ref(at);
  if (source < c.source) return sql<SqlBool>`${atRef} <= ${c.at}`;
  if (source > c.source) return sql<SqlBool>`${atRef} < ${c.at}`;
  return sql<SqlBool>`(${atRef}, ${idExpression ?? sql.ref(id)}) < (${c.at}, ${c.id})`;
}

/** True when the vault has this table (features whose migrations may be absent in older builds). */
async function tableExists(db: Kysely<Database>, name: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master
    WHERE type = 'table' AND name = ${name}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

/** The record column of `activities` for a timeline (fixed names, never input). */
const ACTIVITY_COLUMN = {
  contact: 'activities.contact_id',
  company: 'activities.company_id',
  deal: 'activities.deal_id',
} as const satisfies Record<TimelineEntity, string>;

/** One page of a record's timeline, newest first. */
export async function timeline(
  db: Kysely<Database>,
  viewer: ActivityViewer,
  entity: TimelineEntity,
  recordId: string,
  cursorText?: string,
  pageSize: number = TIMELINE_PAGE_SIZE,
): Promise<TimelinePage> {
  const cursor = cursorText ? decodeCursor(cursorText, entity, recordId) : undefined;
  await requireReadableRecord(db, viewer, entity, recordId);
  const take = pageSize + 1;

  const parts: RawBuilder<Row>[] = [
    sql<Row>`SELECT * FROM (
      SELECT 'activity' AS source, activities.id AS id, activities.occurred_at AS at,
        activities.kind AS kind, activities.subject AS subject, activities.body AS body,
        activities.owner_id AS owner_id, users.display_name AS owner_name, activities.due_at AS due_at,
        activities.done_at AS done_at, NULL AS action, activities.direction AS direction,
        activities.duration_minutes AS duration_minutes, activities.outcome AS outcome
      FROM activities
      JOIN users ON users.id = activities.owner_id
      WHERE ${sql.ref(ACTIVITY_COLUMN[entity])} = ${recordId} AND activities.deleted_at IS NULL
        AND ${ownerScopeSql('activities.owner_id', viewer, viewer.scope)}
        AND ${afterCursor('activity', 'activities.occurred_at', 'activities.id', cursor)}
      ORDER BY activities.occurred_at DESC, activities.id DESC LIMIT ${take})`,
  ];

  const dealScope = viewer.records.deal;
  if (entity !== 'deal' && dealScope !== undefined) {
    const deals = await dealsShape(db);
    const link = entity === 'contact' ? deals?.contactId : deals?.companyId;
    if (deals?.title && deals.createdAt && link) {
      const live = deals.deletedAt ? sql<SqlBool>`deals.deleted_at IS NULL` : sql<SqlBool>`1`;
      parts.push(sql<Row>`SELECT * FROM (
        SELECT 'deal' AS source, deals.id AS id, deals.created_at AS at, NULL AS kind,
          deals.title AS subject, NULL AS body, deals.owner_id AS owner_id,
          users.display_name AS owner_name, NULL AS due_at,
          NULL AS done_at, NULL AS action, NULL AS direction, NULL AS duration_minutes,
          NULL AS outcome
        FROM deals JOIN users ON users.id = deals.owner_id
        WHERE ${sql.ref(`deals.${entity}_id`)} = ${recordId} AND ${live}
          AND ${ownerScopeSql('deals.owner_id', viewer, dealScope)}
          AND ${afterCursor('deal', 'deals.created_at', 'deals.id', cursor)}
        ORDER BY deals.created_at DESC, deals.id DESC LIMIT ${take})`);
    }
  }

  // Document events: audit entries of the record's documents (documents table, migration 0012, read
  // with plain SQL when present) through audit_log_entity (entity_type, entity_id, seq).
  if (await tableExists(db, 'documents')) {
    parts.push(sql<Row>`SELECT * FROM (
      SELECT 'document' AS source, printf('%015d', audit_log.seq) AS id, audit_log.at AS at,
        NULL AS kind, documents.file_name AS subject, NULL AS body,
        audit_log.user_id AS owner_id, users.display_name AS owner_name, NULL AS due_at, NULL AS done_at,
        audit_log.action AS action, NULL AS direction, NULL AS duration_minutes, NULL AS outcome
      FROM documents
      JOIN audit_log ON audit_log.entity_type = 'document' AND audit_log.entity_id = documents.id
      LEFT JOIN users ON users.id = audit_log.user_id
      WHERE documents.record_type = ${entity} AND documents.record_id = ${recordId}
        AND audit_log.outcome = 'ok'
        AND ${afterCursor('document', 'audit_log.at', 'id', cursor, sql`printf('%015d', audit_log.seq)`)}
      ORDER BY audit_log.at DESC, audit_log.seq DESC LIMIT ${take})`);
  }

  const { rows } = await sql<Row>`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)})
    ORDER BY at DESC, source DESC, id DESC LIMIT ${take}`.execute(db);

  const shown = rows.slice(0, pageSize);
  const items = shown.map((r): TimelineItem => ({
    source: r.source,
    id: r.source === 'document' ? String(Number(r.id)) : r.id,
    at: r.at,
    kind: r.kind,
    subject: r.subject ?? '',
    body: r.body,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueAt: r.due_at,
    doneAt: r.done_at,
    action: r.action,
    ...(r.direction !== null || r.duration_minutes !== null || r.outcome !== null
      ? {
          facts: {
            direction: r.direction,
            durationMinutes: r.duration_minutes,
            outcome: r.outcome,
          },
        }
      : {}),
  }));
  const last = shown.at(-1);
  const lastRow = rows[shown.length - 1];
  return {
    items,
    nextCursor:
      rows.length > pageSize && last && lastRow
        ? encodeCursor(entity, recordId, { at: lastRow.at, source: lastRow.source, id: lastRow.id })
        : null,
  };
}
