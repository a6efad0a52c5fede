// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../../src-shared/contacts';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { fail, ok, OWNER } from '../../app/test-support';
import {
  confirmDeleteWithDocuments,
  setUpRecordScreenTests,
} from '../../components/records/records-test-support';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { renderContactsScreen } from './contacts-screen.test-support';
import { contact, summary } from './contacts-test-support';
import { useContactsStore } from './store';

setUpRecordScreenTests(OWNER);

const page = (from: number, to: number, nextCursor: string | null): ContactListPage => ({
  items: Array.from({ length: to - from + 1 }, (_, i) => summary(from + i)),
  nextCursor,
});

describe('contact list', () => {
  it('asks for the next SQL page with nextCursor when the end of the loaded rows is near', async () => {
    const { api, calls } = scriptedApi({
      contacts: {
        list: async input =>
          ok(input.cursor === 'after-5' ? page(6, 8, null) : page(1, 5, 'after-5')),
      },
      users: { list: async () => ok([]) },
    });
    renderContactsScreen(api);
    expect(await screen.findByText('Шевченко8 Тарас Григорович')).toBeTruthy();
    const lists = inputsOf(calls, 'contacts.list') as { cursor?: string; limit: number }[];
    expect(lists.map(input => input.cursor)).toEqual([undefined, 'after-5']);
    expect(lists[0]?.limit).toBe(50);
    // The two pages are one list, in order, and nothing more is asked for after the last page.
    const rows = screen.getAllByRole('option').map(row => row.textContent);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toContain('Шевченко1');
    expect(rows[7]).toContain('Шевченко8');
    expect(rows[0]).toContain('067 123 4567');
    // Let every pending answer and effect run (one event-loop turn, no fixed wait): still two asks.
    await act(() => new Promise<void>(resolve => setImmediate(resolve)));
    expect(useContactsStore.getState().nextCursor).toBeNull();
    expect(inputsOf(calls, 'contacts.list')).toHaveLength(2);
  });

  it('searches 200 ms after the last keystroke, once, with the typed text', async () => {
    const { api, calls } = scriptedApi({
      contacts: { list: async () => ok(page(1, 2, null)) },
      users: { list: async () => ok([]) },
    });
    renderContactsScreen(api);
    await screen.findByText('Шевченко1 Тарас Григорович');
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(search, { target: { value: 'Шев' } });
    fireEvent.change(search, { target: { value: 'Шевч' } });
    expect(inputsOf(calls, 'contacts.list')).toHaveLength(1);
    await waitFor(() => expect(inputsOf(calls, 'contacts.list')).toHaveLength(2));
    expect(inputsOf(calls, 'contacts.list')[1]).toMatchObject({ filter: { text: 'Шевч' } });
  });

  it('an empty vault offers "Add the first contact", which opens the form', async () => {
    const { api } = scriptedApi({
      contacts: { list: async () => ok({ items: [], nextCursor: null }) },
      users: { list: async () => ok([]) },
    });
    renderContactsScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Add the first contact' }));
    expect(await screen.findByRole('heading', { name: 'New contact' })).toBeTruthy();
  });

  it('a manager sees no owner filter, no "Show deleted" and no owner names', async () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'manager', grants: BUILT_IN_GRANTS.manager },
    });
    const { api, calls } = scriptedApi({
      contacts: { list: async () => ok(page(1, 1, null)) },
    });
    renderContactsScreen(api);
    const row = await screen.findByRole('option');
    expect(row.textContent).not.toContain('Олена Коваленко');
    expect(screen.queryByRole('switch', { name: 'Show deleted' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Owner' })).toBeNull();
    expect(inputsOf(calls, 'users.list')).toHaveLength(0);
  });
});

describe('keyboard', () => {
  it('↓ from the search box, arrows and Enter open the chosen contact; Esc goes back; N adds', async () => {
    const { api, calls } = scriptedApi({
      contacts: {
        list: async () => ok(page(1, 4, null)),
        get: async input => ok(contact({ id: input.id, surname: `Відкритий-${input.id}` })),
      },
      users: { list: async () => ok([]) },
    });
    renderContactsScreen(api);
    await screen.findByText('Шевченко1 Тарас Григорович');
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search' }), { key: 'ArrowDown' });
    const list = screen.getByRole('listbox', { name: 'Contact list' });
    expect(document.activeElement).toBe(list);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('Шевченко2');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: /^Відкритий-c-2/ })).toBeTruthy();
    expect(inputsOf(calls, 'contacts.get')).toEqual([{ id: 'c-2', includeDeleted: true }]);

    fireEvent.keyDown(document.body, { key: 'Escape', code: 'Escape' });
    expect(await screen.findByRole('listbox', { name: 'Contact list' })).toBeTruthy();
    // Back from a contact: the same rows and selection, no new request.
    expect(inputsOf(calls, 'contacts.list')).toHaveLength(1);
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('Шевченко2');

    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    expect(await screen.findByRole('heading', { name: 'New contact' })).toBeTruthy();
  });
});

