/**
 * The activity channels through the router (audit wrapper → session guard → permission → handler) on
 * a real vault: a manager logs a call and a task on their contact, edits and completes the task; the
 * audit log keeps field-level before/after of each change; bad input changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity, TimelinePage } from '../../../src-shared/activities';
import type { Contact } from '../../../src-shared/contacts';
import { activitiesContract } from '../../../src-shared/ipc/activities';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import { listAudit } from '../../audit';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { activitiesHandlers } from './activities';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { contactsHandlers } from './contacts';

afterEach(closeTestVaults);

async function app() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const { call, signInStaff } = composeTestApp({
    vault,
    staff,
    contract: { activities: activitiesContract, contacts: contactsContract },
    handlers: ({ openVault }) => ({
      activities: activitiesHandlers({ openVault }),
      contacts: contactsHandlers({ openVault }),
    }),
  });
  signInStaff('anna');
  return { vault, staff, call };
}

describe('activities channels', () => {
  it('logs, edits and completes; the timeline shows newest first; the audit log keeps the changes', async () => {
    const { vault, call } = await app();
    const contact = value<Contact>(
      await call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Олена' } }),
    );
    const logged = value<Activity>(
      await call('activities.create', {
        activity: { kind: 'call', subject: 'Обговорили договір', contactId: contact.id },
      }),
    );
    const task = value<Activity>(
      await call('activities.create', {
        activity: {
          kind: 'task',
          subject: 'Надіслати рахунок',
          contactId: contact.id,
          dueAt: '2099-01-01T10:00:00.000Z',
          remindAt: '2099-01-01T09:30:00.000Z',
        },
      }),
    );
    const edited = value<Activity>(
      await call('activities.update', {
        id: task.id,
        patch: { dueAt: '2099-01-02T10:00:00.000Z' },
        expectedUpdatedAt: task.updatedAt,
      }),
    );
    value(await call('activities.complete', { id: task.id }));
    const page = value<TimelinePage>(
      await call('activities.timeline', { entityType: 'contact', entityId: contact.id }),
    );
    expect(page.items.map(i => i.subject)).toEqual(['Надіслати рахунок', 'Обговорили договір']);
    expect(page.items[0]?.doneAt).not.toBeNull();

    const { entries } = await listAudit(vault.db, { limit: 20, entityId: task.id });
    const oldestFirst = [...entries].reverse();
    expect(oldestFirst.map(e => [e.action, e.outcome, e.entityType])).toEqual([
      ['activities.create', 'ok', 'activity'],
      ['activities.update', 'ok', 'activity'],
      ['activities.complete', 'ok', 'activity'],
    ]);
    expect(oldestFirst[1]?.changes).toEqual({
      dueAt: { before: task.dueAt, after: edited.dueAt },
    });
    expect(logged.ownerId).toBe(task.ownerId);
  });

  it('refuses bad input with invalid_input and writes nothing', async () => {
    const { vault, call } = await app();
    const contact = value<Contact>(
      await call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Олена' } }),
    );
    const bad = await call('activities.create', {
      activity: { kind: 'task', subject: 'Без терміну', contactId: contact.id },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const rows = vault.sqlite.prepare('SELECT count(*) AS n FROM activities').get() as {
      n: number;
    };
    expect(rows.n).toBe(0);
  });
});
