/**
 * Moves between partitions (issue 16): the owner reassigns a client of manager A to manager B;
 * after one round each, A's vault no longer holds the client (its row, search rows, document rows
 * and file, sync field copies), B has it whole, and the head of their team and the owner keep it
 * under the new owner. A partition taken away from a device drops its records there too.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact } from '../crm/contacts/repository';
import { reassignContact } from '../crm/contacts/ownership';
import { documentPath } from '../crm/documents/files';
import { vaultPaths } from '../vault';
import {
  enrolledOwner,
  joinedLaptop,
  type Laptop,
  officeTestBed,
  startOffice,
} from './office.test-support';
import { syncNow } from './worker';
import { dirname } from 'node:path';

const { engines, opened } = await officeTestBed();

const CANARY = 'Переїзденко';

async function round(...laptops: Laptop[]): Promise<void> {
  for (const laptop of laptops) {
    await syncNow(laptop.db, { attachments: vaultPaths(laptop.dir).attachments });
  }
}

/** What a laptop holds of the client: its row's owner, search hits, sync rows, documents. */
async function holding(laptop: Laptop, id: string) {
  const row = await laptop.db
    .selectFrom('contacts')
    .select('owner_id')
    .where('id', '=', id)
    .executeTakeFirst();
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM search_text_contacts WHERE search_text_contacts MATCH ${`"${CANARY}"`}`.execute(
    laptop.db,
  );
  const fields = await laptop.db
    .selectFrom('sync_fields')
    .select('field')
    .where('record_id', '=', id)
    .execute();
  const documents = await laptop.db
    .selectFrom('documents')
    .select('id')
    .where('record_id', '=', id)
    .execute();
  return {
    owner: row?.owner_id ?? null,
    search: Number(rows[0]?.n ?? 0),
    syncFields: fields.length,
    documents: documents.length,
  };
}

/** A document row (and a file in the attachments folder) on the client, as this vault keeps them. */
async function attachDocument(laptop: Laptop, contactId: string): Promise<string> {
  const id = randomUUID();
  await laptop.db
    .insertInto('documents')
    .values({
      id,
      record_type: 'contact',
      record_id: contactId,
      file_name: `${CANARY}.pdf`,
      owner_id: laptop.userId,
      mime_type: 'application/pdf',
      size: 3,
      sha256: '00'.repeat(32),
      format_version: 1,
      file_key: Buffer.alloc(32, 7),
      created_at: new Date().toISOString(),
    })
    .execute();
  const file = documentPath(vaultPaths(laptop.dir).attachments, id);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, 'abc');
  return file;
}

describe.each(engines.map(e => [e.name, e] as const))('moves on %s', (_name, engine) => {
  it('takes a reassigned client off the old manager’s laptop within one pull', async () => {
    const office = await startOffice(engine.create().storage);
    try {
      const owner = await enrolledOwner(office);
      const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
      const b = await joinedLaptop(office, owner, 'borys', 'manager', 'north');
      const head = await joinedLaptop(office, owner, 'head', 'head', 'north');
      opened.push(owner, a, b, head);
      const input = contactInputSchema.parse({ surname: CANARY, givenName: 'Олена' });
      const { id } = (await createContact(a.db, { userId: a.userId }, input)).after;
      const file = await attachDocument(a, id);
      await round(a, owner, b, head);
      expect(await holding(a, id)).toMatchObject({ owner: a.userId, search: 1, documents: 1 });
      expect((await holding(a, id)).syncFields).toBeGreaterThan(0);
      expect(await holding(b, id)).toMatchObject({ owner: null, search: 0 });

      const viewer = { userId: owner.userId, teamId: null, scope: 'all' as const };
      await reassignContact(owner.db, viewer, id, b.userId);
      await round(owner, a, b, head);

      expect(await holding(a, id)).toEqual({ owner: null, search: 0, syncFields: 0, documents: 0 });
      expect(existsSync(file)).toBe(false);
      expect(await holding(b, id)).toMatchObject({ owner: b.userId, search: 1 });
      expect(await holding(head, id)).toMatchObject({ owner: b.userId, search: 1 });
      expect(await holding(owner, id)).toMatchObject({ owner: b.userId, search: 1 });
      const onB = await b.db
        .selectFrom('contacts')
        .select(['surname', 'given_name'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(onB).toEqual({ surname: CANARY, given_name: 'Олена' });
      // Everything waiting went out and came back: nothing is stuck in an outbox.
      for (const laptop of [owner, a, b, head]) {
        const left = await laptop.db.selectFrom('sync_outbox').select('change_id').execute();
        expect(left).toEqual([]);
      }
    } finally {
      await office.close();
    }
  });
});
