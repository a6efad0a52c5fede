/**
 * Which sections have addressable pages below `#/<section>` (./routes.ts). One line per section;
 * a section not listed here is routed as `#/<section>` alone.
 */
import { companiesList } from '../screens/companies/store';
import { contactsList } from '../screens/contacts/store';
import { useDealsStore, type DealsView } from '../screens/deals/store';
import { OFFICE_PAGES, useOfficeView } from '../screens/office/store';
import { PRIVACY_TABS, usePrivacyView } from '../screens/privacy/store';
import { recordViewRoute, registerSectionRoute, type SectionRoute } from './routes';

let pendingEdit: string | null = null;
useDealsStore.subscribe(state => {
  if (pendingEdit === null) return;
  if (state.view.kind !== 'detail' || state.view.id !== pendingEdit) pendingEdit = null;
  else if (state.current?.id === pendingEdit) {
    pendingEdit = null;
    state.show({ kind: 'edit', deal: state.current });
  }
});

/** The deals section's pages: board (home), `list`, `new`, `import`, `<id>` and `<id>/edit`. */
const dealsRoute: SectionRoute = {
  read: () => {
    const { view } = useDealsStore.getState();
    if (view.kind === 'board') return [];
    if (view.kind === 'list' || view.kind === 'new' || view.kind === 'import') return [view.kind];
    return view.kind === 'edit' ? [view.deal.id, 'edit'] : [view.id];
  },
  open: path => {
    const deals = useDealsStore.getState();
    const [first, second] = path;
    if (first === undefined || first === 'board' || first === 'list') {
      deals.goHome(first === 'list' ? 'list' : 'board');
    } else if (path.length === 1) {
      deals.show(
        first === 'new' || first === 'import' ? { kind: first } : { kind: 'detail', id: first },
      );
    } else if (path.length === 2 && second === 'edit') {
      // The form edits the deal its page loaded; without it (a link, an unlock) that page opens
      // first and the form follows once the deal is there.
      const view: DealsView =
        deals.current?.id === first
          ? { kind: 'edit', deal: deals.current }
          : { kind: 'detail', id: first };
      deals.show(view);
      pendingEdit = view.kind === 'detail' ? first : null;
    } else return false;
    return true;
  },
  subscribe: listener => useDealsStore.subscribe(listener),
};

registerSectionRoute('contacts', recordViewRoute(contactsList.useStore));
registerSectionRoute('companies', recordViewRoute(companiesList.useStore));
registerSectionRoute('deals', dealsRoute);
registerSectionRoute('privacy', {
  read: () => {
    const { tab } = usePrivacyView.getState();
    return tab === 'register' ? [] : [tab];
  },
  open: path => {
    const tab = path.length === 0 ? 'register' : PRIVACY_TABS.find(each => each === path[0]);
    if (!tab || path.length > 1) return false;
    if (usePrivacyView.getState().tab !== tab) usePrivacyView.getState().show(tab);
    return true;
  },
  subscribe: listener => usePrivacyView.subscribe(listener),
});
registerSectionRoute('office', {
  read: () => [useOfficeView.getState().page],
  open: path => {
    const page = path.length === 0 ? 'conflicts' : OFFICE_PAGES.find(each => each === path[0]);
    if (!page || path.length > 1) return false;
    if (useOfficeView.getState().page !== page) useOfficeView.getState().show(page);
    return true;
  },
  subscribe: listener => useOfficeView.subscribe(listener),
});
