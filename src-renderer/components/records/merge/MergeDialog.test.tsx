// @vitest-environment jsdom
/**
 * The merge dialog and the merge history (issue 15 point 4): the two contacts side by side with a
 * radio per differing field, the choice sent to `merges.merge`; "Скасувати об'єднання" in the
 * history, and a refusal because the records changed since naming the changed fields.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../../src-shared/ipc';
import { UNMERGE_CHANGED, type MergeSummary } from '../../../../src-shared/merge';
import { Providers } from '../../../app/Providers';
import { installDomShims } from '../../../app/test-support';
import { createI18n } from '../../../i18n';
import { contact } from '../../../screens/contacts/contacts-test-support';
import { resetAllStores } from '../../../stores/registry';
import { fail, inputsOf, ok, scriptedApi } from '../../../test-support/scripted-api';
import { contactMerge } from './kinds';
import { MergeDialog } from './MergeDialog';
import { MergeHistory } from './MergeHistory';

beforeAll(() => installDomShims());
afterEach(() => {
  cleanup();
  resetAllStores();
});

const KEEP = contact({ id: 'c-1', surname: 'Шевченко', source: null });
const COPY = contact({ id: 'c-2', surname: 'Шевченко-Гордій', source: 'Виставка' });

function checked(element: HTMLElement): boolean {
  return (element as HTMLInputElement).checked;
}

function show(node: React.ReactNode, api: ZamokApi, language: 'uk' | 'en' = 'uk') {
  render(
    <Providers api={api} i18n={createI18n(language)} env="test">
      {node}
    </Providers>,
  );
}

describe('merge dialog', () => {
  it('shows the differing fields side by side and sends the picked values', async () => {
    const { api, calls } = scriptedApi({
      contacts: { get: async input => ok((input as { id: string }).id === 'c-1' ? KEEP : COPY) },
      merges: {
        merge: async () =>
          ok({
            mergeId: 'm-1',
            type: 'contacts',
            survivorId: 'c-1',
            mergedIds: ['c-2'],
            moved: {},
          }),
      },
    });
    const onMerged = vi.fn();
    show(
      <MergeDialog
        kind={contactMerge}
        ids={['c-1', 'c-2']}
        opened
        onClose={vi.fn()}
        onMerged={onMerged}
      />,
      api,
    );
    const theirs = await screen.findByRole('radio', { name: 'Прізвище: Шевченко-Гордій' });
    // Only the fields that differ get a choice; the survivor's empty source defaults to the copy's.
    expect(screen.queryByRole('radio', { name: /^Ім’я:/ })).toBeNull();
    expect(checked(screen.getByRole('radio', { name: 'Джерело: Виставка' }))).toBe(true);
    expect(checked(screen.getByRole('radio', { name: 'Прізвище: Шевченко' }))).toBe(true);
    fireEvent.click(theirs);
    fireEvent.click(screen.getByRole('button', { name: 'Об’єднати' }));
    await waitFor(() => expect(onMerged).toHaveBeenCalled());
    expect(inputsOf(calls, 'merges.merge')).toEqual([
      {
        type: 'contacts',
        survivorId: 'c-1',
        mergedIds: ['c-2'],
        fields: { surname: 'c-2', source: 'c-2' },
      },
    ]);
  });

  it('keeps another record when the person picks it', async () => {
    const { api, calls } = scriptedApi({
      contacts: { get: async input => ok((input as { id: string }).id === 'c-1' ? KEEP : COPY) },
      merges: { merge: async () => fail('not_found') },
    });
    show(
      <MergeDialog
        kind={contactMerge}
        ids={['c-1', 'c-2']}
        opened
        onClose={vi.fn()}
        onMerged={vi.fn()}
      />,
      api,
      'en',
    );
    fireEvent.click(await screen.findByRole('radio', { name: 'Шевченко-Гордій Тарас Григорович' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(inputsOf(calls, 'merges.merge')).toEqual([
      expect.objectContaining({ survivorId: 'c-2', mergedIds: ['c-1'] }),
    ]);
  });
});

describe('merge history', () => {
  const MERGE: MergeSummary = {
    id: 'm-1',
    type: 'contacts',
    survivorId: 'c-1',
    mergedIds: ['c-2'],
    mergedAt: '2026-12-01T09:00:00.000Z',
    mergedBy: 'u-1',
    unmergedAt: null,
  };

  it('undoes a merge', async () => {
    const { api, calls } = scriptedApi({
      merges: {
        history: async () => ok([MERGE]),
        unmerge: async () =>
          ok({ mergeId: 'm-1', type: 'contacts', survivorId: 'c-1', restoredIds: ['c-2'] }),
      },
    });
    const onUnmerged = vi.fn();
    show(<MergeHistory type="contacts" id="c-1" onUnmerged={onUnmerged} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Скасувати об’єднання' }));
    await waitFor(() => expect(onUnmerged).toHaveBeenCalled());
    expect(inputsOf(calls, 'merges.unmerge')).toEqual([{ type: 'contacts', mergeId: 'm-1' }]);
    expect(screen.getByRole('status').textContent).toContain('Об’єднання скасовано');
  });

  it('says which fields changed when unmerge is refused', async () => {
    const { api } = scriptedApi({
      merges: {
        history: async () => ok([MERGE]),
        unmerge: async () =>
          fail('conflict', { reason: UNMERGE_CHANGED, fields: ['contacts.address'] }),
      },
    });
    const onUnmerged = vi.fn();
    show(<MergeHistory type="contacts" id="c-1" onUnmerged={onUnmerged} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Скасувати об’єднання' }));
    expect((await screen.findByRole('alert')).textContent).toContain('contacts.address');
    expect(onUnmerged).not.toHaveBeenCalled();
  });
});
