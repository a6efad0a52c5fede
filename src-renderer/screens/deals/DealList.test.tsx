// @vitest-environment jsdom
/**
 * The deal list through its paged store: the next SQL page is asked for by cursor as the end of the
 * loaded rows nears, and a filter asks afresh from the first page.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok, OWNER } from '../../app/test-support';
import type { DealSummary } from '../../../src-shared/deals';
import { setUpRecordScreenTests } from '../../components/records/records-test-support';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { dealRow, showDealList } from './deal-list-test-support';
import { PIPELINE } from './deals-test-support';
import { useDealsStore } from './store';

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

  it('shows the custom fields marked for the list in each row, formatted in Ukrainian', async () => {
    const field = (id: string, label: string, kind: 'number' | 'date' | 'yesno' | 'text') => ({
      id,
      recordType: 'deal' as const,
      label,
      kind,
      options: [],
      position: Number(id.slice(-1)),
      archived: false,
      showInList: kind !== 'text',
    });
    const rows: DealSummary[] = [
      {
        ...dealRow(1),
        contactName: 'Олена Шевчук',
        expectedClose: '2026-12-31',
        custom: { 'f-1': 1_250_000, 'f-2': '2026-12-24', 'f-3': false },
      },
      { ...dealRow(2), custom: { 'f-3': true } },
    ];
    const { api } = scriptedApi({
      deals: { list: async () => ok({ items: rows, nextCursor: null }) },
      fields: {
        list: async () =>
          ok([
            field('f-1', 'Бюджет', 'number'),
            field('f-2', 'Оплатити до', 'date'),
            field('f-3', 'Оплачено', 'yesno'),
            field('f-4', 'Примітка', 'text'),
          ]),
      },
    });
    showDealList(api, { language: 'uk' });
    await waitFor(() => expect(screen.getAllByTestId('deal-row-custom')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('deal-row-custom').map(r => r.textContent ?? '');
    expect(first?.replace(/\s/gu, ' ')).toBe(
      'Бюджет: 1 250 000 · Оплатити до: 24 грудня 2026 р. · Оплачено: Ні',
    );
    expect(second).toBe('Оплачено: Так');
    expect(screen.getAllByTestId('deal-row')[0]?.textContent).toContain('Олена Шевчук');
    // The expected close in the app's language (not the stored 2026-12-31).
    expect(screen.getAllByTestId('deal-row')[0]?.textContent).toContain('31.12.2026');
    expect(screen.getAllByTestId('deal-row')[0]?.textContent).not.toContain('2026-12-31');
    // The rows grow a line for the values (a fixed height: the virtual list stays exact).
    expect(screen.getAllByTestId('deal-row')[1]?.style.height).toBe('74px');
  });

  it('a won/lost click-through asks for the outcome closed in the month, in every pipeline', async () => {
    const { api, calls } = scriptedApi({
      deals: { list: async () => ok({ items: [dealRow(1)], nextCursor: null }) },
    });
    useDealsStore.setState({
      preset: {
        outcome: 'won',
        closed: { period: 'custom', from: '2026-10-01', to: '2026-10-31' },
        allPipelines: true,
      },
    });
    showDealList(api, {
      language: 'uk',
      pipelines: [PIPELINE, { ...PIPELINE, id: 'pipe-2', name: 'Опт', stages: [] }],
    });
    await screen.findAllByTestId('deal-row');
    expect(inputsOf(calls, 'deals.list')[0]).toEqual({
      sort: 'updated',
      direction: 'desc',
      filter: {
        outcome: 'won',
        closedFrom: new Date(2026, 9, 1).toISOString(),
        closedBefore: new Date(2026, 10, 1).toISOString(),
      },
      limit: 50,
    });
    // The toolbar shows what narrows the list, so the reader can change or clear it.
    expect(screen.getByLabelText('Результат', { selector: 'input' })).toHaveProperty(
      'value',
      'Виграні',
    );
    expect(screen.getByLabelText('Дата закриття', { selector: 'input' })).toHaveProperty(
      'value',
      'Свої дати',
    );
    expect(screen.getByLabelText('Закрито з')).toHaveProperty('value', '1 жовтня 2026');
    expect(screen.getByLabelText('Закрито по')).toHaveProperty('value', '31 жовтня 2026');
    const all = screen.getByRole('checkbox', { name: 'Усі воронки' });
    expect(all).toHaveProperty('checked', true);
    // Taken once: unticking "all pipelines" narrows to the shown pipeline again.
    expect(useDealsStore.getState().preset).toBeNull();
    fireEvent.click(all);
    await waitFor(() =>
      expect(
        (inputsOf(calls, 'deals.list').at(-1) as { filter: { pipelineId?: string } }).filter
          .pipelineId,
      ).toBe('pipe-1'),
    );
  });
});
