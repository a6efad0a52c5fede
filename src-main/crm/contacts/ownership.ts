/**
 * Who a contact belongs to: reassign the owner, share with a colleague, stop sharing. All need the
 * contact to be in the caller's `manage` scope (a share does not make you the owner), and the other
 * person to be an active account.
 */
import { type Viewer } from '../record/viewer';
import { changeRecord, nextTime, reassignOwner, requireActiveUser } from '../record/changes';
import type { Database } from '../../vault/schema';
import { RecordError } from '../record/errors';
import type { Kysely } from 'kysely';
import { contactAccess, type ContactChange } from './repository';

/**
 * Gives the contact to another active user. Shares stay as they are; a share with the new owner
 * becomes pointless and is removed. Reassigning to the current owner changes nothing.
 */
export async function reassignContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  newOwnerId: string,
  now: Date = new Date(),
): Promise<ContactChange> {
  const change = { newOwnerId, actorId: viewer.userId, now };
  // A share with the new owner becomes pointless.
  return reassignOwner(db, contactAccess(viewer, id, 'manage'), change, trx =>
    trx
      .deleteFrom('contact_shares')
      .where('contact_id', '=', id)
      .where('user_id', '=', newOwnerId)
      .execute(),
  );
}

/** Lets an active colleague read and edit the contact. Sharing twice changes nothing. */
export async function shareContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  userId: string,
  now: Date = new Date(),
): Promise<ContactChange> {
  return changeRecord(db, contactAccess(viewer, id, 'manage'), async (trx, before) => {
    await requireActiveUser(trx, userId, 'A contact can be shared only with an active user.');
    if (before.ownerId === userId) {
      throw new RecordError('invalid_input', 'The owner already sees this contact.');
    }
    await trx
      .insertInto('contact_shares')
      .values({
        contact_id: id,
        user_id: userId,
        granted_by: viewer.userId,
        granted_at: nextTime(now),
      })
      .onConflict(oc => oc.doNothing())
      .execute();
  });
}

/** Withdraws a share. Withdrawing one that does not exist changes nothing. */
export async function unshareContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  userId: string,
): Promise<ContactChange> {
  return changeRecord(db, contactAccess(viewer, id, 'manage'), async trx => {
    await trx
      .deleteFrom('contact_shares')
      .where('contact_id', '=', id)
      .where('user_id', '=', userId)
      .execute();
  });
}
