// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useNavigationStore } from './navigation';
import { createResettableStore, resetAllStores } from './registry';
import { useSessionStore } from './session';

interface ClientList {
  clients: string[];
  add: (name: string) => void;
}

describe('resetAllStores', () => {
  it('wipes every registered store back to its initial state, including later-added fields', () => {
    const useClients = createResettableStore<ClientList>(set => ({
      clients: [],
      add: name => set(state => ({ clients: [...state.clients, name] })),
    }));
    useClients.getState().add('Іван Петренко');
    useClients.setState({ secretNote: 'VIP' } as Partial<ClientList>);
    useSessionStore.setState({
      screen: 'app',
      user: { id: 'u1', login: 'olena', displayName: 'Олена', role: 'owner', grants: {} },
    });
    useNavigationStore.getState().select('deals');

    resetAllStores();

    expect(useClients.getState().clients).toEqual([]);
    expect('secretNote' in useClients.getState()).toBe(false);
    expect(useSessionStore.getState().user).toBeNull();
    expect(useSessionStore.getState().screen).toBe('loading');
    expect(useNavigationStore.getState().section).toBe('contacts');
  });

  it('leaves the stores usable after a reset', () => {
    const useClients = createResettableStore<ClientList>(set => ({
      clients: [],
      add: name => set(state => ({ clients: [...state.clients, name] })),
    }));
    resetAllStores();
    useClients.getState().add('ТОВ «Ромашка»');
    expect(useClients.getState().clients).toEqual(['ТОВ «Ромашка»']);
  });
});
