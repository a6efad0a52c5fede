// @vitest-environment jsdom
/**
 * The deal list through its paged store: the next SQL page is asked for by cursor as the end of the
 * loaded rows nears, and a filter asks afresh from the first page.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok, OWNER } from '../../app/test-support';
import { setUpRecordScreenTests } from '../../components/records/records-test-support';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { dealRow, showDealList } from './deal-list-test-support';

setUpRecordScreenTests(OWNER, ['list']);

describe('deal list', () => {
  it('pages by cursor near the end, then "Only mine" asks afresh for the owner’s deals', async () => {
    const { api, calls } = scriptedApi({
      deals: {
        list: async input =>
          ok(
            input.cursor === 'after-3'
              ? { items: [dealRow(4)], nextCursor: null }
              : { items: [dealRow(1), dealRow(2), dealRow(3)], nextCursor: 'after-3' },
          ),
      },
    });
    showDealList(api);
    await waitFor(() => expect(screen.getAllByTestId('deal-row')).toHaveLength(4));
    const asked = () => inputsOf(calls, 'deals.list') as { cursor?: string; filter: object }[];
    expect(asked().map(input => input.cursor)).toEqual([undefined, 'after-3']);
    expect(screen.getAllByTestId('deal-row')[3]?.textContent).toContain('Поставка 4');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Only mine' }));
    await waitFor(() => expect(asked().length).toBeGreaterThan(2));
    expect(asked()[2]).toEqual({
      sort: 'updated',
      direction: 'desc',
      filter: { pipelineId: 'pipe-1', ownerId: 'u-1' },
      limit: 50,
    });
  });

  it('a custom field filter asks main for filter.custom', async () => {
    const { api, calls } = scriptedApi({
      deals: { list: async () => ok({ items: [dealRow(1)], nextCursor: null }) },
      fields: {
        list: async () =>
          ok([
            {
              id: 'field-2',
              recordType: 'deal' as const,
              label: 'Терміново',
              kind: 'yesno' as const,
              options: [],
              position: 1,
              archived: false,
            },
          ]),
      },
    });
    showDealList(api);
    const select = (await screen.findByLabelText('Терміново')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'yes' } });
    const asked = () => inputsOf(calls, 'deals.list') as { filter: object }[];
    await waitFor(() =>
      expect(asked().at(-1)?.filter).toEqual({
        pipelineId: 'pipe-1',
        custom: [{ fieldId: 'field-2', equals: true }],
      }),
    );
  });
});
