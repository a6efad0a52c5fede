// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../src-shared/ipc';
import type { AuditEntryView, AuditValue } from '../../src-shared/ipc/audit';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { ok, OWNER } from '../app/test-support';
import { staff } from '../screens/admin/admin-test-support';
import { useSessionStore } from '../stores/session';
import { EntityHistory } from './EntityHistory';
import { inputsOf, scriptedApi } from '../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../test-support/render';

// Times are shown in local time: pin the zone so the expected text is the same on every machine.
process.env.TZ = 'Europe/Kyiv';

setUpScreenTests();

const ID = '7d1f6a52-3c44-4b8e-9f0a-1b2c3d4e5f60';

function change(seq: number, field: string, before: AuditValue, after: AuditValue): AuditEntryView {
  return {
    seq,
    at: '2026-11-28T09:00:00.000Z',
    userLogin: 'taras',
    deviceId: null,
    action: 'contacts.update',
    entityType: 'contact',
    entityId: ID,
    outcome: 'ok',
    changes: { [field]: { before, after } },
    details: null,
  };
}

function renderHistory(api: ZamokApi) {
  return renderWithApi(<EntityHistory entityType="contact" entityId={ID} />, api);
}

describe('EntityHistory', () => {
  it('shows who changed which field from what to what, and pages to older changes', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api, calls } = scriptedApi({
      audit: {
        entityHistory: async input =>
          ok(
            input.beforeSeq === undefined
              ? {
                  entries: [change(9, 'phones', ['+380441234567'], ['+380671112233'])],
                  nextBeforeSeq: 9,
                }
              : { entries: [change(4, 'notes', null, 'VIP')], nextBeforeSeq: null },
          ),
      },
    });
    renderHistory(api);
    expect(await screen.findByText('Contact changed')).toBeTruthy();
    const section = screen.getByRole('region', { name: 'History of changes' });
    expect(section.textContent).toContain('Phones: +380441234567 → +380671112233');
    expect(section.textContent).toContain('taras');
    fireEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    expect(await screen.findByText(/Notes:/)).toBeTruthy();
    expect(section.textContent).toContain('Notes: empty → VIP');
    expect(inputsOf(calls, 'audit.entityHistory')).toEqual([
      { entityType: 'contact', entityId: ID, limit: 20 },
      { entityType: 'contact', entityId: ID, limit: 20, beforeSeq: 9 },
    ]);
  });

  it('reads times in the interface language and owners as names, never as raw ids (uk)', async () => {
    useSessionStore.setState({ user: OWNER });
    const deleted: AuditEntryView = {
      ...change(12, 'deletedAt', null, '2026-11-29T10:07:43.689Z'),
      action: 'contacts.delete',
    };
    const reassigned = change(11, 'ownerId', 'u-gone', 'u-taras');
    const shared = change(10, 'sharedWith', [], ['u-taras', 'u-gone']);
    const { api, calls } = scriptedApi({
      users: { list: async () => ok([staff('u-taras', 'taras', 'Тарас Мельник', 'manager')]) },
      audit: {
        entityHistory: async () =>
          ok({ entries: [deleted, reassigned, shared], nextBeforeSeq: null }),
      },
    });
    renderWithApi(<EntityHistory entityType="contact" entityId={ID} />, api, 'uk');
    const section = await screen.findByRole('region', { name: 'Історія змін' });
    await waitFor(() => expect(section.textContent).toContain('Відповідальний:'));
    const lines = Array.from(section.querySelectorAll('li'), li => li.textContent);
    expect(lines).toEqual([
      // Kyiv time (UTC+2 in November), as the rest of the app writes times.
      'Видалено: порожньо → 29.11.2026, 12:07:43',
      'Відповідальний: невідомий користувач → Тарас Мельник',
      'Доступ надано: порожньо → Тарас Мельник, невідомий користувач',
    ]);
    expect(section.textContent).not.toMatch(/u-gone|u-taras|2026-11-29T/);
    // The owner may list every account (a dismissed former owner too): users.list, not colleagues.
    expect(inputsOf(calls, 'users.list')).toEqual([{}]);
    expect(inputsOf(calls, 'users.colleagues')).toEqual([]);
  });

  it('names owners from the colleagues list for a role without users.read', async () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'auditor', grants: BUILT_IN_GRANTS.auditor },
    });
    const { api, calls } = scriptedApi({
      users: { colleagues: async () => ok([{ id: 'u-taras', displayName: 'Тарас Мельник' }]) },
      audit: {
        entityHistory: async () =>
          ok({ entries: [change(3, 'ownerId', 'u-taras', 'u-olena')], nextBeforeSeq: null }),
      },
    });
    renderHistory(api);
    const section = await screen.findByRole('region', { name: 'History of changes' });
    await waitFor(() =>
      expect(section.textContent).toContain('Owner: Тарас Мельник → unknown user'),
    );
    expect(inputsOf(calls, 'users.list')).toEqual([]);
    expect(inputsOf(calls, 'users.colleagues')).toEqual([{}]);
  });

  it('renders nothing and asks nothing without audit.read', () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'manager', grants: BUILT_IN_GRANTS.manager },
    });
    const { api, calls } = scriptedApi({});
    const { container } = renderHistory(api);
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByText('History of changes')).toBeNull();
    expect(container.querySelector('section, ul, button')).toBeNull();
    expect(calls).toEqual([]);
  });
});
