// @vitest-environment jsdom
/**
 * The record list's rows are memoised (RecordListRow.tsx, issue 19 point 5): when the listbox
 * renders again — a scroll frame, a new highlight — only the rows whose own props changed render;
 * the rest are React's skipped work. Counted through the screen's `renderRow`. A row is plain
 * markup (./record-row.css), no Mantine component per element.
 */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContactSummary } from '../../../src-shared/contacts';
import { ok } from '../../app/test-support';
import { summary } from '../../screens/contacts/contacts-test-support';
import { scriptedApi } from '../../test-support/scripted-api';
import { createPagedList } from './paged-list';
import { RecordListbox, RecordRowContent, RowEnd, RowOwner } from './RecordListbox';
import { renderWithApp, setUpRecordScreenTests } from './records-test-support';

setUpRecordScreenTests();

const list = createPagedList<ContactSummary, { text: string }, ContactSummary>({
  initialQuery: { text: '' },
  fetchPage: async () =>
    ok({ items: Array.from({ length: 40 }, (_, i) => summary(i + 1)), nextCursor: null }),
});

const rendered: string[] = [];
function renderRow(item: ContactSummary) {
  rendered.push(item.id);
  return <span>{item.surname}</span>;
}
const onOpen = (): void => undefined;

describe('memoised record rows', () => {
  it('a new highlight renders the two rows it moved between, not every row on screen', async () => {
    const { api } = scriptedApi({});
    await list.loadFirstPage(api);
    renderWithApp(
      api,
      <RecordListbox
        list={list}
        names={{ ns: 'contacts', row: 'contact' }}
        onOpen={onOpen}
        renderRow={renderRow}
      />,
    );
    expect(await screen.findByText('Шевченко1')).toBeTruthy();
    const onScreen = screen.getAllByRole('option').length;
    expect(onScreen).toBeGreaterThan(10);

    rendered.length = 0;
    act(() => list.useStore.getState().select(3));
    expect(screen.getAllByRole('option')[3]?.getAttribute('aria-selected')).toBe('true');
    expect(rendered.sort()).toEqual(['c-1', 'c-4']);

    // The listbox renders again with nothing changed for any row (e.g. a load starts): no row.
    rendered.length = 0;
    act(() => list.useStore.setState({ status: 'loading-more' }));
    expect(screen.getByRole('listbox').getAttribute('aria-busy')).toBe('true');
    expect(rendered).toEqual([]);
  });

  it('a row is plain markup: name, deleted mark, details, three tags, the owner with a tooltip', async () => {
    const { api } = scriptedApi({});
    await list.loadFirstPage(api);
    const rowOf = (item: ContactSummary) => (
      <RecordRowContent
        title={`${item.surname} ${item.givenName}`}
        deleted={item.id === 'c-2' ? 'Видалений' : null}
        detail="ТОВ «Ромашка» · +380 67 123 4567"
        end={
          <RowEnd tags={['vip', 'опт', 'київ', 'зайвий']}>
            <RowOwner name="Олена Шевченко" />
          </RowEnd>
        }
      />
    );
    renderWithApp(
      api,
      <RecordListbox
        list={list}
        names={{ ns: 'contacts', row: 'contact' }}
        onOpen={onOpen}
        renderRow={rowOf}
        selectable
      />,
    );
    await screen.findAllByText('Шевченко2 Тарас');
    const second = document.getElementById('contact-row-c-2');
    if (!second) throw new Error('no row c-2');
    expect(second.textContent).toBe(
      'Шевченко2 ТарасВидалений' + 'ТОВ «Ромашка» · +380 67 123 4567' + 'vipопткиївОШОлена Шевченко',
    );
    expect(second.querySelector('[title="Олена Шевченко"]')?.getAttribute('data-person')).toBe(
      'Олена Шевченко',
    );
    expect(second.querySelector('[data-row-box]')?.getAttribute('aria-hidden')).toBe('true');
    const rows = screen.getAllByRole('option');
    expect(rows.every(row => row.querySelector('[class*="mantine-"]') === null)).toBe(true);
    expect(document.getElementById('contact-row-c-1')?.textContent).not.toContain('Видалений');
  });
});
