/**
 * A head's laptop approves a device of its team (docs/SYNC.md, "Heads approve devices of their
 * team"). The server decides what a head may do (src-server/heads.ts); this side only ever wraps
 * partitions the head holds: the manager's own partition when the head holds it (a second laptop of
 * a manager of the team), or a new one for a manager the office does not know yet — wrapped to the
 * manager's device (push), to this head (read) and to the owner device whose invitation this
 * laptop joined with. That owner device is found by the box key the enrolment code carried, never
 * by the server's word alone: without it (a laptop that joined with a request text) a head
 * approves only managers whose partition it holds. The device's audit partition is made here too,
 * wrapped to that owner device and the device only (./head-audit.ts).
 */
import type { Kysely } from 'kysely';
import type { DeviceStatement } from '../../src-shared/office/contracts';
import type { Database } from '../vault/schema';
import { OfficeCallError } from './client';
import { postApproval, type JoinRequest } from './enrol';
import { makeAuditPartitionAsHead } from './head-audit';
import { createOwnerPartition, grantHeld, heldPartitionOf } from './partition-grants';
import type { OfficeSession } from './session';
import type { OfficeSettings } from './store';

/** Who the office takes this device for (`GET /v1/me`). */
export interface OfficeSelf {
  deviceId: string;
  userId: string;
  role: DeviceStatement['role'];
  teamId: string | null;
  /** The office's active owner devices and their box keys (as the server lists them). */
  owners: { deviceId: string; boxKey: string }[];
}

/** This device as the office knows it. */
export function officeSelf(session: OfficeSession): Promise<OfficeSelf> {
  return session.get<OfficeSelf>('/v1/me');
}

/**
 * As a head's device: approves `request` as a manager of the head's team (anything else is refused
 * here, and by the server) and wraps the manager's partition as the file comment says. Answers how
 * many partition keys were wrapped.
 */
export async function approveAsHead(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
  o: {
    self: OfficeSelf;
    request: JoinRequest;
    role: DeviceStatement['role'];
    teamId: string | null;
  },
): Promise<{ partitions: number }> {
  const team = o.self.teamId;
  if (o.self.role !== 'head' || team === null || o.role !== 'manager' || o.teamId !== team) {
    throw new OfficeCallError(403, 'forbidden', 'A head approves only managers of their team.');
  }
  const held = await heldPartitionOf(db, o.request.userId);
  const owners = o.self.owners.filter(owner => owner.boxKey === settings.inviter_box_key);
  if (!held && owners.length === 0) {
    throw new OfficeCallError(
      409,
      'no_owner_key',
      'This laptop cannot wrap a new partition to the owner device: ask the owner to approve.',
    );
  }
  const device = await postApproval(db, session, settings, { ...o, teamId: team });
  const to = { deviceId: device.deviceId, boxKey: device.boxKey };
  // Its audit partition now, so its first round pushes its audit entries (./head-audit.ts).
  await makeAuditPartitionAsHead(session, to, owners);
  if (held) {
    await grantHeld(db, session, { partitionId: held.partition_id, mayPush: true, ...to });
    return { partitions: 1 };
  }
  const recipients = [
    { deviceId: settings.device_id, boxKey: settings.box_public, mayPush: false },
    { ...to, mayPush: true },
    ...owners.map(owner => ({ ...owner, mayPush: true })),
  ];
  await createOwnerPartition(db, session, {
    ownerUserId: device.userId,
    recipients,
    mayPush: false,
  });
  return { partitions: recipients.length };
}
