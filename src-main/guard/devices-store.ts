/**
 * The `devices` table (migration 0009): computers seen at sign-in with correct credentials, and
 * the owner's approvals. Synchronous better-sqlite3 statements like the alerts store: the sign-in
 * check runs them on the freshly unlocked vault, inside no router transaction.
 */
import type { DeviceView } from '../../src-shared/ipc/devices';
import type { SqliteHandle } from '../audit';
import type { DevicesTable } from '../vault/schema';

/** What the sign-in check needs to know about a device. */
export type DeviceStatus = DeviceView['status'];

function statusOf(row: DevicesTable): DeviceStatus {
  if (row.revoked_at !== null) return 'revoked';
  return row.approved_at !== null ? 'approved' : 'pending';
}

function toView(row: DevicesTable, currentId: string | null): DeviceView {
  return {
    id: row.id,
    label: row.label,
    status: statusOf(row),
    firstSeenAt: row.first_seen_at,
    firstSeenUserId: row.first_seen_user,
    lastSeenAt: row.last_seen_at,
    lastSeenUserId: row.last_seen_user,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    revokedAt: row.revoked_at,
    current: row.id === currentId,
  };
}

/** A default label: the OS host name, cut to the column's limit (never empty). */
export function defaultLabel(hostName: string): string {
  const clean = hostName
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 80);
  return clean.length > 0 ? clean : 'Computer';
}

/** One device, or null. */
export function getDevice(sqlite: SqliteHandle, id: string, currentId: string | null = null) {
  const row = sqlite.prepare('SELECT * FROM devices WHERE id = ?').get(id) as
    DevicesTable | undefined;
  return row ? toView(row, currentId) : null;
}

/** Every device: pending first, then by last sign-in attempt, newest first. */
export function listDevices(sqlite: SqliteHandle, currentId: string | null): DeviceView[] {
  const rows = sqlite
    .prepare(
      `SELECT * FROM devices
       ORDER BY (approved_at IS NULL AND revoked_at IS NULL) DESC, last_seen_at DESC, id`,
    )
    .all() as DevicesTable[];
  return rows.map(row => toView(row, currentId));
}

/** Records a sign-in attempt from a device (first time: a new pending row labelled `label`). */
export function recordDeviceSeen(
  sqlite: SqliteHandle,
  o: { id: string; userId: string; label: string; at: string },
): DeviceView {
  sqlite
    .prepare(
      `INSERT INTO devices (id, label, first_seen_at, first_seen_user, last_seen_at, last_seen_user)
       VALUES (@id, @label, @at, @userId, @at, @userId)
       ON CONFLICT (id) DO UPDATE SET last_seen_at = @at, last_seen_user = @userId`,
    )
    .run({ ...o, label: defaultLabel(o.label) });
  const seen = getDevice(sqlite, o.id, o.id);
  if (!seen) throw new Error('device row missing after insert');
  return seen;
}

/** Approves a device (clearing a revoke). Null when it does not exist. */
export function approveDevice(
  sqlite: SqliteHandle,
  id: string,
  by: string,
  at: string,
): DeviceView | null {
  sqlite
    .prepare(
      `UPDATE devices SET approved_at = ?, approved_by = ?, revoked_at = NULL, revoked_by = NULL
       WHERE id = ?`,
    )
    .run(at, by, id);
  return getDevice(sqlite, id);
}

/** Makes sure a device exists and is approved (the owner's own computer, a recovery reset). */
export function ensureApproved(
  sqlite: SqliteHandle,
  o: { id: string; userId: string; label: string; at: string },
): DeviceView {
  const before = getDevice(sqlite, o.id);
  if (before?.status === 'approved') return before;
  recordDeviceSeen(sqlite, o);
  const after = approveDevice(sqlite, o.id, o.userId, o.at);
  if (!after) throw new Error('device row missing after approval');
  return after;
}

/** Revokes a device. Null when it does not exist. */
export function revokeDevice(
  sqlite: SqliteHandle,
  id: string,
  by: string,
  at: string,
): DeviceView | null {
  sqlite.prepare('UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(at, by, id);
  return getDevice(sqlite, id);
}

/** Renames a device. Null when it does not exist. */
export function renameDevice(sqlite: SqliteHandle, id: string, label: string): DeviceView | null {
  sqlite.prepare('UPDATE devices SET label = ? WHERE id = ?').run(defaultLabel(label), id);
  return getDevice(sqlite, id);
}
