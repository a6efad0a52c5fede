// @vitest-environment jsdom
/**
 * Editing and deleting timeline entries as people see it: only entries the role may change get
 * the menu; Edit opens the form pre-filled from main and saves only the change with the time it
 * was opened at; Delete asks first and the entry leaves; refusals from main read as sentences about
 * the entry; keys pressed in the dialogs do not trigger the record page's shortcuts behind them.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, TimelineItem } from '../../../src-shared/activities';
import type { Result } from '../../../src-shared/ipc/contract';
import type { Grants } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { fail, ok, OWNER } from '../../app/test-support';
import { scriptedApi } from '../../test-support/scripted-api';
import { useSessionStore } from '../../stores/session';
import { localInputValue } from './format';
import { Timeline } from './Timeline';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import dayjs from 'dayjs';
import 'dayjs/locale/uk';

setUpScreenTests();
beforeAll(() => {
  // Mantine's autosize Textarea listens for font loads, which jsdom lacks.
  if (!('fonts' in document)) Object.assign(document, { fonts: new EventTarget() });
});

const ME = 'u-1';
const CALL: Activity = {
  id: 'a-call',
  ownerId: ME,
  ownerName: 'Олена Коваленко',
  kind: 'call',
  subject: 'Обговорили умови договору',
  body: null,
  occurredAt: '2026-11-28T10:15:42.000Z',
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
  createdAt: '2026-11-28T10:15:42.000Z',
  updatedAt: '2026-11-28T10:15:42.000Z',
  deletedAt: null,
};
const THEIRS: Activity = {
  ...CALL,
  id: 'a-theirs',
  ownerId: 'u-2',
  ownerName: 'Тарас Бондар',
  subject: 'Зустріч у банку',
};

function itemOf(a: Activity): TimelineItem {
  return {
    source: 'activity',
    id: a.id,
    at: a.occurredAt,
    kind: a.kind,
    subject: a.subject,
    body: a.body,
    ownerId: a.ownerId,
    ownerName: a.ownerName,
    dueAt: a.dueAt,
    doneAt: a.doneAt,
    action: null,
  };
}

const DEAL: TimelineItem = {
  ...itemOf(CALL),
  source: 'deal',
  id: 'd-1',
  kind: null,
  subject: 'Постачання борошна',
};

interface Script {
  update?: (input: { id: string; patch: Partial<Activity> }) => Result<unknown> | undefined;
  remove?: () => Result<unknown> | undefined;
  get?: () => Result<unknown> | undefined;
}

/** A main process holding `activities`; scripted answers win over the stored behaviour. */
function fakeMain(activities: Activity[], script: Script = {}) {
  const stored = new Map(activities.map(a => [a.id, a]));
  const { api, calls } = scriptedApi({
    activities: {
      timeline: async () =>
        ok({ items: [...[...stored.values()].map(itemOf), DEAL], nextCursor: null }),
      get: async ({ id }) =>
        (script.get?.() as Result<Activity> | undefined) ?? ok(stored.get(id) as Activity),
      update: async input => {
        const scripted = script.update?.(input as { id: string; patch: Partial<Activity> });
        if (scripted) return scripted as Result<Activity>;
        const after = { ...stored.get(input.id), ...input.patch, updatedAt: 'later' } as Activity;
        stored.set(input.id, after);
        return ok(after);
      },
      delete: async ({ id }) => {
        stored.delete(id);
        return (
          (script.remove?.() as Result<{ id: string; deletedAt: string }> | undefined) ??
          ok({ id, deletedAt: '2026-11-29T10:00:00.000Z' })
        );
      },
    },
  });
  return { api, calls, stored };
}

/** The record page around the timeline: Escape takes it back to the list. */
function RecordPage() {
  const [back, setBack] = useState(false);
  useHotkeys([['Escape', () => setBack(true)]]);
  return (
    <>
      {back ? <p>back to the list</p> : null}
      <Timeline entity="contact" id="c-1" />
    </>
  );
}

function renderAs(grants: Grants, api: ReturnType<typeof fakeMain>['api'], language = 'en') {
  useSessionStore.setState({ screen: 'app', user: { ...OWNER, id: ME, grants } });
  renderWithApi(<RecordPage />, api, language as 'en' | 'uk');
}