describe('contact form', () => {
  it('shows the specific translated phone error under the phone field and sends nothing', async () => {
    const { api, calls } = scriptedApi({
      contacts: { list: async () => ok({ items: [], nextCursor: null }) },
      users: { list: async () => ok([]) },
    });
    renderContactsScreen(api, 'uk');
    fireEvent.click(await screen.findByRole('button', { name: 'Додати перший контакт' }));
    fireEvent.change(await screen.findByRole('textbox', { name: /^Прізвище/ }), {
      target: { value: 'Шевченко' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /^Ім’я/ }), {
      target: { value: 'Тарас' },
    });
    const phone = screen.getByLabelText('Телефон 1');
    fireEvent.change(phone, { target: { value: '067 12' } });
    fireEvent.blur(phone);
    const message =
      'Номер телефону неправильний. Приклади: 067 123 45 67, +380 44 123 45 67, +48 22 123 45 67.';
    expect(await screen.findByText(message)).toBeTruthy();
    // The message is the field's own description for screen readers.
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    const describedBy = phone.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map(id => document.getElementById(id)?.textContent)).toContain(
      message,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Зберегти' }));
    expect(inputsOf(calls, 'contacts.create')).toEqual([]);
    // Fixing it clears the message as the user types.
    fireEvent.change(phone, { target: { value: '067 123 45 67' } });
    await waitFor(() => expect(screen.queryByText(message)).toBeNull());
  });

  it('a server rejection names the field; a conflict offers to reload the contact', async () => {
    let version = '2026-11-02T10:00:00.000Z';
    const { api, calls } = scriptedApi({
      contacts: {
        get: async () => ok(contact({ updatedAt: version, notes: version })),
        update: async input =>
          input.patch.notes === 'x'
            ? fail('invalid_input', {
                fields: ['patch.messengers.telegram'],
                codes: [{ field: 'patch.messengers.telegram', code: 'contact.telegram_invalid' }],
              })
            : fail('conflict'),
      },
      users: { list: async () => ok([]) },
    });
    useContactsStore.setState({ view: { kind: 'detail', id: 'c-1' } });
    renderContactsScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const notes = await screen.findByRole('textbox', { name: 'Notes on the client' });
    fireEvent.change(notes, { target: { value: 'x' } });
    fireEvent.keyDown(notes, { key: 'Enter', code: 'Enter', ctrlKey: true });
    expect(await screen.findByText(/A Telegram username has 5–32 Latin letters/)).toBeTruthy();
    expect(inputsOf(calls, 'contacts.update')[0]).toEqual({
      id: 'c-1',
      patch: { notes: 'x' },
      expectedUpdatedAt: '2026-11-02T10:00:00.000Z',
    });

    fireEvent.change(notes, { target: { value: 'мої правки' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/Someone changed this contact while you were editing/),
    ).toBeTruthy();
    version = '2026-11-03T09:00:00.000Z';
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(
        (screen.getByRole('textbox', { name: 'Notes on the client' }) as HTMLTextAreaElement).value,
      ).toBe(version),
    );
    expect(screen.queryByText(/Someone changed this contact/)).toBeNull();
  });
});

