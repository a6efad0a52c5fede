// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { RoleInfo, RoleMatrixRow } from '../../../src-shared/ipc/roles';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { ok, OWNER } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { useSessionStore } from '../../stores/session';
import { PERMISSIONS } from '../../../src-shared/permissions';
import { draftOf, grantsOfDraft, groupedPermissions, PERMISSION_GROUPS } from './role-grants';
import { RolesTab } from './RolesTab';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { BUILT_IN_ROLE_INFOS } from './admin-test-support';

setUpScreenTests();
beforeAll(() => {
  // jsdom has no layout: Mantine's combobox scrolls the selected option into view.
  Element.prototype.scrollIntoView ??= () => undefined;
});

const ACCOUNTANT: RoleInfo = {
  id: 'custom-5f0c2a9e-1b7d-4c3e-9a8f-0d1e2f3a4b5c',
  name: 'Бухгалтер',
  builtIn: false,
  grants: { 'contacts.read': 'all', 'analytics.read': true },
};

function rows(custom: RoleInfo[] = []): RoleMatrixRow[] {
  return [...BUILT_IN_ROLE_INFOS, ...custom].map(role => ({
    role,
    users:
      role.id === 'manager' ? [{ id: 'u-2', login: 'taras', displayName: 'Taras Melnyk' }] : [],
  }));
}

/**
 * A permission's checkbox in the role dialog, found by its label: `getByRole` walks every element
 * of the (large) dialog and computes styles for each, which took over a minute per test on a busy
 * machine.
 */
function checkbox(dialog: HTMLElement, name: string): HTMLInputElement {
  return within(dialog).getByLabelText<HTMLInputElement>(name, {
    selector: 'input[type="checkbox"]',
  });
}

/** The dialog's Save button (by its text, for the same reason). */
function saveButton(dialog: HTMLElement): HTMLElement {
  const button = within(dialog)
    .getByText('Save', { selector: 'button, button *' })
    .closest('button');
  if (!button) throw new Error('no Save button');
  return button;
}

function renderTab(api: ZamokApi) {
  renderWithApi(<RolesTab />, api);
}

describe('who can see what', () => {
  it('shows scopes, ticks and dashes from the live definitions, and who holds each role', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api } = scriptedApi({ roles: { matrix: async () => ok(rows([ACCOUNTANT])) } });
    renderTab(api);
    const table = await screen.findByRole('table', { name: 'Permissions by role' });
    const headers = [...table.querySelectorAll('thead th')].map(h => h.textContent);
    expect(headers).toEqual([
      'Permission',
      'Owner',
      'System administrator',
      'Head',
      'Manager',
      'Auditor',
      'Бухгалтер',
    ]);
    const viewRow = within(table).getByRole('rowheader', { name: 'View contacts' }).closest('tr');
    const cells = [...(viewRow?.querySelectorAll('td') ?? [])].map(td => td.textContent);
    // owner all, administrator nothing, head all, manager own, auditor nothing, custom all.
    expect(cells).toEqual(['all', '—no', 'all', 'own', '—no', 'all']);
    const auditRow = within(table)
      .getByRole('rowheader', { name: 'Read the audit log' })
      .closest('tr');
    expect([...(auditRow?.querySelectorAll('td') ?? [])].map(td => td.textContent)).toEqual([
      '✓yes',
      '—no',
      '—no',
      '—no',
      '✓yes',
      '—no',
    ]);
    const holders = within(table)
      .getByRole('rowheader', { name: 'Who holds the role' })
      .closest('tr');
    expect(holders?.textContent).toContain('Taras Melnyk');
  });
});

