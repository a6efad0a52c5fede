/**
 * Key rotation from an owner laptop, and dismissal. Rotation makes the next key version of a
 * partition, wraps it to every trusted active device that may still read it (./devices.ts) and
 * sends the envelopes; the server drops the partition from every device left out. Changes sealed
 * after that are unreadable with the old key. Dismissal asks the server to refuse the user's
 * devices at once, then rotates every partition they could read that this laptop holds.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../vault/schema';
import { auditPartitionId } from '../../src-shared/office/audit';
import { wrapPartitionKey } from './crypto';
import { resealStale } from './outbox';
import { listOfficeDevices, trustedDevices, type OfficeDevice } from './devices';
import { OfficeSession } from './session';
import { loadOfficeSettings, NotJoinedError, savePartitionKey, type OfficeSettings } from './store';

/** What a rotation did: the new version and the devices it was wrapped to. */
export interface RotationResult {
  partitionId: string;
  keyVersion: number;
  devices: number;
}

/** Rotates one partition this laptop holds (see the file comment). */
export async function rotatePartitionKey(
  db: Kysely<Database>,
  session: OfficeSession,
  settings: OfficeSettings,
  partitionId: string,
  devices: readonly OfficeDevice[],
): Promise<RotationResult> {
  const held = await db
    .selectFrom('office_partitions')
    .select('key_version')
    .where('partition_id', '=', partitionId)
    .executeTakeFirstOrThrow();
  const keyVersion = held.key_version + 1;
  const key = randomBytes(32);
  const recipients = [...trustedDevices(settings, devices).values()].filter(d =>
    d.partitions.includes(partitionId),
  );
  await session.post('/v1/partitions/rotate', {
    partitionId,
    keyVersion,
    envelopes: recipients.map(d => ({
      deviceId: d.deviceId,
      wrapped: wrapPartitionKey(key, d.boxKey, { partitionId, keyVersion }),
    })),
  });
  await db.transaction().execute(async trx => {
    await savePartitionKey(trx, partitionId, keyVersion, key);
    await trx
      .updateTable('office_partitions')
      .set({ key_version: keyVersion })
      .where('partition_id', '=', partitionId)
      .execute();
    await resealStale(trx);
  });
  return { partitionId, keyVersion, devices: recipients.length };
}

/** What a dismissal did (ids and counts only). */
export interface DismissalResult {
  revokedDevices: number;
  rotated: RotationResult[];
  /** Partitions the user could read that this laptop does not hold (not rotated from here). */
  notRotated: string[];
}

/**
 * As an owner device: the server refuses `userId`'s devices from now on (and forgets their ACL
 * rows and envelopes), then every partition they could read that this laptop holds gets a new key
 * wrapped to the devices that keep it.
 */
export async function dismissFromOffice(
  db: Kysely<Database>,
  userId: string,
): Promise<DismissalResult> {
  const settings = await loadOfficeSettings(db);
  if (!settings) throw new NotJoinedError();
  const session = await OfficeSession.signIn(settings);
  const dismissed = await session.post<{ revokedDevices: string[]; partitions: string[] }>(
    '/v1/users/dismiss',
    { userId },
  );
  const devices = await listOfficeDevices(session);
  const rotated: RotationResult[] = [];
  const notRotated: string[] = [];
  for (const partitionId of partitionsToRotate(dismissed)) {
    const held = await partitionKeyHeld(db, partitionId);
    if (!held) {
      notRotated.push(partitionId);
      continue;
    }
    rotated.push(await rotatePartitionKey(db, session, settings, partitionId, devices));
  }
  return { revokedDevices: dismissed.revokedDevices.length, rotated, notRotated };
}

/**
 * The partitions a dismissal rotates, of those the server says the user could read: all but the
 * removed devices' own audit partitions (nobody writes them any more, nothing new to protect).
 */
export function partitionsToRotate(dismissed: {
  revokedDevices: string[];
  partitions: string[];
}): string[] {
  const own = new Set(dismissed.revokedDevices.map(auditPartitionId));
  return dismissed.partitions.filter(partitionId => !own.has(partitionId));
}

async function partitionKeyHeld(db: Kysely<Database>, partitionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('office_partitions')
    .select('partition_id')
    .where('partition_id', '=', partitionId)
    .executeTakeFirst();
  return row !== undefined;
}
