// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { AuditEntryView } from '../../../src-shared/ipc/audit';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { ok, OWNER } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { useSessionStore } from '../../stores/session';
import { staff } from './admin-test-support';
import { AuditScreen } from './AuditScreen';
import { fieldChanges } from './audit-format';
import { exportInputOf, listInputOf, EMPTY_FILTERS } from './audit-filters';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
});

const CONTACT_ID = '7d1f6a52-3c44-4b8e-9f0a-1b2c3d4e5f60';

function entry(seq: number, extra: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 28, 9, 0, seq)).toISOString(),
    userLogin: 'taras',
    deviceId: 'dev-1',
    action: 'auth.sign_in',
    entityType: null,
    entityId: null,
    outcome: 'ok',
    changes: null,
    details: null,
    ...extra,
  };
}

const PHONE_CHANGE = entry(12, {
  action: 'contacts.update',
  entityType: 'contact',
  entityId: CONTACT_ID,
  changes: {
    phones: {
      before: [{ number: '+380441234567', kind: 'work' }],
      after: [{ number: '+380671112233', kind: 'mobile' }],
    },
  },
});

function renderScreen(api: ZamokApi) {
  renderWithApi(<AuditScreen />, api);
}

describe('audit log screen', () => {
  it('Verify chain shows the entry where the chain breaks', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api, calls } = scriptedApi({
      audit: {
        list: async () => ok({ entries: [entry(3)], nextBeforeSeq: null }),
        actions: async () => ok({ actions: ['auth.sign_in'] }),
        verify: async () => ok({ ok: false, brokenAt: 42, reason: 'hash_mismatch' }),
      },
      users: { list: async () => ok([]) },
    });
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Verify chain' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken at entry #42');
    expect(alert.textContent).toContain('does not match its hash');
    expect(inputsOf(calls, 'audit.verify')).toEqual([{}]);
  });

  it('an intact chain says how many entries it checked', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api } = scriptedApi({
      audit: {
        list: async () => ok({ entries: [], nextBeforeSeq: null }),
        actions: async () => ok({ actions: [] }),
        verify: async () => ok({ ok: true, count: 1234, head: { seq: 1234, hash: 'ab' } }),
      },
      users: { list: async () => ok([]) },
    });
    renderScreen(api);
    expect(
      await screen.findByText('No entries match these filters. Change or clear them.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'The log is intact: 1234 entries checked.',
    );
  });

  it('lists entries in words, opens field changes, filters by user and pages with beforeSeq', async () => {
    useSessionStore.setState({ user: OWNER });
    const taras = staff('0b5c1d4e-0000-4000-8000-000000000002', 'taras', 'Taras Melnyk', 'manager');
    const { api, calls } = scriptedApi({
      audit: {
        list: async input =>
          ok(
            input.beforeSeq === undefined
              ? { entries: [PHONE_CHANGE, entry(11, { outcome: 'denied' })], nextBeforeSeq: 11 }
              : { entries: [entry(5, { action: 'weird.thing' })], nextBeforeSeq: null },
          ),
        actions: async () => ok({ actions: ['auth.sign_in', 'contacts.update'] }),
      },
      users: { list: async () => ok([taras]) },
    });
    renderScreen(api);
    const table = await screen.findByRole('table', { name: 'Audit entries' });
    expect(within(table).getByText('Contact changed')).toBeTruthy();
    expect(within(table).getByText('denied')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Details of entry #12' }));
    expect(table.textContent).toContain('Phones: +380441234567 work → +380671112233 mobile');

    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    // An unknown action reads as its raw name.
    expect(await within(table).findByText('weird.thing')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
    expect(inputsOf(calls, 'audit.list')[1]).toEqual({ limit: 100, beforeSeq: 11 });

    fireEvent.click(screen.getByLabelText(/^User/, { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Taras Melnyk (taras)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(inputsOf(calls, 'audit.list')[2]).toEqual({ limit: 100, userId: taras.id }),
    );
  });

  it('without users.read there is no user filter and no users call; without audit.export no export', async () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'auditor', grants: { 'audit.read': true } },
    });
    const { api, calls } = scriptedApi({
      audit: {
        list: async () => ok({ entries: [entry(1)], nextBeforeSeq: null }),
        actions: async () => ok({ actions: [] }),
      },
    });
    renderScreen(api);
    expect(await screen.findByRole('table', { name: 'Audit entries' })).toBeTruthy();
    expect(screen.queryByLabelText(/^User/, { selector: 'input' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
    expect(inputsOf(calls, 'users.list')).toEqual([]);
  });

  it('Export CSV sends the chosen local dates and saves the file', async () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'auditor', grants: BUILT_IN_GRANTS.auditor },
    });
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:zamok/1';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this.download);
    });
    const { api, calls } = scriptedApi({
      audit: {
        list: async () => ok({ entries: [entry(1)], nextBeforeSeq: null }),
        actions: async () => ok({ actions: [] }),
        export: async () =>
          ok({
            fileName: 'zamok-audit.csv',
            mimeType: 'text/csv',
            content: '\uFEFFseq,at\r\n1,x\r\n',
            count: 1,
          }),
      },
    });
    renderScreen(api);
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To (inclusive)'), { target: { value: '2026-11-28' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Saved zamok-audit.csv (entries: 1).',
    );
    expect(inputsOf(calls, 'audit.export')).toEqual([
      {
        format: 'csv',
        delimiter: ',',
        from: new Date(2026, 10, 1).toISOString(),
        to: new Date(2026, 10, 29).toISOString(),
      },
    ]);
    expect(clicks).toEqual(['zamok-audit.csv']);
    expect(created[0]?.type).toBe('text/csv');
  });
});

