// @vitest-environment jsdom
/**
 * Logging a call with its facts: "Call back" turns the next step on with a ready subject, the save
 * sends the facts and the next step in one create call, and a bad duration is refused by the shared
 * schema before anything is sent. Without a record the form logs a standalone task.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityInput } from '../../../src-shared/activities';
import { ok, OWNER } from '../../app/test-support';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { ActivityForm } from './ActivityForm';
import type { LoggedActivity } from '../../../src-shared/ipc/activities';

setUpScreenTests();
beforeAll(() => {
  if (!('fonts' in document)) Object.assign(document, { fonts: new EventTarget() });
});

function logged(input: ActivityInput): LoggedActivity {
  return {
    id: 'a-new',
    ownerId: OWNER.id,
    ownerName: OWNER.displayName,
    kind: input.kind,
    subject: input.subject,
    body: null,
    occurredAt: input.occurredAt ?? '2026-12-02T08:00:00.000Z',
    dueAt: input.dueAt ?? null,
    remindAt: null,
    remindedAt: null,
    doneAt: null,
    contactId: input.contactId ?? null,
    companyId: null,
    dealId: null,
    direction: input.direction ?? null,
    durationMinutes: input.durationMinutes ?? null,
    outcome: input.outcome ?? null,
    createdAt: '2026-12-02T08:00:00.000Z',
    updatedAt: '2026-12-02T08:00:00.000Z',
    deletedAt: null,
  };
}

function renderForm(props: { entity?: 'contact'; id?: string }) {
  const saved: LoggedActivity[] = [];
  const main = scriptedApi({
    activities: {
      create: async input => ok(logged((input as { activity: ActivityInput }).activity)),
    },
  });
  renderWithApi(
    <ActivityForm {...props} onSaved={(a: LoggedActivity) => saved.push(a)} />,
    main.api,
    'uk',
  );
  return { ...main, saved };
}

describe('the activity form', () => {
  it('logs a call with direction, duration, outcome and a next step in one call', async () => {
    const { calls, saved } = renderForm({ entity: 'contact', id: 'c-1' });
    const form = screen.getByRole('form', { name: 'Записати активність' });
    fireEvent.change(within(form).getByLabelText('Тема'), {
      target: { value: 'Дзвінок щодо поставки' },
    });
    fireEvent.click(within(form).getByText('Вихідний'));
    fireEvent.change(within(form).getByLabelText(/Тривалість, хв/), { target: { value: '12' } });
    fireEvent.click(within(form).getByLabelText('Результат', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Передзвонити' }));
    const next = within(form).getByLabelText('Що зробити далі') as HTMLInputElement;
    expect(next.value).toBe('Передзвонити');
    fireEvent.click(within(form).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const sent = calls.find(c => c.name === 'activities.create')?.input as {
      activity: ActivityInput;
    };
    expect(sent.activity).toMatchObject({
      kind: 'call',
      subject: 'Дзвінок щодо поставки',
      contactId: 'c-1',
      direction: 'out',
      durationMinutes: 12,
      outcome: 'call_back',
      nextStep: { subject: 'Передзвонити' },
    });
    expect(sent.activity.occurredAt).toMatch(/Z$/);
    expect(sent.activity.nextStep?.remindAt).toBeTruthy();
  });

  it('refuses a duration over a day with the limit, sending nothing', async () => {
    const { calls } = renderForm({ entity: 'contact', id: 'c-1' });
    const form = screen.getByRole('form', { name: 'Записати активність' });
    fireEvent.change(within(form).getByLabelText('Тема'), { target: { value: 'Довга розмова' } });
    fireEvent.change(within(form).getByLabelText(/Тривалість, хв/), {
      target: { value: '2000' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Зберегти' }));
    expect(
      await within(form).findByText('Тривалість — ціле число хвилин, від 0 до 1440.'),
    ).toBeTruthy();
    expect(calls.some(c => c.name === 'activities.create')).toBe(false);
  });

  it('without a record it logs a standalone task', async () => {
    const { calls, saved } = renderForm({});
    const form = screen.getByRole('form', { name: 'Записати активність' });
    expect(within(form).queryByRole('radiogroup')).toBeNull();
    fireEvent.change(within(form).getByLabelText('Тема'), {
      target: { value: 'Подати звіт до податкової' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const sent = calls.find(c => c.name === 'activities.create')?.input as {
      activity: ActivityInput;
    };
    expect(sent.activity.kind).toBe('task');
    expect(sent.activity).not.toHaveProperty('contactId');
  });
});
