/**
 * Joining with an owner's enrolment code, from the office sync panel (docs/SYNC.md, "Joining").
 * An owner device asks the server for a one-use invitation and hands the colleague a code carrying
 * it, the certificate fingerprint and its own X25519 key. The colleague's laptop makes its device
 * keys, sends the join request (its user's display name sealed to that key, signed by the new
 * device key) and keeps the membership as `pending` only once the server took the request. Owner
 * devices list the waiting requests (names opened here), approve one (`approveJoin`: statement
 * signed, partition keys wrapped to the new device) or refuse it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inviteCodeText, parseOfficeCode, type OfficeCode } from '../../src-shared/office/codes';
import {
  joinStatement,
  type InviteResponse,
  type PendingJoin,
} from '../../src-shared/office/joins';
import type { Database } from '../vault/schema';
import { OfficeCallError, officeCall, type OfficeEndpoint } from './client';
import {
  generateDeviceKeys,
  signText,
  unwrapPartitionKey,
  wrapPartitionKey,
  SealError,
} from './crypto';
import {
  AlreadyJoinedError,
  approveJoin,
  enrolOwner,
  officeIdOf,
  saveSettings,
  type OfficeRole,
} from './enrol';
import { approveAsHead, officeSelf } from './head-approve';
import { OFFICE_ROLES } from '../../src-shared/office/contracts';
import { OfficeSession } from './session';
import { loadOfficeSettings, type OfficeSettings } from './store';

/** What the sealed display name is bound to (never a partition id: those are uuids). */
const nameBinding = (deviceId: string) => ({ partitionId: `join/${deviceId}`, keyVersion: 1 });

/** A code that is neither the server's enrolment code nor an owner's invitation. */
export class BadCodeError extends Error {
  constructor() {
    super('This is not an enrolment code.');
    this.name = 'BadCodeError';
  }
}

/** Parses an enrolment code or throws `BadCodeError`. */
export function officeCodeOf(text: string): OfficeCode {
  const code = parseOfficeCode(text);
  if (!code) throw new BadCodeError();
  return code;
}

/** How a join from the panel ended: the first owner device is active, anyone else waits. */
export interface JoinOutcome {
  state: 'active' | 'pending';
  deviceId: string;
  officeId: string;
  queued: number;
}

/**
 * Joins the office at `server` with `codeText`: the server's one-time code enrols the first owner
 * device; an owner's invitation sends a join request and leaves this laptop waiting for approval.
 */
export async function joinWithCode(
  db: Kysely<Database>,
  o: { server: string; codeText: string; userId: string; name: string },
): Promise<JoinOutcome> {
  if (await loadOfficeSettings(db)) throw new AlreadyJoinedError();
  const code = officeCodeOf(o.codeText);
  const endpoint: OfficeEndpoint = { url: o.server, fingerprint: code.fingerprint };
  if (code.kind === 'owner') {
    const done = await enrolOwner(db, { endpoint, code: code.code, userId: o.userId });
    return { state: 'active', ...done };
  }
  const officeId = await officeIdOf(endpoint);
  const keys = generateDeviceKeys();
  const deviceId = randomUUID();
  const boxKey = Buffer.from(code.boxKey, 'base64url').toString('base64');
  const signed = {
    invite: code.invite,
    deviceId,
    userId: o.userId,
    signKey: keys.signPublic,
    boxKey: keys.boxPublic,
    sealedName: wrapPartitionKey(Buffer.from(o.name, 'utf8'), boxKey, nameBinding(deviceId)),
  };
  await officeCall(endpoint, 'POST', '/v1/join', {
    ...signed,
    signature: signText(keys.signPrivate, joinStatement(officeId, signed)),
  });
  await saveSettings(
    db,
    { endpoint, officeId, deviceId, userId: o.userId, inviterBoxKey: boxKey },
    keys,
    'manager',
    'pending',
  );
  return { state: 'pending', deviceId, officeId, queued: 0 };
}

async function ownerSession(db: Kysely<Database>): Promise<[OfficeSettings, OfficeSession]> {
  const settings = await loadOfficeSettings(db);
  if (!settings) throw new OfficeCallError(0, 'not_joined', 'This vault has not joined an office.');
  return [settings, await OfficeSession.signIn(settings)];
}

