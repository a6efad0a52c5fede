// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useNavigationStore } from '../../stores/navigation';
import { resetAllStores } from '../../stores/registry';
import { openDeal, useDealsStore } from './store';

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
});
