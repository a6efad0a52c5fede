/**
 * The outbox and the apply code on real vault files, with the server's ordering in memory: a
 * record change and its sealed outbox entry commit together; changes reach the other laptop;
 * field-level last writer wins by server order; a stale stage change is a conflict on both
 * laptops; deletes win over edits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { dealInputSchema } from '../../src-shared/deals/schema';
import { createUser } from '../auth/accounts';
import { createContact, deleteContact, updateContact } from '../crm/contacts/repository';
import { createDeal, moveDeal } from '../crm/deals/repository';
import type { Viewer } from '../crm/record';
import { createTestVault } from '../vault/temp-vault.test-support';
import {
  MemoryOffice,
  createTestLaptop,
  holdPartition,
  newPartition,
  type TestLaptop,
} from './sync.test-support';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const vault of open.splice(0)) vault.close();
});

/** The owner's laptop and a manager's, both holding the manager's partition. */
async function office() {
  const owner = await createTestLaptop('owner');
  const anna = await createTestLaptop('anna', 'north');
  open.push(owner.vault, anna.vault);
  const annas = newPartition(anna.userId);
  await holdPartition(owner, annas);
  await holdPartition(anna, annas);
  return { owner, anna, server: new MemoryOffice() };
}

const everything = (laptop: TestLaptop): Viewer => ({
  userId: laptop.userId,
  teamId: null,
  scope: 'all',
});

async function addContact(laptop: TestLaptop, surname = 'Шевченко') {
  const input = contactInputSchema.parse({ surname, givenName: 'Олена' });
  return (await createContact(laptop.vault.db, { userId: laptop.userId }, input)).after;
}