async function openMenu(subject: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Actions for “${subject}”` }));
}

describe('changing timeline entries', () => {
  it('offers the menu, in Ukrainian, only on entries the role may change', async () => {
    const head: Grants = BUILT_IN_GRANTS.head;
    renderAs(head, fakeMain([CALL, THEIRS]).api, 'uk');
    const menu = await screen.findByRole('button', {
      name: 'Дії із записом «Обговорили умови договору»',
    });
    // A head reads everyone's entries but changes only their own; deals are changed on the deal.
    expect(screen.getByText('Зустріч у банку')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Дії із записом/ })).toHaveLength(1);
    fireEvent.click(menu);
    expect(screen.getByRole('menuitem', { name: 'Змінити' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'Видалити' })).toBeTruthy();
  });

  it('edits: the form opens pre-filled, saves only the change with updatedAt, the timeline shows it', async () => {
    const main = fakeMain([CALL]);
    renderAs(BUILT_IN_GRANTS.manager, main.api);
    await openMenu(CALL.subject);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit entry' });
    const subject = within(form).getByLabelText('Subject');
    expect((subject as HTMLInputElement).value).toBe(CALL.subject);
    expect(within(form).getByText('Call')).toBeTruthy();
    expect((within(form).getByLabelText('When') as HTMLInputElement).value).not.toBe('');
    fireEvent.change(subject, { target: { value: 'Погодили знижку 5%' } });
    fireEvent.keyDown(subject, { key: 'Enter', ctrlKey: true });

    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Changes saved.');
    expect(main.calls.find(c => c.name === 'activities.update')?.input).toEqual({
      id: CALL.id,
      patch: { subject: 'Погодили знижку 5%' },
      expectedUpdatedAt: CALL.updatedAt,
    });
    expect(
      await within(screen.getByTestId('timeline')).findByText('Погодили знижку 5%'),
    ).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Edit entry' })).toBeNull();
  });

  it('a task opens in Ukrainian with its due time and reminder; an odd reminder is kept as it is', async () => {
    const task: Activity = {
      ...CALL,
      id: 'a-task',
      kind: 'task',
      subject: 'Надіслати рахунок',
      dueAt: '2026-12-01T09:00:00.000Z',
      remindAt: '2026-12-01T08:50:00.000Z',
    };
    const main = fakeMain([task]);
    renderAs(BUILT_IN_GRANTS.manager, main.api, 'uk');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Дії із записом «Надіслати рахунок»' }),
    );
    fireEvent.click(screen.getByRole('menuitem', { name: 'Змінити' }));
    const form = await screen.findByRole('form', { name: 'Змінити запис' });
    expect(within(form).getByText('Завдання')).toBeTruthy();
    const due = within(form).getByLabelText<HTMLInputElement>('Термін');
    // The Mantine date field shows the local time in Ukrainian words («1 грудня 2026, 11:00» in Kyiv).
    expect(due.value).toBe(
      dayjs(new Date('2026-12-01T09:00:00.000Z')).locale('uk').format('D MMMM YYYY, HH:mm'),
    );
    // Ten minutes before is none of the choices: it is kept as it is, in words.
    const remind = within(form).getByRole<HTMLInputElement>('combobox', { name: 'Нагадати' });
    expect(remind.value).toMatch(/^Як зараз: /);
    fireEvent.change(due, {
      target: { value: localInputValue(new Date('2026-12-02T09:00:00.000Z')) },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Зберегти' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Зміни збережено.');
    expect(main.calls.find(c => c.name === 'activities.update')?.input).toEqual({
      id: task.id,
      patch: { dueAt: '2026-12-02T09:00:00.000Z' },
      expectedUpdatedAt: task.updatedAt,
    });
  });

  it('after a conflict, says so and loads the fresh version into the form', async () => {
    let conflicts = 1;
    const main = fakeMain([CALL], {
      update: () => (conflicts-- > 0 ? fail('conflict') : undefined),
    });
    renderAs(BUILT_IN_GRANTS.manager, main.api);
    await openMenu(CALL.subject);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit entry' });
    fireEvent.change(within(form).getByLabelText('Subject'), { target: { value: 'Моя версія' } });
    main.stored.set(CALL.id, { ...CALL, subject: 'Колегина версія', updatedAt: 'newer' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Someone changed this entry while you were editing it.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Load the fresh version' }));
    const fresh = () => screen.getByRole('form', { name: 'Edit entry' });
    await waitFor(() =>
      expect(within(fresh()).getByLabelText<HTMLInputElement>('Subject').value).toBe(
        'Колегина версія',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an edit main refuses reads as a sentence about the entry', async () => {
    const main = fakeMain([CALL], { update: () => fail('forbidden') });
    renderAs(BUILT_IN_GRANTS.manager, main.api);
    await openMenu(CALL.subject);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit entry' });
    fireEvent.change(within(form).getByLabelText('Details'), { target: { value: 'ще щось' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You can edit and delete only the entries you logged yourself. Ask the author or a manager.',
    );
  });

  it('deletes after a confirmation; the entry leaves the timeline', async () => {
    const main = fakeMain([CALL]);
    renderAs(BUILT_IN_GRANTS.manager, main.api);
    await openMenu(CALL.subject);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this entry?' });
    expect(dialog.textContent).toContain(`“${CALL.subject}” will leave the timeline`);
    expect(main.calls.some(c => c.name === 'activities.delete')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'The entry was removed from the timeline.',
    );
    await waitFor(() => expect(screen.queryByText(CALL.subject)).toBeNull());
    // The menu button went with the entry: keyboard focus lands on the sentence, not the page top.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('status')));
    expect(main.calls.filter(c => c.name === 'activities.delete').map(c => c.input)).toEqual([
      { id: CALL.id },
    ]);
  });

  it('an entry already gone says so and the timeline is read again', async () => {
    const main = fakeMain([CALL], { remove: () => fail('not_found') });
    renderAs(BUILT_IN_GRANTS.manager, main.api);
    await openMenu(CALL.subject);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this entry?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This entry no longer exists or you have no access to it. The timeline was refreshed.',
    );
    await waitFor(() =>
      expect(within(screen.getByTestId('timeline')).queryByText(CALL.subject)).toBeNull(),
    );
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('Escape closes the dialog or the menu without taking the record page back to the list', async () => {
    renderAs(BUILT_IN_GRANTS.manager, fakeMain([CALL]).api);
    await openMenu(CALL.subject);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this entry?' });
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText('back to the list')).toBeNull();
    expect(screen.getByText(CALL.subject)).toBeTruthy();

    // The same in the entry's menu.
    await openMenu(CALL.subject);
    fireEvent.keyDown(screen.getByRole('menuitem', { name: 'Edit' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('menuitem')).toBeNull());
    expect(screen.queryByText('back to the list')).toBeNull();
  });
});
