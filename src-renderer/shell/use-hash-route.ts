/**
 * Keeps the address bar's hash and the navigation stores in agreement while the signed-in shell is
 * shown (./routes.ts). A store change pushes a history entry (so back/forward walk the pages); a
 * hash change (back/forward, a pasted link) opens that page. An unknown route, or a section this
 * role cannot open, falls back to the dashboard (or the first open section) and replaces the entry.
 */
import { useEffect } from 'react';
import { useNavigationStore, type Section } from '../stores/navigation';
import { onRouteHold } from './route-hold';
import './route-table';
import { currentRoute, formatHash, parseHash, sectionRoute, registeredRoutes } from './routes';

/** The hash-route sync for the signed-in shell; `visible` the sections this role can open. */
export function useHashRoute(visible: readonly Section[]): void {
  const key = visible.join(',');
  useEffect(() => {
    const sections = key.split(',') as Section[];
    const fallback = sections.includes('dashboard') ? 'dashboard' : sections[0];
    let applying = false;
    let active = true;
    let queued = false;

    const write = (replace: boolean) => {
      const hash = formatHash(currentRoute(useNavigationStore.getState().section));
      if (hash === window.location.hash) return;
      if (replace) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
      // A new page opens at its top (a saved record's page, not the form's scroll position).
      document.documentElement.scrollTop = 0;
    };
    // Store changes made together (a search hit sets the record, then the section) are one page
    // and one history entry: the write waits for the end of the current task's synchronous work.
    const follow = () => {
      if (applying || queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (active) write(false);
      });
    };
    const apply = () => {
      // No hash yet (a fresh sign-in): the section the store holds, if this role can open it.
      const stored = useNavigationStore.getState().section;
      const route =
        window.location.hash === ''
          ? currentRoute(sections.includes(stored) ? stored : (sections[0] ?? stored))
          : parseHash(window.location.hash);
      applying = true;
      try {
        const target = route && sections.includes(route.section) ? route : null;
        const section = target?.section ?? fallback;
        if (!section) return;
        useNavigationStore.getState().select(section);
        const pages = sectionRoute(section);
        if (pages && !pages.open(target?.path ?? [])) pages.open([]);
        // A fallback or a corrected path replaces the entry rather than adding one.
        write(true);
      } finally {
        applying = false;
      }
    };
    const onHashChange = () => {
      const { section } = useNavigationStore.getState();
      if (window.location.hash !== formatHash(currentRoute(section))) apply();
    };

    apply();
    const unsubscribes = [
      useNavigationStore.subscribe(follow),
      ...registeredRoutes().map(route => route.subscribe(follow)),
    ];
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('popstate', onHashChange);
    const stop = () => {
      active = false;
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('popstate', onHashChange);
    };
    const release = onRouteHold(stop);
    return () => {
      release();
      stop();
    };
  }, [key]);
}
