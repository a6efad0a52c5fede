// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../src-shared/ipc';
import type { AuditEntryView, AuditValue } from '../../src-shared/ipc/audit';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { Providers } from '../app/Providers';
import { installDomShims, ok, OWNER } from '../app/test-support';
import { createI18n } from '../i18n';
import { fakeAdminApi, inputsOf } from '../screens/admin/admin-test-support';
import { resetAllStores } from '../stores/registry';
import { useSessionStore } from '../stores/session';
import { EntityHistory } from './EntityHistory';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  resetAllStores();
});

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
  return render(
    <Providers api={api} i18n={createI18n('en')} env="test">
      <EntityHistory entityType="contact" entityId={ID} />
    </Providers>,
  );
}

describe('EntityHistory', () => {
  it('shows who changed which field from what to what, and pages to older changes', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api, calls } = fakeAdminApi({
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

  it('renders nothing and asks nothing without audit.read', () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'manager', grants: BUILT_IN_GRANTS.manager },
    });
    const { api, calls } = fakeAdminApi({});
    const { container } = renderHistory(api);
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByText('History of changes')).toBeNull();
    expect(container.querySelector('section, ul, button')).toBeNull();
    expect(calls).toEqual([]);
  });
});
