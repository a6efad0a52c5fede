// @vitest-environment jsdom
/**
 * The companies screens with a scripted bridge: deleting a company that has documents (the dialog
 * counts them, confirming destroys them before the company), bringing a deleted company back, and
 * the "Show deleted" filter — each only for the roles main would allow — and the edit form’s
 * similar-name hint.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { DocumentInfo } from '../../../src-shared/ipc/documents';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { ok, OWNER } from '../../app/test-support';
import {
  confirmDeleteWithDocuments,
  documentsUntilShredded,
  renderWithApp,
  setUpRecordScreenTests,
} from '../../components/records/records-test-support';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { company, companySummary } from './companies-test-support';
import { CompaniesScreen } from './CompaniesScreen';
import { useCompaniesStore } from './store';

setUpRecordScreenTests(OWNER);

const DELETED_AT = '2026-11-29T08:00:00.000Z';

function doc(n: number): DocumentInfo {
  return {
    id: `d-${n}`,
    recordType: 'company',
    recordId: 'co-1',
    ownerId: 'u-1',
    ownerName: 'Олена Коваленко',
    fileName: `договір-${n}.pdf`,
    mimeType: 'application/pdf',
    size: 1024 * n,
    sha256: 'ab'.repeat(32),
    createdAt: '2026-11-02T10:00:00.000Z',
  };
}

function renderScreen(api: ZamokApi, language: 'uk' | 'en' = 'en') {
  return renderWithApp(api, <CompaniesScreen />, language);
}

/** Main as the owner sees it: one company with two documents until they are destroyed. */
function ownerMain() {
  let current = company();
  return scriptedApi({
    companies: {
      get: async () => ok(current),
      delete: async () => {
        current = company({ deletedAt: DELETED_AT, deletedBy: 'u-1', updatedAt: DELETED_AT });
        return ok({ id: current.id, deletedAt: DELETED_AT });
      },
      restore: async () => {
        current = company({ updatedAt: '2026-11-29T08:05:00.000Z' });
        return ok(current);
      },
      contacts: async () => ok({ items: [], nextCursor: null }),
    },
    documents: documentsUntilShredded([doc(1), doc(2)]),
    users: { list: async () => ok([]) },
    activities: { timeline: async () => ok({ items: [], nextCursor: null }) },
  });
}

describe('deleting a company with documents', () => {
  it('the dialog counts them in Ukrainian; confirming destroys them, then deletes the company', async () => {
    const { api, calls } = ownerMain();
    useCompaniesStore.setState({ view: { kind: 'detail', id: 'co-1' } });
    renderScreen(api, 'uk');
    expect(await screen.findByText('договір-2.pdf')).toBeTruthy();
    // The page's Delete, not a document's own (those sit inside the Documents section).
    const pageDelete = screen
      .getAllByRole('button', { name: 'Видалити' })
      .find(button => button.closest('section') === null);
    if (!pageDelete) throw new Error('no Delete button on the company page');
    fireEvent.click(pageDelete);
    expect(
      await screen.findByText(
        'До компанії додано 2 документи. Їх буде знищено назавжди — відновити їх не вийде.',
      ),
    ).toBeTruthy();
    const record = { type: 'company', id: 'co-1' } as const;
    await confirmDeleteWithDocuments(calls, 'Видалити', record, 'companies.delete');
    // The page now says the company is deleted, offers Restore, and shows no documents.
    expect(await screen.findByRole('button', { name: 'Відновити' })).toBeTruthy();
    expect(screen.getByText(/Компанію видалено/)).toBeTruthy();
    expect(screen.queryByText('договір-1.pdf')).toBeNull();
    // Its timeline is out of reach in main while deleted: no panel that could only fail.
    expect(screen.queryByRole('heading', { name: 'Хронологія' })).toBeNull();

    // Restored: the company is live again, and the destroyed documents stay gone.
    fireEvent.click(screen.getByRole('button', { name: 'Відновити' }));
    expect(await screen.findByText('Документів поки немає')).toBeTruthy();
    expect(inputsOf(calls, 'companies.restore')).toEqual([{ id: 'co-1' }]);
    expect(screen.queryByRole('button', { name: 'Відновити' })).toBeNull();
    expect(screen.queryByText(/Компанію видалено/)).toBeNull();
    expect(screen.queryByText('договір-1.pdf')).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Хронологія' })).toBeTruthy();
  });

  it('without documents the dialog warns of none, and nothing is shredded', async () => {
    const { api, calls } = scriptedApi({
      companies: {
        get: async () => ok(company()),
        delete: async () => ok({ id: 'co-1', deletedAt: DELETED_AT }),
        contacts: async () => ok({ items: [], nextCursor: null }),
      },
      documents: { list: async () => ok([]) },
      users: { list: async () => ok([]) },
    });
    useCompaniesStore.setState({ view: { kind: 'detail', id: 'co-1' } });
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(inputsOf(calls, 'documents.list').length).toBeGreaterThan(1));
    expect(within(dialog).queryByText(/documents? (is|are) attached/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(inputsOf(calls, 'companies.delete')).toEqual([{ id: 'co-1' }]));
    expect(inputsOf(calls, 'documents.deleteForRecord')).toEqual([]);
  });
});

