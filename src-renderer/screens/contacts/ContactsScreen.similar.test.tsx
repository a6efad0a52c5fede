// @vitest-environment jsdom
/**
 * The contact form's hints while typing: a duplicate phone/e-mail warning and a similar-name
 * suggestion on the new and the edit form (split from ContactsScreen.test.tsx).
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok, OWNER } from '../../app/test-support';
import { setUpRecordScreenTests } from '../../components/records/records-test-support';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { renderContactsScreen } from './contacts-screen.test-support';
import { contact } from './contacts-test-support';
import { useContactsStore } from './store';

setUpRecordScreenTests(OWNER);

describe('contact form: duplicate and similar-name hints', () => {
  it('warns of a duplicate while typing: valid numbers only, the office note without a name', async () => {
    const { api, calls } = scriptedApi({
      contacts: { list: async () => ok({ items: [], nextCursor: null }) },
      users: { list: async () => ok([]) },
      records: {
        duplicates: async () =>
          ok([
            {
              field: 'phones',
              visible: false,
              message:
                'This client already exists in the office (the same phone number); ask the owner.',
            },
          ]),
      },
    });
    renderContactsScreen(api, 'uk');
    fireEvent.click(await screen.findByRole('button', { name: 'Додати перший контакт' }));
    const phone = await screen.findByLabelText('Телефон 1');
    fireEvent.change(phone, { target: { value: '050 99' } });
    fireEvent.change(phone, { target: { value: '050 999 88 77' } });
    const note =
      'Цей клієнт уже є в офісі: інший запис має цей номер телефону. Зверніться до його власника.';
    expect(await screen.findByText(note)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Можливо, цей клієнт уже є');
    // Half-typed numbers are never sent; the valid one goes as E.164.
    expect(inputsOf(calls, 'records.duplicates')).toEqual([
      { type: 'contacts', phones: ['+380509998877'] },
    ]);
  });

  it('suggests a client with a similar name while a new contact is typed (never blocks)', async () => {
    const { api, calls } = scriptedApi({
      contacts: { list: async () => ok({ items: [], nextCursor: null }) },
      users: { list: async () => ok([]) },
      records: {
        duplicates: async () =>
          ok([{ field: 'name', visible: true, recordId: 'c-9', name: 'Шевченко Тарас' }]),
      },
    });
    renderContactsScreen(api, 'uk');
    fireEvent.click(await screen.findByRole('button', { name: 'Додати перший контакт' }));
    fireEvent.change(await screen.findByLabelText('Прізвище'), { target: { value: 'шевченко' } });
    fireEvent.change(screen.getByLabelText('Ім’я'), { target: { value: 'тарас ' } });
    expect(
      await screen.findByText('Можливо, той самий клієнт: «Шевченко Тарас» (схоже ім’я).'),
    ).toBeTruthy();
    expect(inputsOf(calls, 'records.duplicates').at(-1)).toEqual({
      type: 'contacts',
      name: { surname: 'шевченко', givenName: 'тарас' },
    });
  });

  it('suggests a similar name on the edit form too, leaving out the contact itself', async () => {
    const { api, calls } = scriptedApi({
      contacts: { get: async () => ok(contact()) },
      users: { list: async () => ok([]) },
      records: {
        duplicates: async () =>
          ok([{ field: 'name', visible: true, recordId: 'c-9', name: 'Шевченко Тарас' }]),
      },
    });
    useContactsStore.setState({ view: { kind: 'detail', id: 'c-1' } });
    renderContactsScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const hint = await screen.findByText(/Maybe the same client: «Шевченко Тарас»/);
    // A hint with a way to merge, never a block: the form still saves.
    expect(hint.closest('[role="status"]')?.textContent).toContain('Merge');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', false);
    expect(inputsOf(calls, 'records.duplicates').at(-1)).toEqual({
      type: 'contacts',
      name: { surname: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' },
      phones: ['+380671234567'],
      emails: ['taras@example.com'],
      excludeId: 'c-1',
    });
  });
});
