// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { OfficeAuditEntryView, OfficeAuditPage } from '../../../src-shared/ipc/audit';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { ok, OWNER } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { AuditScreen } from './AuditScreen';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();

const DEVICE = '5e0c2f1a-8b7d-4c3e-9a21-0f1e2d3c4b5a';

function officeEntry(seq: number, extra: Partial<OfficeAuditEntryView> = {}): OfficeAuditEntryView {
  return {
    seq,
    at: new Date(Date.UTC(2026, 11, 7, 9, 0, seq)).toISOString(),
    userLogin: 'anna',
    deviceId: null,
    action: 'auth.sign_in',
    entityType: null,
    entityId: null,
    outcome: 'ok',
    changes: null,
    details: null,
    officeDeviceId: DEVICE,
    userId: 'user-anna',
    problem: null,
    ...extra,
  };
}

/** The bridge of a vault whose own log is empty: `office` answers the office view's pages. */
function officeApi(office: ZamokApi['audit']['office'], users: UserSummary[] = []) {
  return scriptedApi({
    audit: {
      list: async () => ok({ entries: [], nextBeforeSeq: null }),
      actions: async () => ok({ actions: [] }),
      office,
    },
    users: { list: async () => ok(users) },
  });
}

describe('audit screen: this computer or the office', () => {
  it("switches to the other laptops' entries, naming the user and computer, and flags those that do not verify", async () => {
    useSessionStore.setState({ user: OWNER });
    const page: OfficeAuditPage = {
      joined: true,
      entries: [officeEntry(8, { problem: 'seq_gap' }), officeEntry(7)],
      nextBefore: null,
      problems: 1,
    };
    const { api, calls } = officeApi(
      async () => ok(page),
      [
        {
          id: 'user-anna',
          login: 'office-user-anna',
          displayName: 'Анна Коваль',
          role: 'manager',
          teamId: null,
          status: 'active',
          lastSignInAt: null,
          totpEnabled: false,
          mustChangePassword: false,
          createdAt: '2026-12-01T00:00:00.000Z',
        },
      ],
    );
    renderWithApi(<AuditScreen />, api);
    fireEvent.click(await screen.findByRole('radio', { name: 'The office' }));
    const table = await screen.findByRole('table', { name: 'Audit entries' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + two entries
    expect(rows[1]?.textContent).toContain('Анна Коваль');
    expect(rows[1]?.textContent).toContain(`computer ${DEVICE.slice(0, 8)}`);
    expect(rows[1]?.textContent).toContain('Entries missing before it');
    expect(rows[2]?.textContent).not.toContain('missing');
    expect((await screen.findByRole('alert')).textContent).toContain(
      '1 entry from other computers does not match their chain',
    );
    expect(inputsOf(calls, 'audit.office').at(-1)).toEqual({ limit: 100 });
  });

  it('pages the office entries with "Load older" (before the oldest shown) until the last page', async () => {
    useSessionStore.setState({ user: OWNER });
    const first: OfficeAuditPage = {
      joined: true,
      entries: [officeEntry(8), officeEntry(7)],
      nextBefore: 7,
      problems: 0,
    };
    const older: OfficeAuditPage = { ...first, entries: [officeEntry(6)], nextBefore: null };
    const { api, calls } = officeApi(async input => ok(input.before === undefined ? first : older));
    renderWithApi(<AuditScreen />, api);
    fireEvent.click(await screen.findByRole('radio', { name: 'The office' }));
    const table = await screen.findByRole('table', { name: 'Audit entries' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    fireEvent.click(await screen.findByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(inputsOf(calls, 'audit.office').at(-1)).toEqual({ limit: 100, before: 7 });
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
  });

  it('says so when the other computers have sent nothing yet', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api } = officeApi(async () =>
      ok({ joined: true, entries: [], nextBefore: null, problems: 0 }),
    );
    renderWithApi(<AuditScreen />, api);
    fireEvent.click(await screen.findByRole('radio', { name: 'The office' }));
    expect(
      await screen.findByText('The other computers of the office have sent no log entries yet.'),
    ).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Audit entries' })).toBeNull();
  });

  it('offers no office view to a vault that has not joined an office', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api, calls } = officeApi(async () =>
      ok({ joined: false, entries: [], nextBefore: null, problems: 0 }),
    );
    renderWithApi(<AuditScreen />, api);
    await screen.findByText('No entries match these filters. Change or clear them.');
    expect(inputsOf(calls, 'audit.office')).toEqual([{ limit: 1 }]);
    expect(screen.queryByRole('radio', { name: 'The office' })).toBeNull();
  });
});
