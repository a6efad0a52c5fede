// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { SearchResult } from '../../../src-shared/ipc/search';
import type { Result } from '../../../src-shared/ipc/contract';
import { ok, OWNER } from '../../app/test-support';
import { GlobalSearch } from './GlobalSearch';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests(OWNER);

const GREEN: SearchResult = {
  companies: [{ id: 'c-1', title: 'ТОВ «Зелений Гай»', subtitle: '32855961' }],
};

function renderSearch(api: ZamokApi) {
  renderWithApi(<GlobalSearch />, api, 'uk');
  return screen.getByRole('combobox', { name: 'Пошук' });
}

/** The texts main was asked for, in order. */
function askedTexts(calls: { name: string; input: unknown }[]): string[] {
  return calls.filter(c => c.name === 'search.query').map(c => (c.input as { text: string }).text);
}

describe('global search box', () => {
  it('asks again when reopened with the same text: a restored company is found', async () => {
    let restored = false;
    const { api, calls } = scriptedApi({
      search: { query: async () => ok(restored ? GREEN : {}) },
    });
    const box = renderSearch(api);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'Зелений' } });
    expect(
      await screen.findByText(
        'Нічого не знайдено за «Зелений». Спробуйте інше слово або частину номера.',
      ),
    ).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('false'));

    // The company comes back while the box is closed; Ctrl+K with the same text finds it.
    restored = true;
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    fireEvent.focus(box);
    const list = await screen.findByRole('listbox', { name: 'Пошук' });
    expect(await within(list).findByRole('option', { name: /Зелений Гай/ })).toBeTruthy();
    expect(screen.queryByText(/Нічого не знайдено/)).toBeNull();
    expect(askedTexts(calls)).toEqual(['Зелений', 'Зелений']);
  });

  it('never lets a late answer for an older text replace the answer for the newer one', async () => {
    let releaseOld: (r: Result<SearchResult>) => void = () => undefined;
    let oldAsked = false;
    const { api } = scriptedApi({
      search: {
        query: input => {
          const { text } = input as { text: string };
          if (text === 'Зел') {
            oldAsked = true;
            return new Promise<Result<SearchResult>>(r => (releaseOld = r));
          }
          return Promise.resolve(ok(text === 'Зелений Гай' ? GREEN : {}));
        },
      },
    });
    const box = renderSearch(api);
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: 'Зел' } });
    // Wait until the short text was really asked (after the debounce), then type on.
    await waitFor(() => expect(oldAsked).toBe(true));
    fireEvent.change(box, { target: { value: 'Зелений Гай' } });
    const list = await screen.findByRole('listbox', { name: 'Пошук' });
    expect(await within(list).findByRole('option', { name: /Зелений Гай/ })).toBeTruthy();

    // The answer for "Зел" (nothing) arrives last: the newer answer stays.
    // Let the late answer's continuation run (one event-loop turn, no fixed wait).
    await act(async () => {
      releaseOld(ok({}));
      await new Promise<void>(resolve => setImmediate(resolve));
    });
    expect(within(list).getByRole('option', { name: /Зелений Гай/ })).toBeTruthy();
    expect(screen.queryByText(/Нічого не знайдено/)).toBeNull();
  });
});