/** As an owner device (or a head's, for its team): a new invitation, as the code to hand. */
export async function createInviteCode(
  db: Kysely<Database>,
): Promise<{ code: string; expiresAt: string }> {
  const [settings, session] = await ownerSession(db);
  const answer = await session.post<InviteResponse>('/v1/invites', {});
  return {
    code: inviteCodeText({
      invite: answer.invite,
      boxKey: settings.box_public,
      fingerprint: settings.fingerprint,
    }),
    expiresAt: new Date(answer.expiresAt).toISOString(),
  };
}

/**
 * A waiting join request with its display name opened (null: sealed to another device and not a
 * colleague this vault knows) and the roles this device may give it.
 */
export interface WaitingDevice extends PendingJoin {
  name: string | null;
  roles: OfficeRole[];
  /** This device approves as the head of `teamId` (a manager of that team only). */
  asHead: boolean;
}

/** The roles a device of `role` may give: a head only manager (of its team), an owner the rest. */
function rolesFor(role: OfficeRole): OfficeRole[] {
  if (role === 'head') return ['manager'];
  return role === 'owner' ? OFFICE_ROLES.filter(r => r !== 'owner') : [];
}

/**
 * As an owner device: the join requests waiting for approval; as a head's device: its team's
 * (the server filters). A request bound to no team is given the head's team for a head.
 */
export async function listWaitingDevices(db: Kysely<Database>): Promise<WaitingDevice[]> {
  const [settings, session] = await ownerSession(db);
  const self = await officeSelf(session);
  const { joins } = await session.get<{ joins: PendingJoin[] }>('/v1/joins');
  if (joins.length === 0) return [];
  const known = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where(
      'id',
      'in',
      joins.map(j => j.userId),
    )
    .execute();
  const roles = rolesFor(self.role);
  return joins.map(join => ({
    ...join,
    teamId: self.role === 'head' ? self.teamId : join.teamId,
    name: openName(settings, join) ?? known.find(u => u.id === join.userId)?.display_name ?? null,
    roles,
    asHead: self.role === 'head',
  }));
}

function openName(settings: OfficeSettings, join: PendingJoin): string | null {
  if (join.invitedBy !== settings.device_id) return null;
  try {
    const name = unwrapPartitionKey(
      join.sealedName,
      Buffer.from(settings.box_private),
      settings.box_public,
      nameBinding(join.deviceId),
    );
    return name.toString('utf8');
  } catch (error) {
    if (error instanceof SealError) return null;
    throw error;
  }
}

/**
 * As an owner device: approves a waiting device with `role` and `teamId` (see `approveJoin`); as a
 * head's device: as a manager of its team (`approveAsHead`, ./head-approve.ts).
 */
export async function approveWaiting(
  db: Kysely<Database>,
  o: { deviceId: string; role: OfficeRole; teamId: string | null },
): Promise<{ userId: string; partitions: number }> {
  const [settings, session] = await ownerSession(db);
  const self = await officeSelf(session);
  const waiting = (await listWaitingDevices(db)).find(join => join.deviceId === o.deviceId);
  if (!waiting) throw new OfficeCallError(404, 'not_found', 'No such device is waiting.');
  const request = {
    deviceId: waiting.deviceId,
    userId: waiting.userId,
    signKey: waiting.signKey,
    boxKey: waiting.boxKey,
    name: waiting.name ?? `office-${waiting.userId}`.slice(0, 200),
  };
  const done =
    self.role === 'head'
      ? await approveAsHead(db, session, settings, {
          self,
          request,
          role: o.role,
          teamId: o.teamId ?? self.teamId,
        })
      : await approveJoin(db, { request, role: o.role, teamId: o.teamId });
  return { userId: waiting.userId, partitions: done.partitions };
}

/** As an owner device (a head's: of its team): refuses a waiting device (it may ask again). */
export async function refuseWaiting(db: Kysely<Database>, deviceId: string): Promise<void> {
  const [, session] = await ownerSession(db);
  await session.post('/v1/joins/refuse', { deviceId });
}
