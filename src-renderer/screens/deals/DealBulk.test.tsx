// @vitest-environment jsdom
/**
 * Bulk actions on the deal list (issue 18, point 6): a box per row (Shift+click ranges), the record
 * lists' bulk bar with give-to, export and delete through the `bulk` / `records.export` channels
 * with the chosen ids, no tag action (deals carry no tags), and no boxes for a role without any
 * bulk right.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkAbilities } from '../../components/records/BulkBar';
import { ok, OWNER } from '../../app/test-support';
import { setUpRecordScreenTests } from '../../components/records/records-test-support';
import { selectionOf } from '../../components/records/selection';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { dealRow, showDealList } from './deal-list-test-support';
import { dealsList } from './store';

setUpRecordScreenTests(OWNER, ['list']);

const realUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
beforeEach(() => {
  Object.assign(URL, {
    createObjectURL: () => 'blob:zamok-test',
    revokeObjectURL: () => undefined,
  });
});
afterEach(() => {
  Object.assign(URL, { createObjectURL: realUrl.create, revokeObjectURL: realUrl.revoke });
  selectionOf(dealsList).getState().set([]);
});

const ALL: BulkAbilities = { reassign: true, delete: true, export: true, tag: false };

function bulkApi() {
  return scriptedApi({
    deals: {
      list: async () =>
        ok({
          items: [1, 2, 3, 4].map(n => dealRow(n, { amountMinor: 100_000 * n })),
          nextCursor: null,
        }),
    },
    users: {
      list: async () => ok([]),
      colleagues: async () => ok([{ id: 'u-2', displayName: 'Дарина Мельник' }]),
    },
    bulk: {
      reassign: async input => ok({ type: 'deals', requested: input.ids.length, changed: 2 }),
      delete: async input => ok({ type: 'deals', requested: input.ids.length, changed: 1 }),
    },
    records: {
      export: async () =>
        ok({
          fileName: 'deals.csv',
          mimeType: 'text/csv',
          encoding: 'utf8' as const,
          content: 'title\n',
          count: 2,
        }),
    },
  });
}

function show(api: ReturnType<typeof bulkApi>['api'], bulk: BulkAbilities | undefined) {
  showDealList(api, { bulk });
}

const box = (n: number) => screen.getByRole('checkbox', { name: `Choose deal “Поставка ${n}”` });

describe('deal list bulk actions', () => {
  it('chooses by box and Shift+click, gives the deals to a colleague and reloads', async () => {
    const { api, calls } = bulkApi();
    show(api, ALL);
    await waitFor(() => expect(screen.getAllByTestId('deal-row')).toHaveLength(4));
    fireEvent.click(box(1));
    fireEvent.click(box(3), { shiftKey: true });
    expect(screen.getByText('3 records chosen')).toBeTruthy();
    // Deals have no tags: the bar offers no tag action.
    expect(screen.queryByRole('button', { name: 'Tag' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Give to…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('New owner', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Дарина Мельник' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Give' }));
    expect(await screen.findByText('2 records changed.')).toBeTruthy();
    expect(inputsOf(calls, 'bulk.reassign')).toEqual([
      { type: 'deals', ids: ['d-1', 'd-2', 'd-3'], ownerId: 'u-2' },
    ]);
    await waitFor(() => expect(inputsOf(calls, 'deals.list').length).toBeGreaterThan(1));
    expect((box(1) as HTMLInputElement).checked).toBe(false);
  });

  it('exports and deletes the chosen deals by id', async () => {
    const { api, calls } = bulkApi();
    show(api, ALL);
    await waitFor(() => expect(screen.getAllByTestId('deal-row')).toHaveLength(4));
    fireEvent.click(box(2));
    fireEvent.click(box(4));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect(await screen.findByText('2 records exported.')).toBeTruthy();
    expect(inputsOf(calls, 'records.export')).toEqual([
      { type: 'deals', format: 'csv', locale: 'en', ids: ['d-2', 'd-4'] },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('1 record changed.')).toBeTruthy();
    expect(inputsOf(calls, 'bulk.delete')).toEqual([{ type: 'deals', ids: ['d-2', 'd-4'] }]);
  });

  it('shows no boxes and no bar to a role without a bulk right', async () => {
    const { api } = bulkApi();
    show(api, { reassign: false, delete: false, export: false, tag: false });
    await waitFor(() => expect(screen.getAllByTestId('deal-row')).toHaveLength(4));
    expect(screen.queryAllByRole('checkbox', { name: /Choose deal/ })).toEqual([]);
    expect(screen.queryByRole('group', { name: 'Actions on the chosen records' })).toBeNull();
  });
});
