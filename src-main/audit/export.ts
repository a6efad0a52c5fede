/**
 * Audit log export for the owner and the auditor: a time range as CSV (for a spreadsheet) or JSON
 * (for scripts). Rows are streamed from SQLite with `.iterate()` into text chunks: the table is never
 * held as objects, and the row count is capped so one click cannot produce a gigabyte string.
 */
import {
  AUDIT_EXPORT_MAX_ROWS,
  type AuditExportFile,
  type AuditExportFormat,
} from '../../src-shared/ipc/audit';
import { sqliteOf, type SqliteSource } from './head';
import type { AuditLogTable } from './rows';
import { rowToEntry } from './rows';
import { AuditInputError } from './types';

/** What to export. Times are ISO 8601 UTC (`from` inclusive, `to` exclusive). */
export interface AuditExportRequest {
  from: string;
  to: string;
  format: AuditExportFormat;
  /** CSV separator; `;` suits spreadsheet programs in locales that list with semicolons. */
  delimiter?: ',' | ';';
  /** Row cap (default AUDIT_EXPORT_MAX_ROWS); tests lower it. */
  maxRows?: number;
}

/** The range holds more rows than one export may: nothing was built. */
export class AuditExportTooLargeError extends AuditInputError {
  constructor(
    readonly count: number,
    readonly maxRows: number,
  ) {
    super(`The range holds ${count} entries; an export may hold ${maxRows}. Narrow the dates.`);
  }
}

/** Columns of both formats, in order (CSV header row = these names). */
export const AUDIT_EXPORT_COLUMNS = [
  'seq',
  'at',
  'userLogin',
  'userId',
  'deviceId',
  'action',
  'entityType',
  'entityId',
  'outcome',
  'changes',
  'details',
  'prevHash',
  'hash',
] as const;

// Leading characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: formula-looking text gets a leading `'` (so `=HYPERLINK(…)` in a login or a record
 * name stays text), then RFC 4180 quoting when the text holds the delimiter, a quote or a newline.
 */
export function csvCell(value: string | number | null, delimiter: ',' | ';' = ','): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(row: AuditLogTable, delimiter: ',' | ';'): string {
  const cells = [
    row.seq,
    row.at,
    row.user_login,
    row.user_id,
    row.device_id,
    row.action,
    row.entity_type,
    row.entity_id,
    row.outcome,
    row.changes,
    row.details,
    row.prev_hash,
    row.hash,
  ];
  return `${cells.map(cell => csvCell(cell, delimiter)).join(delimiter)}\r\n`;
}

function jsonLine(row: AuditLogTable): string {
  const entry = rowToEntry(row);
  return JSON.stringify({
    seq: entry.seq,
    at: entry.at,
    userLogin: entry.userLogin,
    userId: entry.userId,
    deviceId: entry.deviceId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    outcome: entry.outcome,
    changes: entry.changes,
    details: entry.details,
    prevHash: entry.prevHash,
    hash: entry.hash,
  });
}

function validTime(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && !Number.isNaN(Date.parse(value))
  );
}

/** `zamok-audit-2026-11-01-to-2026-11-30.csv` (the last day is the one `to` ends). */
export function exportFileName(from: string, to: string, format: AuditExportFormat): string {
  const lastDay = new Date(Date.parse(to) - 1).toISOString().slice(0, 10);
  return `zamok-audit-${from.slice(0, 10)}-to-${lastDay}.${format}`;
}

/**
 * Builds the export of a time range, oldest first (chain order). Count and rows come from one read
 * transaction. A range over the cap throws AuditExportTooLargeError; a bad range AuditInputError.
 */
export function exportAudit(target: SqliteSource, request: AuditExportRequest): AuditExportFile {
  const { from, to, format } = request;
  const delimiter = request.delimiter ?? ',';
  const maxRows = request.maxRows ?? AUDIT_EXPORT_MAX_ROWS;
  if (!validTime(from) || !validTime(to) || from >= to) {
    throw new AuditInputError('export range: from and to must be ISO UTC times, from before to');
  }
  if (format !== 'csv' && format !== 'json')
    throw new AuditInputError('export format: csv or json');
  const sqlite = sqliteOf(target);
  const build = sqlite.transaction((): AuditExportFile => {
    const count = sqlite
      .prepare<[string, string], number>('SELECT COUNT(*) FROM audit_log WHERE at >= ? AND at < ?')
      .pluck()
      .get(from, to);
    if (count === undefined) throw new Error('COUNT(*) returned no row');
    if (count > maxRows) throw new AuditExportTooLargeError(count, maxRows);
    const rows = sqlite
      .prepare<[string, string], AuditLogTable>(
        `SELECT seq, at, user_id, user_login, device_id, action, entity_type, entity_id, outcome,
           changes, details, prev_hash, hash
         FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq`,
      )
      .iterate(from, to);
    const chunks: string[] = [];
    if (format === 'csv') {
      // The BOM makes Excel read UTF-8 (Cyrillic names) instead of the ANSI code page.
      chunks.push(`\uFEFF${AUDIT_EXPORT_COLUMNS.join(delimiter)}\r\n`);
      for (const row of rows) chunks.push(csvLine(row, delimiter));
    } else {
      chunks.push(`{"from":${JSON.stringify(from)},"to":${JSON.stringify(to)},"count":${count},`);
      chunks.push('"entries":[');
      let first = true;
      for (const row of rows) {
        chunks.push(`${first ? '' : ','}\n${jsonLine(row)}`);
        first = false;
      }
      chunks.push('\n]}\n');
    }
    return {
      fileName: exportFileName(from, to, format),
      mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      content: chunks.join(''),
      count,
    };
  });
  return build.deferred();
}
