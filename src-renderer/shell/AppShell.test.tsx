// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OWNER } from '../app/test-support';
import { useContactsStore } from '../screens/contacts/store';
import { useNavigationStore } from '../stores/navigation';
import { renderWithApi, setUpScreenTests } from '../test-support/render';
import { scriptedApi } from '../test-support/scripted-api';
import { AppShell } from './AppShell';

const ID = '0b6f3c1e-7a8d-4f62-9a51-3c2d1e0f9a77';

describe('the navigation', () => {
  setUpScreenTests(OWNER);

  it('clicking the current section returns from a record to its list', async () => {
    const { api } = scriptedApi({});
    useContactsStore.setState({ view: { kind: 'detail', id: ID } });
    renderWithApi(<AppShell />, api);
    const contacts = await screen.findByRole('button', { name: 'Contacts' });
    expect(window.location.hash).toBe(`#/contacts/${ID}`);
    await act(async () => fireEvent.click(contacts));
    expect(useContactsStore.getState().view).toEqual({ kind: 'list' });
    expect(window.location.hash).toBe('#/contacts');
    // Another section is simply opened (its own page kept).
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Deals' })));
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(window.location.hash).toBe('#/deals');
  });
});
