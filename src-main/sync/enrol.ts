/**
 * Joining an office. The first owner device enrols with the one-time code `zamok office serve`
 * printed; it then creates its user's partition and holds its key. Any other laptop asks to join
 * (new device keys, kept in the vault; a join request text carrying only ids and public keys) and
 * an owner device approves the request: it signs the device statement with the role and team it
 * chooses, creates the user's partition when there is none, and wraps the partition key to the
 * new device (and, for a head, the keys of their team's partitions this owner laptop holds).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  OFFICE_ROLES,
  deviceStatementSchema,
  type DeviceStatement,
} from '../../src-shared/office/contracts';
import { deviceStatement } from '../../src-shared/office/statements';
import type { Database } from '../vault/schema';
import { OfficeCallError, checkEndpoint, officeCall, type OfficeEndpoint } from './client';
import { generateDeviceKeys, signText, type DeviceKeys } from './crypto';
import { recordToOutbox } from './outbox';
import { queueExistingDocuments } from './documents-out';
import { OfficeSession } from './session';
import { loadOfficeSettings, type OfficeSettings } from './store';
import { createOwnerPartition, grantHeld, heldPartitionOf, type Grant } from './partition-grants';
import { SYNCED_TABLES } from './change-format';
import { listOfficeDevices, teamHeads } from './devices';
import { shareAuditPartitions } from './audit-partition';
import { ensureTeam } from '../teams/teams';

/** The office role of a device. */
export type OfficeRole = DeviceStatement['role'];

/** What a laptop hands the owner to be approved: ids and public keys only. */
export const joinRequestSchema = deviceStatementSchema
  .omit({ role: true, teamId: true })
  .extend({ name: z.string().min(1).max(200) })
  .strict();
/** A join request. */
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** The vault already belongs to an office. */
export class AlreadyJoinedError extends Error {
  constructor() {
    super('This vault already belongs to an office.');
    this.name = 'AlreadyJoinedError';
  }
}

/** The office id the server at `endpoint` names (its health answer). */
export async function officeIdOf(endpoint: OfficeEndpoint): Promise<string> {
  checkEndpoint(endpoint);
  const health = await officeCall<{ officeId?: string }>(endpoint, 'GET', '/v1/health');
  if (typeof health.officeId !== 'string') {
    throw new OfficeCallError(0, 'bad_answer', 'The server did not name its office.');
  }
  return health.officeId;
}

/** Saves this vault's office membership (once: `AlreadyJoinedError` after). */
export async function saveSettings(
  db: Kysely<Database>,
  o: {
    endpoint: OfficeEndpoint;
    officeId: string;
    deviceId: string;
    userId: string;
    inviterBoxKey?: string;
  },
  keys: DeviceKeys,
  role: OfficeRole,
  status: 'pending' | 'active',
): Promise<void> {
  if (await loadOfficeSettings(db)) throw new AlreadyJoinedError();
  await db
    .insertInto('office_settings')
    .values({
      id: 1,
      server_url: o.endpoint.url,
      fingerprint: o.endpoint.fingerprint,
      office_id: o.officeId,
      device_id: o.deviceId,
      user_id: o.userId,
      role,
      team_id: null,
      sign_private: keys.signPrivate,
      box_private: keys.boxPrivate,
      sign_public: keys.signPublic,
      box_public: keys.boxPublic,
      status,
      created_at: new Date().toISOString(),
      last_sync_at: null,
      last_error: null,
      inviter_box_key: o.inviterBoxKey ?? null,
    })
    .execute();
}

/** Creates an owner partition for `ownerUserId` with a fresh key, held by this owner device. */
async function createHeldPartition(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
  ownerUserId: string,
): Promise<{ partitionId: string; key: Buffer }> {
  const self = { deviceId: settings.device_id, boxKey: settings.box_public, mayPush: true };
  return createOwnerPartition(db, session, { ownerUserId, recipients: [self], mayPush: true });
}

/**
 * Puts the records `userId` already owns into the outbox (the first sync uploads them) and marks
 * the membership active, in one transaction: a round killed half-way queues nothing twice.
 */
export async function queueExistingRecords(db: Kysely<Database>, userId: string): Promise<number> {
  return db.transaction().execute(async trx => {
    let queued = 0;
    for (const table of SYNCED_TABLES) {
      const rows = await trx
        .selectFrom(table)
        .select('id')
        .where('owner_id', '=', userId)
        .execute();
      for (const row of rows) await recordToOutbox(trx, table, row.id, null);
      queued += rows.length;
    }
    // Their documents too: content as sealed chunks on the next round (./documents-out.ts).
    await queueExistingDocuments(trx, userId);
    await trx.updateTable('office_settings').set({ status: 'active' }).execute();
    return queued;
  });
}

/**
 * Enrols this vault's user as the office's first owner device with the one-time `code`; creates
 * the owner's partition and queues the owner's existing records for the first sync.
 */
export async function enrolOwner(
  db: Kysely<Database>,
  o: { endpoint: OfficeEndpoint; code: string; userId: string },
): Promise<{ deviceId: string; officeId: string; queued: number }> {
  if (await loadOfficeSettings(db)) throw new AlreadyJoinedError();
  const officeId = await officeIdOf(o.endpoint);
  const keys = generateDeviceKeys();
  const deviceId = randomUUID();
  const device: DeviceStatement = {
    deviceId,
    userId: o.userId,
    role: 'owner',
    teamId: null,
    signKey: keys.signPublic,
    boxKey: keys.boxPublic,
  };
  await officeCall(o.endpoint, 'POST', '/v1/enrol', {
    code: o.code,
    device,
    signature: signText(keys.signPrivate, deviceStatement('enrol', officeId, device)),
  });
  await saveSettings(db, { ...o, officeId, deviceId }, keys, 'owner', 'active');
  const settings = await loadOfficeSettings(db);
  if (!settings) throw new Error('office settings were not saved');
  const session = await OfficeSession.signIn(settings);
  await createHeldPartition(db, session, settings, o.userId);
  return { deviceId, officeId, queued: await queueExistingRecords(db, o.userId) };
}

