/**
 * Exports waiting for the owner's approval (migration 0010_export_requests). A non-owner's export
 * above the `exportApprovalAbove` setting is stored here instead of being run; the owner approves
 * or denies it; the requester then runs an approved request once, within 24 hours of asking.
 * Synchronous better-sqlite3 statements, run inside the audited call's transaction. Rows hold ids,
 * the count, the format and the list filter — never the exported contents.
 */
import { randomUUID } from 'node:crypto';
import type { ExportRequestView } from '../../src-shared/ipc/alerts';
import {
  contactExportFilterSchema,
  type ContactExportFilter,
  type ExportFormat,
} from '../../src-shared/ipc/contacts';
import type { RecordExportFormat } from '../../src-shared/ipc/records';
import type { SqliteHandle } from '../audit';
import { CallFailure } from '../calls';

/** How long a request may wait and, once approved, be used. */
export const EXPORT_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

/** What was asked for, as stored (the export's filter or ids, and the header language). */
export interface StoredSelection {
  filter?: ContactExportFilter;
  ids?: string[];
  locale: 'uk' | 'en';
  /** The processing purpose the export is made for (src-main/privacy/consent/export-filter.ts). */
  purposeId?: string;
  /** records.export: the CSV dialect. */
  csvStyle?: 'excel' | 'plain';
}

/** The record types a request may be for (migration 0035; 0010 rows are contacts). */
export type ExportRequestType = 'contacts' | 'companies' | 'deals' | 'activities';

/** A request with its stored selection. */
export interface StoredExportRequest extends ExportRequestView {
  selection: StoredSelection;
}

/** Where a request stands for its requester at a given time. */
export type ExportRequestState = 'pending' | 'approved' | 'denied' | 'expired' | 'used';

interface Row {
  id: string;
  user_id: string;
  filter: string;
  count: number;
  format: string;
  requested_at: string;
  decision: string | null;
  decided_at: string | null;
  decided_by: string | null;
  consumed_at: string | null;
}

function parseSelection(text: string): StoredSelection {
  const raw = JSON.parse(text) as Partial<StoredSelection>;
  const selection: StoredSelection = { locale: raw.locale === 'en' ? 'en' : 'uk' };
  // Parsed again: an edited row must not smuggle in a filter the channel would have refused.
  const filter = contactExportFilterSchema.safeParse(raw.filter);
  if (raw.filter !== undefined && filter.success) selection.filter = filter.data;
  if (Array.isArray(raw.ids)) selection.ids = raw.ids.filter(i => typeof i === 'string');
  if (typeof raw.purposeId === 'string') selection.purposeId = raw.purposeId;
  if (raw.csvStyle === 'excel' || raw.csvStyle === 'plain') selection.csvStyle = raw.csvStyle;
  return selection;
}

function rowToRequest(row: Row): StoredExportRequest {
  return {
    id: row.id,
    userId: row.user_id,
    count: row.count,
    format: row.format,
    requestedAt: row.requested_at,
    decision: row.decision === 'approved' || row.decision === 'denied' ? row.decision : null,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    consumedAt: row.consumed_at,
    selection: parseSelection(row.filter),
  };
}

/** The public view (without the filter, which may hold a search text). */
export function requestView(r: StoredExportRequest): ExportRequestView {
  const { selection: _selection, ...view } = r;
  return view;
}

