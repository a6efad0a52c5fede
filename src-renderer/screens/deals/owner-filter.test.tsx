// @vitest-environment jsdom
/**
 * The head's "Owner" filter on the deals section: offered to roles that see others' deals (not to a
 * manager), it asks main for the chosen colleague's deals on the board and in the list (main
 * applies the scope first; the filter only narrows), and it stays when the view changes. A
 * dashboard click-through opens the list filtered by a stage.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { ok, OWNER } from '../../app/test-support';
import {
  renderWithApp,
  setUpRecordScreenTests,
} from '../../components/records/records-test-support';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { PIPELINE } from './deals-test-support';
import { DealsScreen } from './DealsScreen';
import { openDealList, useDealsStore } from './store';

setUpRecordScreenTests();

const COLLEAGUES = [
  { id: 'u-head', displayName: 'Ганна Бойко' },
  { id: 'u-mgr', displayName: 'Дарина Мельник' },
];

function dealsApi() {
  return scriptedApi({
    pipelines: { list: async () => ok([PIPELINE]) },
    deals: {
      board: async () => ok({ pipeline: PIPELINE, columns: [] }),
      list: async () => ok({ items: [], nextCursor: null }),
    },
    users: { colleagues: async () => ok(COLLEAGUES) },
  });
}

function signIn(role: 'head' | 'manager', api: ZamokApi) {
  useSessionStore.setState({
    user: {
      ...OWNER,
      id: 'u-head',
      displayName: 'Ганна Бойко',
      role,
      grants: BUILT_IN_GRANTS[role],
    },
  });
  renderWithApp(api, <DealsScreen />);
}

describe('the owner filter on deals', () => {
  it('narrows the head’s board and list to the chosen colleague', async () => {
    const { api, calls } = dealsApi();
    signIn('head', api);
    await screen.findByRole('heading', { name: 'Deals', level: 1 });
    fireEvent.click(await screen.findByLabelText('Owner', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Дарина Мельник' }));
    await waitFor(() =>
      expect(inputsOf(calls, 'deals.board').at(-1)).toMatchObject({ ownerId: 'u-mgr' }),
    );
    expect(inputsOf(calls, 'deals.board')[0]).not.toHaveProperty('ownerId');
    fireEvent.click(screen.getByText('List'));
    await waitFor(() =>
      expect(inputsOf(calls, 'deals.list').at(-1)).toMatchObject({
        filter: { ownerId: 'u-mgr' },
      }),
    );
  });

  it('is not offered to a manager, who sees only their own deals anyway', async () => {
    const { api } = dealsApi();
    signIn('manager', api);
    await screen.findByRole('heading', { name: 'Deals', level: 1 });
    expect(screen.queryByLabelText('Owner', { selector: 'input' })).toBeNull();
  });

  it('a dashboard click-through opens the list on that stage, once', async () => {
    const { api, calls } = dealsApi();
    openDealList('pipe-1', { stageId: 's-won' });
    signIn('head', api);
    await waitFor(() =>
      expect(inputsOf(calls, 'deals.list')[0]).toMatchObject({
        filter: { pipelineId: 'pipe-1', stageId: 's-won' },
      }),
    );
    expect(useDealsStore.getState().preset).toBeNull();
  });
});