describe('job title', () => {
  it('shows on the contact page and is sent alone when only it was edited', async () => {
    const { api, calls } = scriptedApi({
      contacts: {
        get: async () => ok(contact({ position: 'Головний бухгалтер' })),
        update: async () => fail('conflict'),
      },
      users: { list: async () => ok([]) },
    });
    useContactsStore.setState({ view: { kind: 'detail', id: 'c-1' } });
    renderContactsScreen(api);
    expect(await screen.findByText('Головний бухгалтер')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const title = await screen.findByRole('textbox', { name: 'Job title' });
    expect((title as HTMLInputElement).value).toBe('Головний бухгалтер');
    fireEvent.change(title, { target: { value: 'Директор' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(inputsOf(calls, 'contacts.update')[0]).toEqual({
        id: 'c-1',
        patch: { position: 'Директор' },
        expectedUpdatedAt: contact().updatedAt,
      }),
    );
  });
});

describe('contact page lines', () => {
  it.each([
    [
      'uk' as const,
      ['Телефони', 'Електронна пошта', 'Telegram', 'Viber', 'WhatsApp', 'Адреса'],
      ['Компанія', 'Посада', 'Мітки', 'Джерело', 'Нотатки', 'Відповідальний'],
    ],
    [
      'en' as const,
      ['Phones', 'E-mail', 'Telegram', 'Viber', 'WhatsApp', 'Address'],
      ['Company', 'Job title', 'Tags', 'Source', 'Notes', 'Owner'],
    ],
  ])(
    'in %s shows the same labels in the same order, notes keeping line breaks',
    async (language, reach, other) => {
      const { api } = scriptedApi({
        contacts: {
          get: async () =>
            ok(
              contact({
                address: 'Київ,\nХрещатик, 1',
                source: 'виставка',
                notes: 'рядок 1\nрядок 2',
              }),
            ),
        },
        users: { list: async () => ok([]) },
      });
      useContactsStore.setState({ view: { kind: 'detail', id: 'c-1' } });
      const { container } = renderContactsScreen(api, language);
      await screen.findByText('виставка');
      const labels = Array.from(container.querySelectorAll('dt'), dt => dt.textContent);
      expect(labels.slice(0, 12)).toEqual([...reach, ...other]);
      const notes = screen.getByText(/рядок 1/u);
      expect(notes.style.whiteSpace).toBe('pre-wrap');
      expect(screen.getByText(/Хрещатик/u).style.whiteSpace).toBe('');
    },
  );
});

describe('deleting a contact with documents', () => {
  it('the dialog counts the attached documents; confirming destroys them, then deletes the contact', async () => {
    const doc = (n: number) => ({
      id: `d-${n}`,
      recordType: 'contact' as const,
      recordId: 'c-1',
      ownerId: 'u-1',
      ownerName: 'Олена Коваленко',
      fileName: `scan-${n}.pdf`,
      mimeType: 'application/pdf',
      size: 1024 * n,
      sha256: 'ab'.repeat(32),
      createdAt: '2026-11-02T10:00:00.000Z',
    });
    const { api, calls } = scriptedApi({
      contacts: {
        get: async () => ok(contact()),
        delete: async input => ok({ id: input.id, deletedAt: '2026-11-29T08:00:00.000Z' }),
      },
      documents: {
        list: async () => ok([doc(1), doc(2)]),
        deleteForRecord: async () => ok({ deleted: 2 }),
      },
      users: { list: async () => ok([]) },
    });
    useContactsStore.setState({ view: { kind: 'detail', id: 'c-1' } });
    renderContactsScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(
      await screen.findByText(
        '2 documents are attached. They will be destroyed for good and cannot be restored.',
      ),
    ).toBeTruthy();
    const record = { type: 'contact', id: 'c-1' } as const;
    await confirmDeleteWithDocuments(calls, 'Delete', record, 'contacts.delete');
  });
});

describe('lock', () => {
  it('resetAllStores() leaves no contact in the store and none on screen', async () => {
    const { api } = scriptedApi({
      contacts: {
        list: async () => ok(page(1, 3, 'more')),
        get: async input => ok(contact({ id: input.id })),
      },
      users: { list: async () => ok([]) },
    });
    const view = renderContactsScreen(api);
    fireEvent.click(await screen.findByText('Шевченко2 Тарас Григорович'));
    expect(await screen.findByRole('heading', { name: 'Шевченко Тарас Григорович' })).toBeTruthy();
    expect(useContactsStore.getState().items.length).toBeGreaterThan(0);

    act(() => resetAllStores());
    const state = useContactsStore.getState();
    expect(state.items).toEqual([]);
    expect(state.current).toBeNull();
    expect(state.users).toBeNull();
    expect(state.nextCursor).toBeNull();
    expect(state.view).toEqual({ kind: 'list' });
    // The app then swaps the shell for the lock screen; the contacts screen itself keeps no copy.
    view.unmount();
    expect(document.body.textContent).not.toContain('Шевченко');
  });
});
