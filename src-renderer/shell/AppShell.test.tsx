// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok, OWNER } from '../app/test-support';
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

  it('the sync badge in conflict opens the conflicts screen at #/office/conflicts', async () => {
    const { api } = scriptedApi({
      sync: {
        status: async () =>
          ok({
            state: 'conflict',
            waiting: 0,
            conflicts: 2,
            lastSyncAt: '2026-12-06T10:00:00.000Z',
            serverUrl: 'https://office.local:8443',
            fingerprint: null,
            deviceId: 'd-1',
          }),
        conflicts: async () => ok([]),
      },
    });
    renderWithApi(<AppShell />, api);
    await screen.findByRole('button', { name: 'Contacts' });
    // Not a sidebar entry: the badge (or the address) opens it.
    expect(screen.queryByRole('button', { name: 'Office sync' })).toBeNull();
    const badge = await screen.findByRole('button', {
      name: 'Office sync: 2 conflicts. Open the conflicts',
    });
    await act(async () => fireEvent.click(badge));
    expect(useNavigationStore.getState().section).toBe('office');
    expect(await screen.findByRole('heading', { name: 'Sync conflicts' })).toBeTruthy();
    expect(window.location.hash).toBe('#/office/conflicts');
    expect(await screen.findByText('No conflicts.')).toBeTruthy();
  });
});
