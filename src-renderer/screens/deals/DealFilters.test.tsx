// @vitest-environment jsdom
/**
 * The deal list's filters (issue 18, point 6): an amount range typed as money and a "date created"
 * period go to `deals.list` as minor units and instants; the current filter saves as a saved filter
 * of the deal list (checked against the channel's strict schema by the scripted bridge), and
 * picking a saved filter applies its stage, currency and amount.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DealSummary } from '../../../src-shared/deals';
import type { SavedFilter } from '../../../src-shared/ipc/views';
import { ok, OWNER } from '../../app/test-support';
import { setUpRecordScreenTests } from '../../components/records/records-test-support';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { DEAL } from './deals-test-support';
import { showDealList } from './deal-list-test-support';

setUpRecordScreenTests(OWNER, ['list']);

const ROW: DealSummary = { ...DEAL, contactName: null, companyName: null };

const SAVED: SavedFilter = {
  id: 'f-1',
  list: 'deals',
  name: 'Великі виграні',
  filter: { pipelineId: 'pipe-1', stageId: 's-won', currency: 'UAH', amountMin: '50 000' },
  updatedAt: '2026-11-02T10:00:00.000Z',
};

function filterApi() {
  return scriptedApi({
    deals: { list: async () => ok({ items: [ROW], nextCursor: null }) },
    views: {
      savedFilters: async input => ok(input.list === 'deals' ? [SAVED] : []),
      saveFilter: async input =>
        ok({ id: 'f-2', updatedAt: '2026-11-03T10:00:00.000Z', ...input } as SavedFilter),
    },
  });
}

function show(api: ReturnType<typeof filterApi>['api']) {
  showDealList(api);
}

type ListInput = { filter: Record<string, unknown> };

describe('deal list filters', () => {
  it('sends an amount range in minor units and a created period as instants', async () => {
    const { api, calls } = filterApi();
    show(api);
    await screen.findByText(ROW.title);
    const asked = () => inputsOf(calls, 'deals.list') as ListInput[];
    fireEvent.change(screen.getByLabelText('Amount from'), { target: { value: '10 000' } });
    fireEvent.change(screen.getByLabelText('Amount to'), { target: { value: '12 500,50' } });
    await waitFor(() =>
      expect(asked().at(-1)?.filter).toMatchObject({ amountMin: 1_000_000, amountMax: 1_250_050 }),
    );

    fireEvent.click(screen.getByLabelText('Date created', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'This month' }));
    await waitFor(() => expect(asked().at(-1)?.filter['createdFrom']).toBeDefined());
    const now = new Date();
    expect(asked().at(-1)?.filter).toMatchObject({
      createdFrom: new Date(now.getFullYear(), now.getMonth(), 1).toISOString(),
      createdBefore: new Date(now.getFullYear(), now.getMonth() + 1, 1).toISOString(),
    });

    // Not an amount: said under the field, and the bound is not sent.
    fireEvent.change(screen.getByLabelText('Amount to'), { target: { value: 'багато' } });
    expect(await screen.findByText('Type an amount, e.g. 10 000')).toBeTruthy();
    await waitFor(() => expect(asked().at(-1)?.filter['amountMax']).toBeUndefined());
  });

  it('saves the current filter for the deal list and applies a saved one', async () => {
    const { api, calls } = filterApi();
    show(api);
    await screen.findByText(ROW.title);
    fireEvent.change(screen.getByLabelText('Amount from'), { target: { value: '1 000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save filter' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Filter name'), {
      target: { value: 'Від тисячі' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(inputsOf(calls, 'views.saveFilter')).toHaveLength(1));
    expect(inputsOf(calls, 'views.saveFilter')[0]).toMatchObject({
      list: 'deals',
      name: 'Від тисячі',
      filter: { pipelineId: 'pipe-1', amountMin: '1 000', amountMax: '', mine: false },
    });

    fireEvent.click(screen.getByLabelText('Saved filters', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Великі виграні' }));
    const asked = () => inputsOf(calls, 'deals.list') as ListInput[];
    await waitFor(() =>
      expect(asked().at(-1)?.filter).toEqual({
        pipelineId: 'pipe-1',
        stageId: 's-won',
        currency: 'UAH',
        amountMin: 5_000_000,
      }),
    );
    expect((screen.getByLabelText('Amount from') as HTMLInputElement).value).toBe('50 000');
  });
});