describe('deleted companies', () => {
  it('a manager’s deleted company says who can restore it, with no Restore button', async () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'manager', grants: BUILT_IN_GRANTS.manager },
    });
    const { api } = scriptedApi({
      companies: {
        get: async () => ok(company({ deletedAt: DELETED_AT })),
        contacts: async () => ok({ items: [], nextCursor: null }),
      },
    });
    useCompaniesStore.setState({ view: { kind: 'detail', id: 'co-1' } });
    renderScreen(api);
    expect(await screen.findByText(/The owner of the app can restore it\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('"Show deleted" asks main for deleted ones too and marks them; a manager has no such switch', async () => {
    const deleted = companySummary({ id: 'co-2', name: 'Будмайстер Захід', deletedAt: DELETED_AT });
    const { api, calls } = scriptedApi({
      companies: {
        list: async input =>
          ok({
            items: input.filter?.includeDeleted ? [companySummary(), deleted] : [companySummary()],
            nextCursor: null,
          }),
      },
      users: { list: async () => ok([]) },
    });
    const view = renderScreen(api);
    expect(await screen.findByText('ТОВ «Пекарня Світанок»')).toBeTruthy();
    expect(screen.queryByText('Deleted')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: 'Show deleted' }));
    const row = await screen.findByRole('option', { name: /Будмайстер Захід/ });
    expect(within(row).getByText('Deleted')).toBeTruthy();
    expect(inputsOf(calls, 'companies.list')).toEqual([
      { sort: 'name', direction: 'asc', filter: {}, limit: 50 },
      { sort: 'name', direction: 'asc', filter: { includeDeleted: true }, limit: 50 },
    ]);

    view.unmount();
    resetAllStores();
    useSessionStore.setState({
      user: { ...OWNER, role: 'manager', grants: BUILT_IN_GRANTS.manager },
    });
    renderScreen(api);
    expect(await screen.findByText('ТОВ «Пекарня Світанок»')).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'Show deleted' })).toBeNull();
  });

  it('a custom field filter in the toolbar asks main for filter.custom', async () => {
    const { api, calls } = scriptedApi({
      companies: { list: async () => ok({ items: [companySummary()], nextCursor: null }) },
      fields: {
        list: async () =>
          ok([
            {
              id: 'field-1',
              recordType: 'company' as const,
              label: 'Галузь',
              kind: 'choice' as const,
              options: ['Хліб', 'Молоко'],
              position: 1,
              archived: false,
            },
          ]),
      },
      users: { list: async () => ok([]) },
    });
    renderScreen(api);
    const select = (await screen.findByLabelText('Галузь')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'Хліб' } });
    await waitFor(() => expect(inputsOf(calls, 'companies.list')).toHaveLength(2));
    expect(inputsOf(calls, 'companies.list')[1]).toEqual({
      sort: 'name',
      direction: 'asc',
      filter: { custom: [{ fieldId: 'field-1', equals: 'Хліб' }] },
      limit: 50,
    });
  });
});

describe('company edit form', () => {
  it('suggests a company with a similar name, leaving out the company being edited', async () => {
    const { api, calls } = scriptedApi({
      companies: {
        get: async () => ok(company()),
        contacts: async () => ok({ items: [], nextCursor: null }),
      },
      documents: { list: async () => ok([]) },
      users: { list: async () => ok([]) },
      records: {
        duplicates: async () =>
          ok([{ field: 'name', visible: true, recordId: 'co-7', name: 'Пекарня «Світанок»' }]),
      },
    });
    useCompaniesStore.setState({ view: { kind: 'detail', id: 'co-1' } });
    renderScreen(api, 'uk');
    fireEvent.click(await screen.findByRole('button', { name: 'Редагувати' }));
    const hint = await screen.findByText(/Можливо, той самий клієнт: «Пекарня «Світанок»»/);
    expect(hint.closest('[role="status"]')?.textContent).toContain('Об’єднати');
    expect(inputsOf(calls, 'records.duplicates').at(-1)).toEqual({
      type: 'companies',
      name: { name: 'ТОВ «Пекарня Світанок»' },
      edrpou: '32855961',
      excludeId: 'co-1',
    });
  });
});