describe('filter translation', () => {
  it('a date range covers whole local days; "from" after "to" is caught before the server', () => {
    const input = listInputOf({ ...EMPTY_FILTERS, from: '2026-03-29', to: '2026-03-29' }, 50);
    expect(input).toEqual({
      limit: 50,
      from: new Date(2026, 2, 29).toISOString(),
      to: new Date(2026, 2, 30).toISOString(),
    });
    expect(listInputOf({ ...EMPTY_FILTERS, entityType: ' contact ', entityId: ' x ' }, 5)).toEqual({
      limit: 5,
      entityType: 'contact',
      entityId: 'x',
    });
    const uk = exportInputOf(EMPTY_FILTERS, 'uk', new Date('2026-11-29T05:00:00Z'));
    expect(uk).toEqual({
      format: 'csv',
      delimiter: ';',
      from: '1970-01-01T00:00:00.000Z',
      to: '2026-11-29T05:01:00.000Z',
    });
  });
});

describe('values in words', () => {
  it('roles, account status and grants read as names, not codes', () => {
    const i18n = createI18n('en');
    const changes = fieldChanges(
      i18n.t,
      {
        changes: {
          role: { before: 'manager', after: 'head' },
          status: { before: 'active', after: 'dismissed' },
          grants: { before: null, after: { 'contacts.read': 'own', 'audit.read': true } },
          notes: { before: '[redacted]', after: '' },
          ownerId: { before: 'u-unknown', after: 'u-taras' },
          phones: { before: null, after: [] },
          passport: { before: '[redacted]', after: '[redacted]' },
        },
      },
      { names: new Map([['u-taras', 'Taras Melnyk']]) },
    );
    expect(changes.map(c => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      'Role: Manager → Head',
      'Status: Active → Dismissed',
      'Permissions: empty → View contacts (own); Read the audit log',
      'Notes: hidden → empty',
      // A user id reads as the name where the screen may list users, else stays an id.
      'Owner: u-unknown → Taras Melnyk',
      // Phones: empty → empty (a record created without phones) is not a change worth a line.
      'passport: hidden → hidden',
    ]);
  });
});
