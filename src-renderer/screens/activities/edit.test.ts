import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src-shared/activities';
import { draftOf, patchOf, reminderOf, remindAtFor } from './edit';
import { localInputValue } from './format';

const CALL: Activity = {
  id: 'a-1',
  ownerId: 'u-1',
  ownerName: 'Олена Коваленко',
  kind: 'call',
  subject: 'Обговорили умови договору',
  body: null,
  occurredAt: '2026-11-28T10:15:42.123Z',
  dueAt: null,
  remindAt: null,
  remindedAt: null,
  doneAt: null,
  contactId: 'c-1',
  companyId: null,
  dealId: null,
  direction: null,
  durationMinutes: null,
  outcome: null,
  createdAt: '2026-11-28T10:15:42.123Z',
  updatedAt: '2026-11-28T10:15:42.123Z',
  deletedAt: null,
};
const TASK: Activity = {
  ...CALL,
  kind: 'task',
  subject: 'Надіслати рахунок',
  dueAt: '2026-12-01T09:00:00.000Z',
  remindAt: '2026-12-01T08:45:00.000Z',
};

describe('the edit form of an activity', () => {
  it('opens pre-filled: subject, details, when, due time and the matching reminder', () => {
    const draft = draftOf({ ...TASK, body: 'Сума 12 000 грн' });
    expect(draft).toEqual({
      subject: 'Надіслати рахунок',
      body: 'Сума 12 000 грн',
      occurred: localInputValue(new Date(TASK.occurredAt)),
      due: localInputValue(new Date('2026-12-01T09:00:00.000Z')),
      reminder: 'm15',
    });
  });

  it('names the reminder choice, or keeps one that is none of them', () => {
    expect(reminderOf(TASK.dueAt, null)).toBe('none');
    expect(reminderOf(TASK.dueAt, TASK.dueAt)).toBe('at');
    expect(reminderOf(TASK.dueAt, '2026-11-30T09:00:00.000Z')).toBe('d1');
    expect(reminderOf(TASK.dueAt, '2026-12-01T08:50:00.000Z')).toBe('keep');
    expect(remindAtFor(TASK.dueAt, 'keep', '2026-12-01T08:50:00.000Z')).toBe(
      '2026-12-01T08:50:00.000Z',
    );
    expect(remindAtFor(TASK.dueAt, 'h1', null)).toBe('2026-12-01T08:00:00.000Z');
    expect(remindAtFor(TASK.dueAt, 'none', TASK.remindAt)).toBeNull();
  });

  it('saving an untouched form changes nothing (no seconds lost, no reminder sent again)', () => {
    expect(patchOf(CALL, draftOf(CALL))).toEqual({ patch: null });
    expect(patchOf(TASK, draftOf(TASK))).toEqual({ patch: null });
  });

  it('sends only what the user changed; emptied details become null', () => {
    const draft = { ...draftOf({ ...CALL, body: 'старе' }), subject: '  Нова тема ', body: ' ' };
    expect(patchOf({ ...CALL, body: 'старе' }, draft)).toEqual({
      patch: { subject: 'Нова тема', body: null },
    });
  });

  it('a new due time moves the reminder with it', () => {
    const due = localInputValue(new Date('2026-12-02T09:00:00.000Z'));
    expect(patchOf(TASK, { ...draftOf(TASK), due })).toEqual({
      patch: { dueAt: '2026-12-02T09:00:00.000Z', remindAt: '2026-12-02T08:45:00.000Z' },
    });
    expect(patchOf(TASK, { ...draftOf(TASK), reminder: 'none' })).toEqual({
      patch: { remindAt: null },
    });
  });

  it('says what is missing instead of sending a bad edit', () => {
    expect(patchOf(CALL, { ...draftOf(CALL), subject: '   ' })).toEqual({
      problem: 'subjectRequired',
    });
    expect(patchOf(CALL, { ...draftOf(CALL), occurred: '' })).toEqual({
      problem: 'occurredRequired',
    });
    expect(patchOf(TASK, { ...draftOf(TASK), due: '' })).toEqual({ problem: 'dueRequired' });
    const odd = { ...TASK, remindAt: '2026-12-01T08:50:00.000Z' };
    const earlier = localInputValue(new Date('2026-12-01T08:30:00.000Z'));
    expect(patchOf(odd, { ...draftOf(odd), due: earlier })).toEqual({ problem: 'remindLate' });
  });
});
