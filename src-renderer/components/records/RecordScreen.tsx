/**
 * A record section's pages: the list (default), a record's page, and the create/edit form. Which
 * one shows lives in the paged list's store (`view`), so other screens can open a record's page.
 */
import type { ComponentType } from 'react';
import { useState } from 'react';
import type { PagedList, RecordRow } from './paged-list';

/** A record page's props; `A` what the role may do. */
export interface RecordDetailProps<A> {
  id: string;
  abilities: A;
  onBack: () => void;
  onEdit: () => void;
}

/** The create/edit form's props; `record` null = a new one. `onDone` gets the saved id. */
export interface RecordFormProps<R> {
  record: R | null;
  onDone: (id: string) => void;
  onCancel: () => void;
}

/** The list page's props. */
export interface RecordListProps<A> {
  abilities: A;
  /** This opening of the section (see `PagedListState.loadedVisit`). */
  visit: number;
  onOpen: (id: string) => void;
  onNew: () => void;
}

/** The page of the section the store's `view` names. */
export function RecordScreen<S extends RecordRow, Q, R extends RecordRow, E, A>(props: {
  list: PagedList<S, Q, R, E>;
  abilities: A;
  Detail: ComponentType<RecordDetailProps<A>>;
  Form: ComponentType<RecordFormProps<R>>;
  List: ComponentType<RecordListProps<A>>;
  /** The section's import wizard (`#/<section>/import`), if it has one. */
  Import?: ComponentType<{ onClose: () => void }>;
}) {
  const { list, abilities, Detail, Form, List, Import } = props;
  const [visit] = useState(list.nextVisit);
  const view = list.useStore(state => state.view);
  const setView = list.useStore(state => state.setView);
  const current = list.useStore(state => state.current);

  const toList = () => setView({ kind: 'list' });
  const toDetail = (id: string) => setView({ kind: 'detail', id });
  switch (view.kind) {
    case 'detail':
      return (
        <Detail
          key={view.id}
          id={view.id}
          abilities={abilities}
          onBack={toList}
          onEdit={() => setView({ kind: 'edit', id: view.id })}
        />
      );
    case 'new':
      return <Form record={null} onDone={toDetail} onCancel={toList} />;
    case 'import':
      if (Import) return <Import onClose={toList} />;
      return (
        <List
          abilities={abilities}
          visit={visit}
          onOpen={toDetail}
          onNew={() => setView({ kind: 'new' })}
        />
      );
    case 'edit':
      // The form edits the record the detail page loaded; without it, show that page first.
      if (current?.id !== view.id) {
        return (
          <Detail
            id={view.id}
            abilities={abilities}
            onBack={toList}
            onEdit={() => setView({ kind: 'edit', id: view.id })}
          />
        );
      }
      return (
        <Form key={view.id} record={current} onDone={toDetail} onCancel={() => toDetail(view.id)} />
      );
    default:
      return (
        <List
          abilities={abilities}
          visit={visit}
          onOpen={toDetail}
          onNew={() => setView({ kind: 'new' })}
        />
      );
  }
}