describe('role editor', () => {
  it('builds the grants from the ticked permissions and their scopes', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api, calls } = scriptedApi({
      roles: {
        matrix: async () => ok(rows()),
        create: async input => ok({ ...ACCOUNTANT, name: input.name, grants: input.grants }),
      },
    });
    renderTab(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Create role' }));
    const dialog = await screen.findByRole('dialog', { name: 'New role' });
    // Nothing ticked: saving is refused locally with a reason.
    fireEvent.change(within(dialog).getByLabelText(/^Role name/), {
      target: { value: '  Accountant ' },
    });
    fireEvent.click(saveButton(dialog));
    expect(within(dialog).getByText('Tick at least one permission.')).toBeTruthy();

    fireEvent.click(checkbox(dialog, 'View contacts'));
    fireEvent.click(within(dialog).getByLabelText('Scope: View contacts', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'team' }));
    fireEvent.click(checkbox(dialog, 'Export contacts'));
    fireEvent.click(checkbox(dialog, 'Read the audit log'));
    fireEvent.click(checkbox(dialog, 'See analytics'));
    fireEvent.click(checkbox(dialog, 'See analytics'));
    fireEvent.click(saveButton(dialog));

    await waitFor(() =>
      expect(inputsOf(calls, 'roles.create')).toEqual([
        {
          name: 'Accountant',
          grants: { 'contacts.read': 'team', 'contacts.export': 'own', 'audit.read': true },
        },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(inputsOf(calls, 'roles.matrix').length).toBe(2);
  });

  it('an administrator cannot tick client-data permissions or make a role wider than theirs', async () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'administrator', grants: BUILT_IN_GRANTS.administrator },
    });
    const { api } = scriptedApi({ roles: { matrix: async () => ok(rows()) } });
    renderTab(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Create role' }));
    const dialog = await screen.findByRole('dialog', { name: 'New role' });
    expect(checkbox(dialog, 'View contacts')).toHaveProperty('disabled', true);
    expect(checkbox(dialog, 'Read the audit log')).toHaveProperty('disabled', true);
    expect(checkbox(dialog, 'Manage staff')).toHaveProperty('disabled', false);
  });

  it('editing keeps a role’s existing grants unless changed; built-in roles have no Edit', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api, calls } = scriptedApi({
      roles: {
        matrix: async () => ok(rows([ACCOUNTANT])),
        update: async input => ok({ ...ACCOUNTANT, ...input, grants: input.grants ?? {} }),
      },
    });
    renderTab(api);
    expect(await screen.findByRole('button', { name: 'Edit role Бухгалтер' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Edit role/ }).length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Edit role Бухгалтер' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(checkbox(dialog, 'Create contacts'));
    fireEvent.click(saveButton(dialog));
    await waitFor(() =>
      expect(inputsOf(calls, 'roles.update')).toEqual([
        {
          id: ACCOUNTANT.id,
          name: 'Бухгалтер',
          grants: { 'contacts.read': 'all', 'contacts.create': true, 'analytics.read': true },
        },
      ]),
    );
  });

  it('every declared permission has a name in both languages and a group of its own', () => {
    for (const language of ['uk', 'en'] as const) {
      const i18n = createI18n(language);
      for (const permission of PERMISSIONS) {
        expect(i18n.exists(`admin.permissions.${permission}`), `${language} ${permission}`).toBe(
          true,
        );
      }
      for (const group of PERMISSION_GROUPS) {
        expect(i18n.exists(`admin.groups.${group}`), `${language} ${group}`).toBe(true);
      }
    }
    expect(
      groupedPermissions()
        .flatMap(g => g.permissions)
        .sort(),
    ).toEqual([...PERMISSIONS].sort());
  });

  it('a draft round-trips any grants map, and unticked scoped permissions default to own', () => {
    for (const grants of Object.values(BUILT_IN_GRANTS)) {
      expect(grantsOfDraft(draftOf(grants))).toEqual(grants);
    }
    expect(
      grantsOfDraft({ checked: new Set(['contacts.share', 'backup.manage']), scopes: {} }),
    ).toEqual({
      'contacts.share': 'own',
      'backup.manage': true,
    });
  });
});
