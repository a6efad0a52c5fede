/**
 * Approval order (issue 16 point 6): a head approved before a manager of their team still gets
 * that manager's partition — the owner laptop wraps the new partition's key to the head's devices
 * it trusts when it approves the manager — and a head of another team does not.
 */
import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact } from '../crm/contacts/repository';
import {
  clientsOf,
  enrolledOwner,
  joinedLaptop,
  officeTestBed,
  startOffice,
} from './office.test-support';
import { syncNow } from './worker';

const { engines, opened } = await officeTestBed();

describe.each(engines.map(e => [e.name, e] as const))('approval order on %s', (_name, engine) => {
  it('gives a head approved first the partition of a manager approved later', async () => {
    const office = await startOffice(engine.create().storage);
    try {
      const owner = await enrolledOwner(office);
      const head = await joinedLaptop(office, owner, 'head', 'head', 'north');
      const otherHead = await joinedLaptop(office, owner, 'south-head', 'head', 'south');
      const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
      opened.push(owner, head, otherHead, a);
      for (let i = 0; i < 4; i += 1) {
        const input = contactInputSchema.parse({
          surname: `Клієнтка`,
          givenName: `Анна${'ABCD'[i]}`,
        });
        await createContact(a.db, { userId: a.userId }, input);
      }
      for (const laptop of [a, owner, head, otherHead]) await syncNow(laptop.db);
      expect(await clientsOf(head, a.userId)).toBe(4);
      expect(await clientsOf(otherHead, a.userId)).toBe(0);
      expect(await clientsOf(owner, a.userId)).toBe(4);
    } finally {
      await office.close();
    }
  });
});
