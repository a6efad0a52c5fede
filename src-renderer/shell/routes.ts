/**
 * Hash routes: `#/<section>` and, for sections that register their pages, `#/<section>/<page…>`
 * (`#/contacts/<id>`, `#/contacts/<id>/edit`, `#/contacts/new`, `#/contacts/import`, `#/deals/list`…). The stores stay
 * the source of truth; the route is what they show, written to the address bar as they change and
 * read back on a hash change (back/forward, a pasted link) or when the shell mounts (after an
 * unlock: the same page again). A section without a registration is routed as `#/<section>` only.
 *
 * A section registers its pages with one line (./route-table.ts):
 * `registerSectionRoute('contacts', recordViewRoute(contactsList.useStore));`
 */
import type { StoreApi } from 'zustand';
import type { RecordView } from '../components/records/paged-list';
import { SECTIONS, type Section } from '../stores/navigation';

/** One section's own pages as the path below `#/<section>`. */
export interface SectionRoute {
  /** The path of the page the section shows now ([] = its list or home). */
  read: () => string[];
  /** Shows the page `path` names; false when it names none (the caller then goes home). */
  open: (path: readonly string[]) => boolean;
  /** Calls `listener` whenever what `read()` answers may have changed; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
}

/** A parsed hash: the section and the path below it. */
export interface Route {
  section: Section;
  path: string[];
}

const routes = new Map<Section, SectionRoute>();

/** Makes `section`'s pages addressable (a later registration replaces an earlier one). */
export function registerSectionRoute(section: Section, route: SectionRoute): void {
  routes.set(section, route);
}

/** The registered pages of `section`, if any. */
export function sectionRoute(section: Section): SectionRoute | undefined {
  return routes.get(section);
}

// Record ids are UUIDs today; anything of this shape is passed on (an unknown id shows "not found").
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads `#/<section>/<path…>`; null for an empty hash, an unknown section or a malformed path. */
export function parseHash(hash: string): Route | null {
  const body = hash.replace(/^#\/?/, '');
  if (body === '') return null;
  const [head, ...path] = body.split('/');
  const section = SECTIONS.find(s => s === head);
  if (!section || path.length > 4 || !path.every(part => SEGMENT.test(part))) return null;
  return { section, path };
}

/** The hash for a route: `#/<section>` plus its path. */
export function formatHash(route: Route): string {
  return `#/${[route.section, ...route.path].join('/')}`;
}

/** Every registered section's pages (to follow their changes). */
export function registeredRoutes(): SectionRoute[] {
  return [...routes.values()];
}

/** The route of what `section` shows now. */
export function currentRoute(section: Section): Route {
  return { section, path: routes.get(section)?.read() ?? [] };
}

/** Puts `section` back on its list or home page (the current section clicked again). */
export function goHome(section: Section): void {
  routes.get(section)?.open([]);
}

/** The pages of a paged record list (contacts, companies): list, new, import, `<id>`, `<id>/edit`. */
export function recordViewRoute(store: StoreApi<{ view: RecordView }>): SectionRoute {
  const show = (view: RecordView) => store.setState({ view });
  return {
    read: () => {
      const { view } = store.getState();
      if (view.kind === 'list') return [];
      if (view.kind === 'new' || view.kind === 'import') return [view.kind];
      return view.kind === 'edit' ? [view.id, 'edit'] : [view.id];
    },
    open: path => {
      const [first, second] = path;
      if (first === undefined) show({ kind: 'list' });
      else if (path.length === 1 && first === 'new') show({ kind: 'new' });
      else if (path.length === 1 && first === 'import') show({ kind: 'import' });
      else if (path.length === 1) show({ kind: 'detail', id: first });
      else if (path.length === 2 && second === 'edit') show({ kind: 'edit', id: first });
      else return false;
      return true;
    },
    subscribe: listener => store.subscribe(listener),
  };
}
