/**
 * Who a contact belongs to: reassign the owner, share with a colleague, stop sharing. All need the
 * contact to be in the caller's `manage` scope (a share does not make you the owner), and the other
 * person to be an active account.
 */
import { type Viewer } from '../record/viewer';
import { nextTime } from '../record/changes';
import type { Database } from '../../vault/schema';
import { RecordError } from '../record/errors';
import type { Kysely } from 'kysely';
import { getContact, readContact, type ContactChange } from './repository';

async function requireActiveUser(
  db: Kysely<Database>,
  userId: string,
  role: 'owner' | 'colleague',
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('status')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user?.status !== 'active') {
    throw new RecordError(
      'invalid_input',
      role === 'owner'
        ? 'The new owner must be an active user.'
        : 'A contact can be shared only with an active user.',
    );
  }
}

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
  return db.transaction().execute(async trx => {
    const before = await getContact(trx, viewer, id, { access: 'manage' });
    await requireActiveUser(trx, newOwnerId, 'owner');
    if (before.ownerId === newOwnerId) return { before, after: before };
    const at = nextTime(now, before.updatedAt);
    await trx
      .updateTable('contacts')
      .set({ owner_id: newOwnerId, updated_at: at, updated_by: viewer.userId })
      .where('id', '=', id)
      .execute();
    await trx
      .deleteFrom('contact_shares')
      .where('contact_id', '=', id)
      .where('user_id', '=', newOwnerId)
      .execute();
    return { before, after: await readContact(trx, id, viewer) };
  });
}

/** Lets an active colleague read and edit the contact. Sharing twice changes nothing. */
export async function shareContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  userId: string,
  now: Date = new Date(),
): Promise<ContactChange> {
  return db.transaction().execute(async trx => {
    const before = await getContact(trx, viewer, id, { access: 'manage' });
    await requireActiveUser(trx, userId, 'colleague');
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
    return { before, after: await readContact(trx, id, viewer) };
  });
}

/** Withdraws a share. Withdrawing one that does not exist changes nothing. */
export async function unshareContact(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  userId: string,
): Promise<ContactChange> {
  return db.transaction().execute(async trx => {
    const before = await getContact(trx, viewer, id, { access: 'manage' });
    await trx
      .deleteFrom('contact_shares')
      .where('contact_id', '=', id)
      .where('user_id', '=', userId)
      .execute();
    return { before, after: await readContact(trx, id, viewer) };
  });
}