/** Stores a new pending request and returns it. */
export function createExportRequest(
  sqlite: SqliteHandle,
  r: {
    userId: string;
    selection: StoredSelection;
    count: number;
    format: ExportFormat | RecordExportFormat;
    type?: ExportRequestType;
  },
  at: Date,
): StoredExportRequest {
  const id = randomUUID();
  sqlite
    .prepare(
      `INSERT INTO export_requests (id, user_id, type, filter, count, format, requested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      r.userId,
      r.type ?? 'contacts',
      JSON.stringify(r.selection),
      r.count,
      r.format,
      at.toISOString(),
    );
  return getExportRequest(sqlite, id) as StoredExportRequest;
}

/**
 * The requester's open request for exactly this export (same type, format and selection as
 * stored): unexpired, unused, not denied; an approved one first. Null when there is none: the
 * export-limits wrapper then stores a new one, runs an approved one once, or answers a pending one.
 */
export function findOpenExportRequest(
  sqlite: SqliteHandle,
  r: {
    userId: string;
    type: ExportRequestType;
    format: ExportFormat | RecordExportFormat;
    selection: StoredSelection;
  },
  now: Date,
): { id: string; approved: boolean } | null {
  const since = new Date(now.getTime() - EXPORT_REQUEST_TTL_MS).toISOString();
  const row = sqlite
    .prepare<[string, string, string, string, string], { id: string; decision: string | null }>(
      `SELECT id, decision FROM export_requests
       WHERE user_id = ? AND type = ? AND format = ? AND filter = ? AND requested_at > ?
         AND (decision IS NULL OR decision = 'approved') AND consumed_at IS NULL
       ORDER BY decision IS NULL, requested_at LIMIT 1`,
    )
    .get(r.userId, r.type, r.format, JSON.stringify(r.selection), since);
  return row ? { id: row.id, approved: row.decision === 'approved' } : null;
}

/** One request by id, or null. */
export function getExportRequest(sqlite: SqliteHandle, id: string): StoredExportRequest | null {
  const row = sqlite.prepare<[string], Row>('SELECT * FROM export_requests WHERE id = ?').get(id);
  return row ? rowToRequest(row) : null;
}

/** Where the request stands at `now` (expiry counts from the request, decided or not). */
export function requestState(r: ExportRequestView, now: Date): ExportRequestState {
  if (r.consumedAt !== null) return 'used';
  if (r.decision === 'denied') return 'denied';
  if (now.getTime() - Date.parse(r.requestedAt) >= EXPORT_REQUEST_TTL_MS) return 'expired';
  return r.decision === 'approved' ? 'approved' : 'pending';
}

/**
 * The owner's decision on a pending request. `not_found` for an unknown id; `conflict` (details
 * `reason`: the state) when it was already decided, used or has expired. Also marks the request's
 * `export_approval` alert as read by the decider.
 */
export function decideExportRequest(
  sqlite: SqliteHandle,
  id: string,
  decision: 'approved' | 'denied',
  by: string,
  now: Date,
): StoredExportRequest {
  const request = getExportRequest(sqlite, id);
  if (!request) throw new CallFailure('not_found', 'There is no such export request.');
  const state = requestState(request, now);
  if (state !== 'pending') {
    throw new CallFailure('conflict', `This export request is already ${state}.`, {
      reason: state,
    });
  }
  const at = now.toISOString();
  sqlite
    .prepare(
      `UPDATE export_requests SET decision = ?, decided_at = ?, decided_by = ?
       WHERE id = ? AND decision IS NULL`,
    )
    .run(decision, at, by, id);
  sqlite
    .prepare(
      `UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?
       WHERE rule = 'export_approval' AND entity_id = ? AND acknowledged_at IS NULL`,
    )
    .run(at, by, id);
  return getExportRequest(sqlite, id) as StoredExportRequest;
}

/**
 * The requester's own request, checked for use: `not_found` when it is not theirs (same as a
 * missing one), `forbidden` with details `reason` ('denied' | 'expired' | 'used') when it cannot
 * run. Returns it with its state ('pending' or 'approved').
 */
export function requesterView(
  sqlite: SqliteHandle,
  id: string,
  userId: string,
  now: Date,
): { request: StoredExportRequest; state: 'pending' | 'approved' } {
  const request = getExportRequest(sqlite, id);
  if (!request || request.userId !== userId) {
    throw new CallFailure('not_found', 'There is no such export request.');
  }
  const state = requestState(request, now);
  if (state === 'pending' || state === 'approved') return { request, state };
  const messages = {
    denied: 'The owner refused this export.',
    expired: 'This export request has expired (24 hours). Ask again.',
    used: 'This approved export was already downloaded. Ask again for another one.',
  } as const;
  throw new CallFailure('forbidden', messages[state], { reason: state });
}

/** Marks an approved request as used (single use). */
export function consumeExportRequest(sqlite: SqliteHandle, id: string, now: Date): void {
  sqlite
    .prepare('UPDATE export_requests SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL')
    .run(now.toISOString(), id);
}
