// @vitest-environment jsdom
/**
 * The custom fields section of the contact form (jsdom, Ukrainian): the office's fields show by
 * kind; a bad value is marked with the shared message and nothing is saved; good values are sent
 * with `fields.setValues` after the contact is created, on the new contact with its token.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../src-shared/custom-fields';
import { OWNER } from '../../app/test-support';
import { ContactsScreen } from '../../screens/contacts/ContactsScreen';
import { contact } from '../../screens/contacts/contacts-test-support';
import { useContactsStore } from '../../screens/contacts/store';
import { inputsOf, ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApp, setUpRecordScreenTests } from './records-test-support';

setUpRecordScreenTests(OWNER);

const FIELDS: CustomField[] = [
  {
    id: 'field-source',
    recordType: 'contact',
    label: 'Звідки',
    kind: 'choice',
    options: ['OLX', 'Prom'],
    position: 1,
    archived: false,
  },
  {
    id: 'field-budget',
    recordType: 'contact',
    label: 'Бюджет',
    kind: 'number',
    options: [],
    position: 2,
    archived: false,
  },
  {
    id: 'field-vip',
    recordType: 'contact',
    label: 'VIP',
    kind: 'yesno',
    options: [],
    position: 3,
    archived: false,
  },
];

function openNewContact() {
  const saved = contact({ id: 'c-9', surname: 'Шевчук', givenName: 'Олена' });
  const script = scriptedApi({
    contacts: { create: async () => ok(saved), get: async () => ok(saved) },
    fields: {
      list: async () => ok(FIELDS),
      setValues: async input =>
        ok({ fields: FIELDS, values: { 'field-source': 'OLX' }, updatedAt: input.id }),
    },
    users: { list: async () => ok([]) },
    companies: { list: async () => ok({ items: [], nextCursor: null }) },
  });
  useContactsStore.setState({ view: { kind: 'new' } });
  renderWithApp(script.api, <ContactsScreen />, 'uk');
  return { ...script, saved };
}

const field = (label: string) => screen.findByLabelText(label, { exact: true });

describe('custom fields in the contact form', () => {
  it('a bad number is marked with the shared message and nothing is sent', async () => {
    const { calls } = openNewContact();
    fireEvent.change(await field('Прізвище'), { target: { value: 'Шевчук' } });
    const budget = await field('Бюджет');
    fireEvent.change(budget, { target: { value: 'багато' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Зберегти' })));
    await waitFor(() => expect(document.activeElement).toBe(budget));
    expect(screen.getByText(/Вкажіть число/)).toBeTruthy();
    expect(inputsOf(calls, 'contacts.create')).toEqual([]);
    expect(inputsOf(calls, 'fields.setValues')).toEqual([]);
  });

  it('good values are saved on the new contact after it is created', async () => {
    const { calls, saved } = openNewContact();
    fireEvent.change(await field('Прізвище'), { target: { value: 'Шевчук' } });
    fireEvent.change(await field('Звідки'), { target: { value: 'OLX' } });
    fireEvent.change(await field('Бюджет'), { target: { value: '15000,50' } });
    fireEvent.change(await field('VIP'), { target: { value: 'yes' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Зберегти' })));
    await waitFor(() =>
      expect(useContactsStore.getState().view).toEqual({ kind: 'detail', id: 'c-9' }),
    );
    expect(inputsOf(calls, 'fields.setValues')).toEqual([
      {
        recordType: 'contact',
        id: 'c-9',
        values: { 'field-source': 'OLX', 'field-budget': 15000.5, 'field-vip': true },
        expectedUpdatedAt: saved.updatedAt,
      },
    ]);
  });
});
