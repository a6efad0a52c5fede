// @vitest-environment jsdom
/**
 * The company list's filters (issue 18, point 6): "date created" goes to `companies.list` as
 * instants, the owner filter (wide scopes) as `ownerId`, and saved filters of the company list save
 * the current filter and apply a saved one.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SavedFilter } from '../../../src-shared/ipc/views';
import { ok, OWNER } from '../../app/test-support';
import {
  renderWithApp,
  setUpRecordScreenTests,
} from '../../components/records/records-test-support';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { companySummary } from './companies-test-support';
import { CompaniesScreen } from './CompaniesScreen';

setUpRecordScreenTests(OWNER);

const SAVED: SavedFilter = {
  id: 'f-1',
  list: 'companies',
  name: 'Дарини',
  filter: { ownerId: 'u-2', created: { period: 'custom', from: '2026-11-01', to: '2026-11-30' } },
  updatedAt: '2026-11-02T10:00:00.000Z',
};

function filterApi() {
  return scriptedApi({
    companies: { list: async () => ok({ items: [companySummary()], nextCursor: null }) },
    users: {
      list: async () => ok([]),
      colleagues: async () => ok([{ id: 'u-2', displayName: 'Дарина Мельник' }]),
    },
    views: {
      savedFilters: async input => ok(input.list === 'companies' ? [SAVED] : []),
      saveFilter: async input =>
        ok({ id: 'f-2', updatedAt: '2026-11-03T10:00:00.000Z', ...input } as SavedFilter),
    },
  });
}

type ListInput = { filter: Record<string, unknown> };

describe('company list filters', () => {
  it('filters by date created and saves the filter for the company list', async () => {
    const { api, calls } = filterApi();
    renderWithApp(api, <CompaniesScreen />);
    await screen.findByText(companySummary().name);
    const asked = () => inputsOf(calls, 'companies.list') as ListInput[];
    fireEvent.click(screen.getByLabelText('Date created', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Last month' }));
    await waitFor(() => expect(asked().at(-1)?.filter['createdFrom']).toBeDefined());
    const now = new Date();
    expect(asked().at(-1)?.filter).toEqual({
      createdFrom: new Date(now.getFullYear(), now.getMonth() - 1, 1).toISOString(),
      createdBefore: new Date(now.getFullYear(), now.getMonth(), 1).toISOString(),
    });

    fireEvent.click(screen.getByRole('button', { name: 'Save filter' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Filter name'), {
      target: { value: 'Минулого місяця' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(inputsOf(calls, 'views.saveFilter')).toHaveLength(1));
    expect(inputsOf(calls, 'views.saveFilter')[0]).toMatchObject({
      list: 'companies',
      filter: { created: { period: 'lastMonth', from: '', to: '' }, ownerId: '' },
    });
  });

  it('applies a saved filter: its owner and its custom days', async () => {
    const { api, calls } = filterApi();
    renderWithApp(api, <CompaniesScreen />);
    await screen.findByText(companySummary().name);
    fireEvent.click(screen.getByLabelText('Saved filters', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Дарини' }));
    const asked = () => inputsOf(calls, 'companies.list') as ListInput[];
    await waitFor(() => expect(asked().at(-1)?.filter['ownerId']).toBe('u-2'));
    expect(asked().at(-1)?.filter).toMatchObject({
      createdFrom: new Date(2026, 10, 1).toISOString(),
      createdBefore: new Date(2026, 11, 1).toISOString(),
    });
    // The day reads in the app's language (the app's date field, not the browser's picker).
    expect((screen.getByLabelText('Created from') as HTMLInputElement).value).toBe(
      '1 November 2026',
    );
  });
});
