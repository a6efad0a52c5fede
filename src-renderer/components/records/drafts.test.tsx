// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enterApp, lockSession, signOutSession, switchUser } from '../../app/session-actions';
import { OWNER, statusOf } from '../../app/test-support';
import { ContactsScreen } from '../../screens/contacts/ContactsScreen';
import { contact } from '../../screens/contacts/contacts-test-support';
import { useContactsStore } from '../../screens/contacts/store';
import { draftCount, draftOf } from '../../stores/drafts';
import { useSessionStore } from '../../stores/session';
import { ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApp, setUpRecordScreenTests } from './records-test-support';

setUpRecordScreenTests(OWNER);
afterEach(() => vi.restoreAllMocks());

const statusApi = () =>
  scriptedApi({
    auth: {
      status: async () => ok(statusOf('signed_in')),
      lock: async () => ok({ locked: true as const }),
      signOut: async () => ok({ signedOut: true as const }),
    },
    contacts: { get: async () => ok(contact()) },
    users: { list: async () => ok([]) },
    companies: { list: async () => ok({ items: [], nextCursor: null }) },
  }).api;

function openNewContact() {
  useContactsStore.setState({ view: { kind: 'new' } });
  return renderWithApp(statusApi(), <ContactsScreen />);
}

async function typeSurname(text: string) {
  const field = await screen.findByLabelText(/Surname/);
  fireEvent.change(field, { target: { value: text } });
}

describe('drafts of a left form', () => {
  it('a new contact left half-filled comes back with its text, saying so; discard empties it', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    openNewContact();
    await typeSurname('Шевчук');
    cleanup(); // the user went to another section
    expect(draftOf<{ surname: string }>('contacts:new')?.surname).toBe('Шевчук');
    // Memory only: nothing typed went to localStorage or sessionStorage.
    expect(setItem.mock.calls.flat().join(' ')).not.toContain('Шевчук');
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain('Шевчук');

    openNewContact();
    expect(((await screen.findByLabelText(/Surname/)) as HTMLInputElement).value).toBe('Шевчук');
    expect(screen.getByTestId('draft-restored').textContent).toContain('unsaved changes');
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect((screen.getByLabelText(/Surname/) as HTMLInputElement).value).toBe('');
    expect(draftOf('contacts:new')).toBeUndefined();
  });

  it('cancelling drops the draft (the user chose to throw it away)', async () => {
    openNewContact();
    await typeSurname('Шевчук');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(draftOf('contacts:new')).toBeUndefined();
  });

  it('a lock keeps the draft for the same person; another person or a sign-out drops it', async () => {
    const api = statusApi();
    await act(() => enterApp(api, OWNER));
    openNewContact();
    await typeSurname('Шевчук');
    await act(() => lockSession(api, 'idle'));
    cleanup();
    expect(useSessionStore.getState().screen).toBe('lock');
    await act(() => enterApp(api, OWNER));
    expect(draftCount()).toBe(1);

    await act(() => enterApp(api, { ...OWNER, id: 'u-2', login: 'ivan' }));
    expect(draftCount()).toBe(0);

    openNewContact();
    await typeSurname('Шевчук');
    cleanup();
    await act(() => signOutSession(api));
    expect(draftCount()).toBe(0);

    openNewContact();
    await typeSurname('Шевчук');
    cleanup();
    act(() => switchUser());
    expect(draftCount()).toBe(0);
  });
});