/** Makes this laptop's device keys and answers the join request for the owner to approve. */
export async function requestToJoin(
  db: Kysely<Database>,
  o: { endpoint: OfficeEndpoint; userId: string; name: string },
): Promise<string> {
  const officeId = await officeIdOf(o.endpoint);
  const keys = generateDeviceKeys();
  const deviceId = randomUUID();
  await saveSettings(db, { ...o, officeId, deviceId }, keys, 'manager', 'pending');
  const request: JoinRequest = {
    deviceId,
    userId: o.userId,
    signKey: keys.signPublic,
    boxKey: keys.boxPublic,
    name: o.name,
  };
  return Buffer.from(JSON.stringify(request), 'utf8').toString('base64url');
}

/** Parses a join request text (`invalid` when it is not one). */
export function parseJoinRequest(text: string): JoinRequest | null {
  try {
    const parsed = joinRequestSchema.safeParse(
      JSON.parse(Buffer.from(text.trim(), 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The roles an approval may give. */
export const APPROVABLE_ROLES = OFFICE_ROLES;

/**
 * As an owner device: approves a join request with `role` and `teamId`, creates the user's
 * partition (when this laptop holds none for them) and grants it to the device (push), and for a
 * head every partition of a user of the same team this laptop holds (read). A member of a team
 * whose head was approved first has their partition granted to that head's devices (read) too.
 */
export async function approveJoin(
  db: Kysely<Database>,
  o: { request: JoinRequest; role: OfficeRole; teamId: string | null },
): Promise<{ partitions: number }> {
  const settings = await loadOfficeSettings(db);
  if (!settings) throw new OfficeCallError(0, 'not_joined', 'This vault has not joined an office.');
  const session = await OfficeSession.signIn(settings);
  const device = await postApproval(db, session, settings, o);
  const grants: Grant[] = [];
  const to = { deviceId: device.deviceId, boxKey: device.boxKey };
  const own = await heldPartitionOf(db, device.userId);
  const ownPartition =
    own?.partition_id ??
    (await createHeldPartition(db, session, settings, device.userId)).partitionId;
  grants.push({ partitionId: ownPartition, mayPush: true, ...to });
  // Heads of the team approved earlier read the new member's partition too.
  if (o.role !== 'head' && o.teamId) {
    for (const head of teamHeads(settings, await listOfficeDevices(session), o.teamId)) {
      if (head.userId === device.userId) continue;
      grants.push({ partitionId: ownPartition, mayPush: false, ...head });
    }
  }
  if (o.role === 'head' && o.teamId) {
    const team = await db
      .selectFrom('office_partitions as p')
      .innerJoin('users as u', 'u.id', 'p.owner_user_id')
      .select('p.partition_id')
      .where('p.kind', '=', 'owner')
      .where('u.team_id', '=', o.teamId)
      .where('u.id', '!=', device.userId)
      .execute();
    for (const p of team) grants.push({ partitionId: p.partition_id, mayPush: false, ...to });
  }
  for (const grant of grants) await grantHeld(db, session, grant);
  await auditPartitionsNow(db, session, settings);
  return { partitions: grants.length };
}

/**
 * The approved device's audit partition (and a new reader's grants) at once, so its very first
 * round pushes its audit entries (./audit-partition.ts). The approval stands if the office cannot
 * be reached for this step: this laptop's next round does the same.
 */
async function auditPartitionsNow(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
): Promise<void> {
  try {
    await shareAuditPartitions(db, session, settings);
  } catch (error) {
    if (!(error instanceof OfficeCallError)) throw error;
  }
}

/**
 * Approves the device of `request` with `role` and `teamId` at the office (the statement signed by
 * this laptop's device key) and remembers its user here; answers the signed statement.
 */
export async function postApproval(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
  o: { request: JoinRequest; role: OfficeRole; teamId: string | null },
): Promise<DeviceStatement> {
  const device: DeviceStatement = {
    deviceId: o.request.deviceId,
    userId: o.request.userId,
    role: o.role,
    teamId: o.teamId,
    signKey: o.request.signKey,
    boxKey: o.request.boxKey,
  };
  await session.post('/v1/devices/approve', {
    device,
    signature: signText(
      Buffer.from(settings.sign_private),
      deviceStatement('approve', settings.office_id, device),
    ),
  });
  await rememberColleague(db, device, o.request.name);
  return device;
}

/** The approved colleague is known on this laptop from now on (their records name them). */
export async function rememberColleague(
  db: Kysely<Database>,
  device: DeviceStatement,
  name: string,
): Promise<void> {
  if (device.teamId) await ensureTeam(db, device.teamId, new Date().toISOString());
  await db
    .insertInto('users')
    .values({
      id: device.userId,
      login: `office-${device.userId}`,
      display_name: name,
      role: device.role,
      team_id: device.teamId,
      status: 'active',
      created_at: new Date().toISOString(),
      totp_enabled: 0,
      must_change_password: 0,
    })
    .onConflict(oc => oc.column('id').doUpdateSet({ team_id: device.teamId }))
    .execute();
}