async function contactRow(laptop: TestLaptop, id: string) {
  return laptop.vault.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

describe('office sync: outbox and apply', () => {
  it('writes a sealed change in the same transaction as the record, and none when not joined', async () => {
    const { anna } = await office();
    const contact = await addContact(anna, 'Канарейченко');
    const outbox = await anna.vault.db.selectFrom('sync_outbox').selectAll().execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ record_table: 'contacts', record_id: contact.id, seq: null });
    expect(Buffer.from(outbox[0]?.sealed ?? '', 'base64').toString('latin1')).not.toContain(
      'Канарейченко',
    );
    // A failed write (a link to a company that does not exist) leaves no outbox entry either.
    const bad = contactInputSchema.parse({ surname: 'Х', givenName: 'Y', companyId: 'nope' });
    await expect(createContact(anna.vault.db, { userId: anna.userId }, bad)).rejects.toThrow();
    expect(await anna.vault.db.selectFrom('sync_outbox').selectAll().execute()).toHaveLength(1);

    const solo = await createTestVault();
    open.push(solo.vault);
    const owner = await createUser(solo.vault.db, {
      login: 'solo',
      displayName: 'S',
      role: 'owner',
    });
    const input = contactInputSchema.parse({ surname: 'Сам', givenName: 'Один' });
    await createContact(solo.vault.db, { userId: owner.id }, input);
    expect(await solo.vault.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([]);
  });

  it("brings A's new contact, edits and delete to the owner; a repeated pull changes nothing", async () => {
    const { owner, anna, server } = await office();
    const contact = await addContact(anna);
    await server.sync(anna, owner);
    const received = await contactRow(owner, contact.id);
    expect(received).toMatchObject({ surname: 'Шевченко', owner_id: anna.userId });
    const placeholder = await owner.vault.db
      .selectFrom('users')
      .select(['display_name', 'team_id'])
      .where('id', '=', anna.userId)
      .executeTakeFirstOrThrow();
    expect(placeholder).toEqual({ display_name: 'anna', team_id: 'north' });
    // A's own change came back: the outbox is empty, the cursor moved.
    await server.pull(anna);
    expect(await anna.vault.db.selectFrom('sync_outbox').selectAll().execute()).toEqual([]);

    await updateContact(
      anna.vault.db,
      everything(anna),
      contact.id,
      { surname: 'Коваль' },
      contact.updatedAt,
    );
    await deleteContact(anna.vault.db, everything(anna), contact.id);
    await server.sync(anna, owner);
    expect(await contactRow(owner, contact.id)).toMatchObject({
      surname: 'Коваль',
      deleted_by: anna.userId,
    });
    expect(await contactRow(owner, contact.id)).toEqual(await contactRow(anna, contact.id));
    const before = await contactRow(owner, contact.id);
    await server.pull(owner);
    expect(await contactRow(owner, contact.id)).toEqual(before);
  });

  it('merges edits of different fields and resolves the same field by server order on both', async () => {
    const { owner, anna, server } = await office();
    const contact = await addContact(anna);
    await server.sync(anna, owner);
    const onOwner = await contactRow(owner, contact.id);
    await updateContact(
      anna.vault.db,
      everything(anna),
      contact.id,
      { surname: 'Анина' },
      contact.updatedAt,
    );
    await updateContact(
      owner.vault.db,
      everything(owner),
      contact.id,
      { givenName: 'Ольга', surname: 'Власникова' },
      onOwner?.updated_at ?? '',
    );
    // A pushes first, the owner second: the owner's surname is later in server order.
    await server.push(anna);
    await server.push(owner);
    await server.pull(anna);
    await server.pull(owner);
    for (const laptop of [anna, owner]) {
      expect(await contactRow(laptop, contact.id)).toMatchObject({
        surname: 'Власникова',
        given_name: 'Ольга',
      });
    }
    expect(await contactRow(anna, contact.id)).toEqual(await contactRow(owner, contact.id));
  });

  it('turns a concurrent stage change into a visible conflict on both laptops, same value kept', async () => {
    const { owner, anna, server } = await office();
    const input = dealInputSchema.parse({ title: 'Поставка', amountMinor: 1000 });
    const links = { contacts: everything(anna), companies: everything(anna) };
    const deal = (await createDeal(anna.vault.db, { userId: anna.userId }, links, input)).after;
    await server.sync(anna, owner);
    const ownerDeal = await owner.vault.db
      .selectFrom('deals')
      .selectAll()
      .where('id', '=', deal.id)
      .executeTakeFirstOrThrow();
    await moveDeal(anna.vault.db, everything(anna), deal.id, {
      stageId: 'stage-proposal',
      expectedUpdatedAt: deal.updatedAt,
    });
    await moveDeal(owner.vault.db, everything(owner), deal.id, {
      stageId: 'stage-won',
      expectedUpdatedAt: ownerDeal.updated_at,
    });
    await server.push(anna);
    await server.push(owner);
    expect(await server.pull(anna)).toBe(1);
    expect(await server.pull(owner)).toBe(1);
    for (const laptop of [anna, owner]) {
      const row = await laptop.vault.db
        .selectFrom('deals')
        .select('stage_id')
        .where('id', '=', deal.id)
        .executeTakeFirstOrThrow();
      expect(row.stage_id).toBe('stage-proposal');
      const conflicts = await laptop.vault.db.selectFrom('sync_conflicts').selectAll().execute();
      expect(conflicts).toEqual([
        expect.objectContaining({
          record_id: deal.id,
          field: 'stage_id',
          base_value: '"stage-new"',
          kept_value: '"stage-proposal"',
          offered_value: '"stage-won"',
          device_id: owner.deviceId,
          resolved_at: null,
        }),
      ]);
    }
  });

  it('lets a delete win over a concurrent edit, whichever reaches the server first', async () => {
    const { owner, anna, server } = await office();
    for (const editorFirst of [true, false]) {
      const contact = await addContact(anna);
      await server.sync(anna, owner);
      const onOwner = await contactRow(owner, contact.id);
      await deleteContact(owner.vault.db, everything(owner), contact.id);
      await updateContact(
        anna.vault.db,
        everything(anna),
        contact.id,
        { notes: 'edit' },
        contact.updatedAt,
      );
      const order = editorFirst ? [anna, owner] : [owner, anna];
      for (const laptop of order) await server.push(laptop);
      for (const laptop of order) await server.pull(laptop);
      for (const laptop of [anna, owner]) {
        expect((await contactRow(laptop, contact.id))?.deleted_at).not.toBeNull();
      }
      expect(onOwner?.deleted_at).toBeNull();
    }
  });
});
