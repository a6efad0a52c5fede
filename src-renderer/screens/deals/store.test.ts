// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useNavigationStore } from '../../stores/navigation';
import { resetAllStores } from '../../stores/registry';
import { ok } from '../../app/test-support';
import { scriptedApi } from '../../test-support/scripted-api';
import { DEAL } from './deals-test-support';
import { loadDeal, openDeal, useDealsStore } from './store';

afterEach(() => resetAllStores());

describe('deals store', () => {
  it('opens a deal from another section: the Deals section shows that deal’s page', () => {
    useNavigationStore.getState().select('contacts');
    openDeal('deal-42');
    expect(useNavigationStore.getState().section).toBe('deals');
    expect(useDealsStore.getState().view).toEqual({ kind: 'detail', id: 'deal-42' });
  });

  it('keeps the list as the place "back" returns to after a deal was opened from search', () => {
    useDealsStore.getState().goHome('list');
    openDeal('deal-7');
    expect(useDealsStore.getState().home).toBe('list');
    useDealsStore.getState().goHome(useDealsStore.getState().home);
    expect(useDealsStore.getState().view).toEqual({ kind: 'list' });
  });

  it('forgets the open deal, the form and the pipeline on lock or sign-out', () => {
    useDealsStore.getState().selectPipeline('pipe-wholesale');
    openDeal('deal-42');
    useDealsStore.getState().goHome('list');
    useDealsStore.getState().show({ kind: 'detail', id: 'deal-9' });

    resetAllStores();

    expect(useDealsStore.getState().view).toEqual({ kind: 'board' });
    expect(useDealsStore.getState().home).toBe('board');
    expect(useDealsStore.getState().pipelineId).toBeNull();
    expect(useNavigationStore.getState().section).toBe('contacts');
  });

  it('asks main afresh each time a deal’s page opens (the board may have moved it meanwhile)', async () => {
    const { api } = scriptedApi({ deals: { get: async () => ok(DEAL) } });
    openDeal('deal-1');
    await loadDeal(api, 'deal-1');
    expect(useDealsStore.getState().current?.id).toBe('deal-1');
    // The same page shown again keeps it; back to the board, the edit form or another deal forget it.
    openDeal('deal-1');
    expect(useDealsStore.getState().current?.id).toBe('deal-1');
    useDealsStore.getState().goHome('board');
    expect(useDealsStore.getState().current).toBeNull();
    openDeal('deal-1');
    await loadDeal(api, 'deal-1');
    useDealsStore.getState().show({ kind: 'edit', deal: DEAL });
    expect(useDealsStore.getState().current).toBeNull();
  });

  it('drops a deal that arrives after its page was left', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>(done => (release = done));
    const { api } = scriptedApi({
      deals: {
        get: async () => {
          await gate;
          return ok(DEAL);
        },
      },
    });
    openDeal('deal-1');
    const loading = loadDeal(api, 'deal-1');
    useDealsStore.getState().goHome('board');
    release();
    expect((await loading).ok).toBe(true);
    expect(useDealsStore.getState().current).toBeNull();
  });
});
