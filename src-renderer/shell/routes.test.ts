// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src-shared/deals';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { lockSession, signOutSession } from '../app/session-actions';
import { fakeApi, OWNER, statusOf } from '../app/test-support';
import { useContactsStore } from '../screens/contacts/store';
import { useDealsStore } from '../screens/deals/store';
import { usePrivacyView } from '../screens/privacy/store';
import { useNavigationStore } from '../stores/navigation';
import { resetAllStores } from '../stores/registry';
import { useSessionStore } from '../stores/session';
import { formatHash, goHome, parseHash } from './routes';
import { visibleSections } from './section-access';
import { useHashRoute } from './use-hash-route';

const ID = '0b6f3c1e-7a8d-4f62-9a51-3c2d1e0f9a77';

function clearHash() {
  window.history.replaceState(null, '', '/');
}

/** Mounts the sync as the shell does, for a role's grants. */
function mountSync(role: keyof typeof BUILT_IN_GRANTS = 'owner') {
  return renderHook(() => useHashRoute(visibleSections(BUILT_IN_GRANTS[role])));
}

/** Sets the hash as a pasted link or back/forward would, and lets the listeners run. */
function visit(hash: string) {
  act(() => {
    window.history.pushState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

beforeEach(clearHash);
afterEach(() => {
  cleanup();
  resetAllStores();
  clearHash();
});

describe('parseHash', () => {
  it('reads sections and their pages and refuses anything else', () => {
    expect(parseHash(`#/contacts/${ID}/edit`)).toEqual({
      section: 'contacts',
      path: [ID, 'edit'],
    });
    expect(parseHash('#/deals')).toEqual({ section: 'deals', path: [] });
    expect(parseHash('#/nowhere')).toBeNull();
    expect(parseHash('#/contacts/<script>')).toBeNull();
    expect(parseHash('')).toBeNull();
    expect(formatHash({ section: 'contacts', path: [ID] })).toBe(`#/contacts/${ID}`);
  });
});

describe('the hash follows the screen', () => {
  it('a section or record opened in the stores is written to the address, one entry each', async () => {
    mountSync();
    expect(window.location.hash).toBe('#/contacts');
    const before = window.history.length;
    await act(async () => useNavigationStore.getState().select('deals'));
    expect(window.location.hash).toBe('#/deals');
    await act(async () => useDealsStore.getState().show({ kind: 'detail', id: ID }));
    expect(window.location.hash).toBe(`#/deals/${ID}`);
    // Section and page changed together (as a search hit does): one entry.
    await act(async () => {
      useNavigationStore.getState().select('contacts');
      useContactsStore.getState().setView({ kind: 'edit', id: ID });
    });
    expect(window.location.hash).toBe(`#/contacts/${ID}/edit`);
    expect(window.history.length).toBe(before + 3);
  });

  it('a link (or back/forward) opens its section and record', () => {
    mountSync();
    visit(`#/contacts/${ID}`);
    expect(useNavigationStore.getState().section).toBe('contacts');
    expect(useContactsStore.getState().view).toEqual({ kind: 'detail', id: ID });
    visit('#/deals/list');
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState().view).toEqual({ kind: 'list' });
    visit('#/contacts/new');
    expect(useContactsStore.getState().view).toEqual({ kind: 'new' });
  });

  it('the deals import wizard is addressable (#/deals/import), both ways', async () => {
    mountSync();
    visit('#/deals/import');
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState().view).toEqual({ kind: 'import' });
    await act(async () => useDealsStore.getState().show({ kind: 'list' }));
    await act(async () => useDealsStore.getState().show({ kind: 'import' }));
    expect(window.location.hash).toBe('#/deals/import');
  });

  it('the personal data tabs are addressable (#/privacy/requests)', async () => {
    mountSync();
    visit('#/privacy/requests');
    expect(useNavigationStore.getState().section).toBe('privacy');
    expect(usePrivacyView.getState().tab).toBe('requests');
    await act(async () => usePrivacyView.getState().show('breaches'));
    expect(window.location.hash).toBe('#/privacy/breaches');
  });

  it("a deal's edit link opens its page, then the form once the deal is loaded", async () => {
    mountSync();
    visit(`#/deals/${ID}/edit`);
    expect(useDealsStore.getState().view).toEqual({ kind: 'detail', id: ID });
    const deal = { id: ID } as Deal;
    await act(async () => useDealsStore.setState({ current: deal }));
    expect(useDealsStore.getState().view).toEqual({ kind: 'edit', deal });
    expect(window.location.hash).toBe(`#/deals/${ID}/edit`);
  });

  it('opens the linked page when the shell mounts (a reload, an unlock)', () => {
    window.history.replaceState(null, '', `/#/deals/${ID}`);
    mountSync();
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState().view).toEqual({ kind: 'detail', id: ID });
  });

  it('an unknown or malformed route falls back to the dashboard and replaces the entry', () => {
    mountSync();
    const before = window.history.length;
    visit('#/no-such-section');
    expect(useNavigationStore.getState().section).toBe('dashboard');
    expect(window.location.hash).toBe('#/dashboard');
    visit(`#/contacts/${ID}/delete/now`);
    expect(window.location.hash).toBe('#/contacts');
    // Each visit pushed one entry; the corrections replaced it rather than adding another.
    expect(window.history.length).toBe(before + 2);
  });

  it('a section the role cannot open falls back to the dashboard (a head and the audit log)', () => {
    mountSync('head');
    visit('#/audit');
    expect(useNavigationStore.getState().section).toBe('dashboard');
    expect(window.location.hash).toBe('#/dashboard');
  });

  it('without a dashboard (a manager) the fallback is the first section the role has', () => {
    mountSync('manager');
    visit('#/users');
    expect(useNavigationStore.getState().section).toBe('contacts');
    expect(window.location.hash).toBe('#/contacts');
  });

  it('a new page opens at its top (a saved record after a long form)', async () => {
    mountSync();
    const tops: number[] = [];
    Object.defineProperty(document.documentElement, 'scrollTop', {
      configurable: true,
      get: () => tops.at(-1) ?? 900,
      set: (value: number) => tops.push(value),
    });
    await act(async () => useContactsStore.getState().setView({ kind: 'detail', id: ID }));
    expect(tops).toEqual([0]);
    Reflect.deleteProperty(document.documentElement, 'scrollTop');
  });

  it('going home from a record page shows the list', async () => {
    mountSync();
    visit(`#/contacts/${ID}`);
    await act(async () => goHome('contacts'));
    expect(useContactsStore.getState().view).toEqual({ kind: 'list' });
    expect(window.location.hash).toBe('#/contacts');
  });
});

describe('lock and sign-out', () => {
  function signIn() {
    useSessionStore.setState({ screen: 'app', user: OWNER, status: statusOf('signed_in') });
  }

  it('a lock keeps the page in the address (the unlock reopens it); sign-out clears it', async () => {
    const { api } = fakeApi(() => statusOf('signed_in'));
    signIn();
    const sync = mountSync();
    visit(`#/contacts/${ID}`);
    await act(() => lockSession(api, 'idle'));
    sync.unmount();
    expect(useContactsStore.getState().view).toEqual({ kind: 'list' });
    expect(window.location.hash).toBe(`#/contacts/${ID}`);

    signIn();
    const again = mountSync();
    expect(useContactsStore.getState().view).toEqual({ kind: 'detail', id: ID });
    await act(() => signOutSession(api));
    again.unmount();
    expect(window.location.hash).toBe('');
  });
});
