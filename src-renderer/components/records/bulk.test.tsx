// @vitest-environment jsdom
/**
 * The lists' bulk selection and bar (issue 18, point 6) on the contacts screen: a row's box, a
 * Shift+click range, Space on the highlighted row, "select all on this page", and a reassign that
 * sends the chosen ids to `bulk.reassign`; a refused request says nothing was changed.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContactListPage } from '../../../src-shared/contacts';
import type { ZamokApi } from '../../../src-shared/ipc';
import { OWNER } from '../../app/test-support';
import { ContactsScreen } from '../../screens/contacts/ContactsScreen';
import { summary } from '../../screens/contacts/contacts-test-support';
import { fail, inputsOf, ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApp, setUpRecordScreenTests } from './records-test-support';

setUpRecordScreenTests(OWNER);

const PAGE: ContactListPage = {
  items: [1, 2, 3, 4, 5].map(n => summary(n)),
  nextCursor: null,
};

const COLLEAGUES = [
  { id: 'u-2', displayName: 'Дарина Мельник' },
  { id: 'u-3', displayName: 'Тарас Коваль' },
];

function bulkApi(reassign: ZamokApi['bulk']['reassign']) {
  return scriptedApi({
    contacts: { list: async () => ok(PAGE) },
    users: { list: async () => ok([]), colleagues: async () => ok(COLLEAGUES) },
    bulk: { reassign },
  });
}

const checked = () =>
  screen
    .getAllByRole('option')
    .filter(row => row.getAttribute('aria-checked') === 'true')
    .map(row => row.id);

function box(n: number): HTMLElement {
  const row = document.getElementById(`contact-row-c-${n}`);
  const found = row?.querySelector<HTMLElement>('[data-row-box]');
  if (!found) throw new Error(`no box on row ${n}`);
  return found;
}

describe('bulk selection in a record list', () => {
  it('chooses by box, Shift+click range, Space on the highlighted row and the page box', async () => {
    const { api, calls } = bulkApi(async () => ok({ type: 'contacts', requested: 0, changed: 0 }));
    renderWithApp(api, <ContactsScreen />);
    await screen.findByText('Шевченко5 Тарас Григорович');

    fireEvent.click(box(1));
    fireEvent.click(box(3), { shiftKey: true });
    expect(checked()).toEqual(['contact-row-c-1', 'contact-row-c-2', 'contact-row-c-3']);
    expect(screen.getByText('3 records chosen')).toBeTruthy();
    // A box click chooses; it does not open the record.
    expect(inputsOf(calls, 'contacts.get')).toEqual([]);

    // Space toggles the highlighted row (the first one after ↓ into the list).
    const listbox = screen.getByRole('listbox');
    fireEvent.keyDown(listbox, { key: 'ArrowDown' });
    fireEvent.keyDown(listbox, { key: 'ArrowDown' });
    fireEvent.keyDown(listbox, { key: 'ArrowDown' });
    fireEvent.keyDown(listbox, { key: 'ArrowDown' });
    fireEvent.keyDown(listbox, { key: ' ' });
    expect(checked()).toContain('contact-row-c-5');

    const page = screen.getByRole('checkbox', { name: 'Select all on this page' });
    expect((page as HTMLInputElement).indeterminate).toBe(true);
    fireEvent.click(page);
    expect(checked()).toHaveLength(5);
    fireEvent.click(page);
    expect(checked()).toEqual([]);
  });

  it('gives the chosen contacts to a colleague through bulk.reassign and reloads', async () => {
    const { api, calls } = bulkApi(async input =>
      ok({ type: 'contacts', requested: input.ids.length, changed: input.ids.length }),
    );
    renderWithApp(api, <ContactsScreen />);
    await screen.findByText('Шевченко5 Тарас Григорович');
    fireEvent.click(box(2));
    fireEvent.click(box(4));
    fireEvent.click(screen.getByRole('button', { name: 'Give to…' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Give the chosen records to a colleague',
    });
    fireEvent.click(within(dialog).getByLabelText('New owner', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Дарина Мельник' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Give' }));

    expect(await screen.findByText('2 records changed.')).toBeTruthy();
    expect(inputsOf(calls, 'bulk.reassign')).toEqual([
      { type: 'contacts', ids: ['c-2', 'c-4'], ownerId: 'u-2' },
    ]);
    await waitFor(() => expect(inputsOf(calls, 'contacts.list').length).toBeGreaterThan(1));
    expect(checked()).toEqual([]);
  });

  it('says nothing was changed when main refuses the whole request', async () => {
    const { api } = bulkApi(async () => fail('not_found', { reason: 'bulk_refused', id: 'c-1' }));
    renderWithApp(api, <ContactsScreen />);
    await screen.findByText('Шевченко5 Тарас Григорович');
    fireEvent.click(box(1));
    fireEvent.click(screen.getByRole('button', { name: 'Give to…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('New owner', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Тарас Коваль' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Give' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect(checked()).toEqual(['contact-row-c-1']);
  });
});
