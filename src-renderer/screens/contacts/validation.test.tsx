// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CONTACT_LIMITS } from '../../../src-shared/contacts';
import { OWNER } from '../../app/test-support';
import {
  renderWithApp,
  setUpRecordScreenTests,
} from '../../components/records/records-test-support';
import { inputsOf, ok, scriptedApi } from '../../test-support/scripted-api';
import { ContactsScreen } from './ContactsScreen';
import { contact } from './contacts-test-support';
import { useContactsStore } from './store';

setUpRecordScreenTests(OWNER);

function openNewContact() {
  const script = scriptedApi({
    contacts: {
      create: async () => ok(contact({ id: 'c-9', surname: '', givenName: 'Олена' })),
      get: async () => ok(contact({ id: 'c-9', surname: '', givenName: 'Олена' })),
    },
    users: { list: async () => ok([]) },
    companies: { list: async () => ok({ items: [], nextCursor: null }) },
  });
  useContactsStore.setState({ view: { kind: 'new' } });
  renderWithApp(script.api, <ContactsScreen />, 'uk');
  return script;
}

const field = (label: string) => screen.findByLabelText(label, { exact: true });

describe('saving a contact form', () => {
  it('a refused save focuses the first bad field and states the limit from the contract', async () => {
    openNewContact();
    fireEvent.change(await field('Ім’я'), { target: { value: 'Олена' } });
    const position = await field('Посада');
    fireEvent.change(position, { target: { value: 'д'.repeat(CONTACT_LIMITS.position + 1) } });
    const save = screen.getByRole('button', { name: 'Зберегти' });
    save.focus();
    await act(async () => fireEvent.click(save));
    await waitFor(() => expect(document.activeElement).toBe(position));
    expect(
      screen.getByText(`Не більше ${CONTACT_LIMITS.position} символів.`, { exact: false }),
    ).toBeTruthy();
  });

  it('a blank form asks for a name, a phone or a company, on the surname field', async () => {
    openNewContact();
    const save = await screen.findByRole('button', { name: 'Зберегти' });
    save.focus();
    await act(async () => fireEvent.click(save));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Прізвище')));
    expect(screen.getByText(/хоча б щось одне/)).toBeTruthy();
  });

  it('a lead with only a given name is saved (no surname) and its page opens', async () => {
    const { calls } = openNewContact();
    fireEvent.change(await field('Ім’я'), { target: { value: 'Олена' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Зберегти' })));
    await waitFor(() =>
      expect(useContactsStore.getState().view).toEqual({ kind: 'detail', id: 'c-9' }),
    );
    expect(inputsOf(calls, 'contacts.create')).toEqual([
      { contact: expect.objectContaining({ surname: '', givenName: 'Олена' }) },
    ]);
  });
});
