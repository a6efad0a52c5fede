// @vitest-environment jsdom
/**
 * The company merge flow (issue 15 point 4) through the same dialog, button and history as
 * contacts: three companies side by side, the company fields that differ get a radio each, the
 * choices go to `merges.merge` as `type: 'companies'`; "Об'єднати з…" on a company page picks the
 * duplicate from the caller's own companies list; the history undoes a company merge.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../../src-shared/ipc';
import { Providers } from '../../../app/Providers';
import { installDomShims } from '../../../app/test-support';
import { createI18n } from '../../../i18n';
import { company, companySummary } from '../../../screens/companies/companies-test-support';
import { resetAllStores } from '../../../stores/registry';
import { inputsOf, ok, scriptedApi } from '../../../test-support/scripted-api';
import { companyMerge } from './kinds';
import { MergeDialog } from './MergeDialog';
import { MergeHistory } from './MergeHistory';
import { MergeWithButton } from './MergeWithButton';

beforeAll(() => installDomShims());
afterEach(() => {
  cleanup();
  resetAllStores();
});

const BAKERY = company({ id: 'co-1', website: null, legalAddress: 'Київ, вул. Хрещатик, 1' });
const COPY = company({ id: 'co-2', name: 'Пекарня Світанок', website: 'svitanok.ua' });
const THIRD = company({ id: 'co-3', name: 'ТОВ Світанок', edrpou: null });
const BY_ID = new Map([BAKERY, COPY, THIRD].map(c => [c.id, c]));

const MERGED = {
  mergeId: 'm-1',
  type: 'companies' as const,
  survivorId: 'co-1',
  mergedIds: ['co-2', 'co-3'],
  moved: {},
};

function show(node: React.ReactNode, api: ZamokApi, language: 'uk' | 'en' = 'uk') {
  render(
    <Providers api={api} i18n={createI18n(language)} env="test">
      {node}
    </Providers>,
  );
}

function checked(element: HTMLElement): boolean {
  return (element as HTMLInputElement).checked;
}

describe('company merge dialog', () => {
  it('shows three companies, offers only the differing company fields and sends the picks', async () => {
    const { api, calls } = scriptedApi({
      companies: { get: async input => ok(BY_ID.get((input as { id: string }).id) ?? BAKERY) },
      merges: { merge: async () => ok(MERGED) },
    });
    const onMerged = vi.fn();
    show(
      <MergeDialog
        kind={companyMerge}
        ids={['co-1', 'co-2', 'co-3']}
        opened
        onClose={vi.fn()}
        onMerged={onMerged}
      />,
      api,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Об’єднання компаній' });
    const copyName = await within(dialog).findByRole('radio', { name: 'Назва: Пекарня Світанок' });
    // Same РНОКПП and actual address everywhere: no choice; the survivor's empty website
    // defaults to the copy's; phones and notes are combined, and the dialog says so.
    expect(within(dialog).queryByRole('radio', { name: /^РНОКПП:/ })).toBeNull();
    expect(within(dialog).queryByRole('radio', { name: /^Фактична адреса:/ })).toBeNull();
    expect(checked(within(dialog).getByRole('radio', { name: 'Сайт: svitanok.ua' }))).toBe(true);
    expect(within(dialog).getAllByRole('radio', { name: /^ЄДРПОУ:/ })).toHaveLength(3);
    expect(dialog.textContent).toContain('Буде об’єднано: телефони, нотатки.');
    fireEvent.click(copyName);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Об’єднати' }));
    await waitFor(() => expect(onMerged).toHaveBeenCalledWith(MERGED));
    expect(inputsOf(calls, 'merges.merge')).toEqual([
      {
        type: 'companies',
        survivorId: 'co-1',
        mergedIds: ['co-2', 'co-3'],
        fields: {
          name: 'co-2',
          edrpou: 'co-1',
          legalAddress: 'co-1',
          website: 'co-2',
        },
      },
    ]);
    expect(inputsOf(calls, 'contacts.get')).toEqual([]);
  });

  it('picks the duplicate from the companies list on a company page', async () => {
    const { api, calls } = scriptedApi({
      companies: {
        list: async () =>
          ok({
            items: [companySummary({ id: 'co-2', name: 'Пекарня Світанок' })],
            nextCursor: null,
          }),
        get: async input => ok(BY_ID.get((input as { id: string }).id) ?? BAKERY),
      },
      merges: { merge: async () => ok({ ...MERGED, mergedIds: ['co-2'] }) },
    });
    const onMerged = vi.fn();
    show(<MergeWithButton kind={companyMerge} id="co-1" onMerged={onMerged} />, api, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Merge with…' }));
    const picker = await screen.findByRole('dialog', { name: 'Merge with another company' });
    fireEvent.click(within(picker).getByLabelText('The duplicate company', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Пекарня Світанок' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge companies' });
    await within(dialog).findByRole('radio', { name: 'Name: Пекарня Світанок' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(onMerged).toHaveBeenCalled());
    expect(inputsOf(calls, 'merges.merge')).toEqual([
      expect.objectContaining({ type: 'companies', survivorId: 'co-1', mergedIds: ['co-2'] }),
    ]);
    expect(inputsOf(calls, 'companies.list')[0]).toMatchObject({ sort: 'name', limit: 20 });
  });

  it('undoes a company merge from the history', async () => {
    const { api, calls } = scriptedApi({
      merges: {
        history: async () =>
          ok([
            {
              id: 'm-1',
              type: 'companies',
              survivorId: 'co-1',
              mergedIds: ['co-2'],
              mergedAt: '2026-12-01T09:00:00.000Z',
              mergedBy: 'u-1',
              unmergedAt: null,
            },
          ]),
        unmerge: async () =>
          ok({ mergeId: 'm-1', type: 'companies', survivorId: 'co-1', restoredIds: ['co-2'] }),
      },
    });
    const onUnmerged = vi.fn();
    show(<MergeHistory type="companies" id="co-1" onUnmerged={onUnmerged} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Скасувати об’єднання' }));
    await waitFor(() => expect(onUnmerged).toHaveBeenCalled());
    expect(inputsOf(calls, 'merges.history')[0]).toEqual({ type: 'companies', id: 'co-1' });
    expect(inputsOf(calls, 'merges.unmerge')).toEqual([{ type: 'companies', mergeId: 'm-1' }]);
  });
});
