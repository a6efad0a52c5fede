import { afterEach, describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import { ok } from '../../app/test-support';
import { resetAllStores } from '../../stores/registry';
import { createPagedList, listInput, type BaseQuery, type ListPage } from './paged-list';

interface Row {
  id: string;
  name: string;
  deletedAt: string | null;
}

/** A list whose pages answer when the test says so, in any order. */
function scriptedList() {
  const asked: {
    query: BaseQuery;
    cursor: string | undefined;
    answer: (r: Result<ListPage<Row>>) => void;
  }[] = [];
  const list = createPagedList<Row, BaseQuery, Row>({
    initialQuery: { text: '', sort: 'name', includeDeleted: false },
    fetchPage: (_api, query, cursor) =>
      new Promise(answer => asked.push({ query, cursor, answer })),
  });
  return { list, asked };
}

const api = {} as ZamokApi;
const rows = (...names: string[]): Row[] =>
  names.map(name => ({ id: name, name, deletedAt: null }));

afterEach(() => resetAllStores());

describe('paged record list', () => {
  it('drops the answer of a search the user has already replaced', async () => {
    const { list, asked } = scriptedList();
    const first = list.loadFirstPage(api);
    list.useStore.getState().setQuery({ text: 'Шев' });
    const second = list.loadFirstPage(api);
    asked[1]?.answer(ok({ items: rows('Шевченко'), nextCursor: null }));
    asked[0]?.answer(ok({ items: rows('Бойко', 'Коваль'), nextCursor: 'c2' }));
    await Promise.all([first, second]);
    const state = list.useStore.getState();
    expect(state.items.map(r => r.name)).toEqual(['Шевченко']);
    expect(state.nextCursor).toBeNull();
    expect(state.status).toBe('ready');
  });

  it('appends the next page after the cursor, once, and keeps the rows when it fails', async () => {
    const { list, asked } = scriptedList();
    const first = list.loadFirstPage(api);
    asked[0]?.answer(ok({ items: rows('А', 'Б'), nextCursor: 'after-Б' }));
    await first;
    const next = list.loadNextPage(api);
    void list.loadNextPage(api); // still loading: no second request
    expect(asked.map(a => a.cursor)).toEqual([undefined, 'after-Б']);
    asked[1]?.answer({ ok: false, error: { code: 'internal', message: 'internal' } });
    await next;
    expect(list.useStore.getState().items.map(r => r.name)).toEqual(['А', 'Б']);
    expect(list.useStore.getState().status).toBe('error');
    const retry = list.retryNextPage(api);
    asked[2]?.answer(ok({ items: rows('В'), nextCursor: null }));
    await retry;
    expect(list.useStore.getState().items.map(r => r.name)).toEqual(['А', 'Б', 'В']);
  });

  it('remember() updates a row in place and drops a deleted one unless deleted ones show', async () => {
    const { list, asked } = scriptedList();
    const first = list.loadFirstPage(api);
    asked[0]?.answer(ok({ items: rows('А', 'Б'), nextCursor: null }));
    await first;
    list.remember({ id: 'А', name: 'А2', deletedAt: null }, r => r);
    list.remember({ id: 'Б', name: 'Б', deletedAt: '2026-11-29T08:00:00.000Z' }, r => r);
    expect(list.useStore.getState().items.map(r => r.name)).toEqual(['А2']);
    expect(list.useStore.getState().current?.name).toBe('Б');
    // A restored record the list no longer holds: reload when the list shows again.
    list.remember({ id: 'Б', name: 'Б', deletedAt: null }, r => r, true);
    expect(list.useStore.getState().loadedQuery).toBeNull();
  });

  it('builds the channel input: trimmed text, natural direction, extra filters, the page size', () => {
    const query = { text: '  Київ ', sort: 'updated', includeDeleted: true } as const;
    expect(listInput(query, { tag: 'VIP' }, 'c9')).toEqual({
      sort: 'updated',
      direction: 'desc',
      filter: { text: 'Київ', tag: 'VIP', includeDeleted: true },
      limit: 50,
      cursor: 'c9',
    });
  });
});
