/**
 * A record section's pages: the list (default), a record's page, and the create/edit form. Which
 * one shows lives in the paged list's store (`view`), so other screens can open a record's page.
 */
import { Fragment, useState, type ReactNode } from 'react';
import type { PagedList, RecordRow } from './paged-list';

/** How a section draws its pages; `record` null in `form` = a new one. */
export interface RecordPages<R> {
  detail: (id: string, onBack: () => void, onEdit: () => void) => ReactNode;
  form: (record: R | null, onDone: (id: string) => void, onCancel: () => void) => ReactNode;
  list: (visit: number, onOpen: (id: string) => void, onNew: () => void) => ReactNode;
}

/** The page of the section the store's `view` names. */
export function RecordScreen<S extends RecordRow, Q, R extends RecordRow, E>(props: {
  list: PagedList<S, Q, R, E>;
  pages: RecordPages<R>;
}) {
  const { list, pages } = props;
  const [visit] = useState(list.nextVisit);
  const view = list.useStore(state => state.view);
  const setView = list.useStore(state => state.setView);
  const current = list.useStore(state => state.current);

  const toList = () => setView({ kind: 'list' });
  const toDetail = (id: string) => setView({ kind: 'detail', id });
  switch (view.kind) {
    case 'detail':
      return (
        <Fragment key={view.id}>
          {pages.detail(view.id, toList, () => setView({ kind: 'edit', id: view.id }))}
        </Fragment>
      );
    case 'new':
      return pages.form(null, toDetail, toList);
    case 'edit':
      // The form edits the record the detail page loaded; without it, show that page first.
      if (current?.id !== view.id)
        return pages.detail(view.id, toList, () => setView({ kind: 'edit', id: view.id }));
      return (
        <Fragment key={view.id}>{pages.form(current, toDetail, () => toDetail(view.id))}</Fragment>
      );
    default:
      return pages.list(visit, toDetail, () => setView({ kind: 'new' }));
  }
}
