/**
 * The office audit entries this laptop holds (`office_audit`), checked again per device for
 * `zamok audit verify --office`: every entry's hash and payload digest recomputed, each linked to
 * the one before it of the same device, and the problems found on arrival counted. Reads the
 * table in device and seq order, one device at a time.
 */
import type { Kysely } from 'kysely';
import type { OfficeAuditDeviceView } from '../../src-shared/ipc/sync';
import type { Database } from '../vault/schema';
import { entryProblem, type OfficeAuditEntry } from './audit-format';

/** Each device's segment: entries held, entries that do not verify, and the first such one. */
export async function checkOfficeAudit(db: Kysely<Database>): Promise<OfficeAuditDeviceView[]> {
  const devices = await db
    .selectFrom('office_audit')
    .select('device_id')
    .distinct()
    .orderBy('device_id')
    .execute();
  const views: OfficeAuditDeviceView[] = [];
  for (const { device_id: deviceId } of devices) {
    const rows = await db
      .selectFrom('office_audit')
      .selectAll()
      .where('device_id', '=', deviceId)
      .orderBy('seq')
      .execute();
    const view: OfficeAuditDeviceView = {
      deviceId,
      entries: rows.length,
      problems: 0,
      reason: null,
    };
    let previous: { seq: number; hash: string } | null = null;
    for (const row of rows) {
      const entry: OfficeAuditEntry = { ...row, device_id: row.local_device_id };
      const found =
        row.problem ?? entryProblem(entry, previous, previous ? previous.seq + 1 : row.seq);
      if (found) {
        view.problems += 1;
        view.reason ??= found;
      }
      previous = { seq: row.seq, hash: row.hash };
    }
    views.push(view);
  }
  return views;
}
