// @vitest-environment jsdom
/**
 * Custom fields beyond the form (jsdom, Ukrainian): a field the owner shows in the list puts its
 * value into each contact row's secondary text (others stay off the row); a half-filled custom
 * field survives leaving the form and an idle lock, like the built-in fields, and cancelling drops
 * it.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../src-shared/custom-fields';
import { enterApp, lockSession } from '../../app/session-actions';
import { OWNER, statusOf } from '../../app/test-support';
import { ContactsScreen } from '../../screens/contacts/ContactsScreen';
import { summary } from '../../screens/contacts/contacts-test-support';
import { useContactsStore } from '../../screens/contacts/store';
import { draftOf } from '../../stores/drafts';
import { ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApp, setUpRecordScreenTests } from './records-test-support';

setUpRecordScreenTests(OWNER);

const FIELDS: CustomField[] = [
  {
    id: 'field-budget',
    recordType: 'contact',
    label: 'Бюджет',
    kind: 'number',
    options: [],
    position: 1,
    archived: false,
    showInList: true,
  },
  {
    id: 'field-note',
    recordType: 'contact',
    label: 'Побажання',
    kind: 'text',
    options: [],
    position: 2,
    archived: false,
    showInList: false,
  },
];

function api() {
  return scriptedApi({
    auth: {
      status: async () => ok(statusOf('signed_in')),
      lock: async () => ok({ locked: true as const }),
    },
    contacts: {
      list: async () =>
        ok({
          items: [summary(1, { custom: { 'field-budget': 1200000 } }), summary(2, { custom: {} })],
          nextCursor: null,
        }),
    },
    fields: { list: async () => ok(FIELDS) },
    users: { list: async () => ok([]) },
    companies: { list: async () => ok({ items: [], nextCursor: null }) },
  }).api;
}

function openNewContact(bridge = api()) {
  useContactsStore.setState({ view: { kind: 'new' } });
  renderWithApp(bridge, <ContactsScreen />, 'uk');
}

const field = (label: string) => screen.findByLabelText(label, { exact: true });

describe('custom fields in the list and in drafts', () => {
  it('a row shows the values of the fields shown in the list, labelled, in the reader’s format', async () => {
    renderWithApp(api(), <ContactsScreen />, 'uk');
    const first = await screen.findByText(/Бюджет: 1\s200\s000/u);
    expect(first.closest('[role="option"]')?.id).toBe('contact-row-c-1');
    const second = document.getElementById('contact-row-c-2');
    expect(second?.textContent).not.toContain('Бюджет');
  });

  it('a half-filled custom field survives leaving the form and an idle lock; cancel drops it', async () => {
    const bridge = api();
    await act(() => enterApp(bridge, OWNER));
    openNewContact(bridge);
    fireEvent.change(await field('Побажання'), { target: { value: 'Доставка до дверей' } });
    cleanup(); // a menu click: the form unmounts
    expect(draftOf('custom:contact:new')).toEqual({
      'field-budget': '',
      'field-note': 'Доставка до дверей',
    });

    await act(() => lockSession(bridge, 'idle'));
    await act(() => enterApp(bridge, OWNER));
    openNewContact(bridge);
    expect(((await field('Побажання')) as HTMLInputElement).value).toBe('Доставка до дверей');
    expect(screen.getByTestId('draft-restored')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Скасувати' }));
    expect(draftOf('custom:contact:new')).toBeUndefined();
  });
});
