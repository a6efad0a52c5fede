/**
 * The virtual record list of the contacts and companies sections: a keyboard-driven listbox over a
 * paged list (./paged-list.ts). Arrows, Page Up/Down, Home and End move the highlight, Enter opens;
 * arrows with nothing focused start in the list. Words come from `<ns>.list.*`.
 */
import { Group, Loader, Text } from '@mantine/core';
import {
  useCallback,
  useMemo,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApi } from '../../app/api';
import { initials } from '../PersonBadge';
import type { PagedList, RecordRow } from './paged-list';
import { RecordListRow } from './RecordListRow';
import { useVirtualRows } from './use-virtual-rows';
import { useShortcuts } from '../../app/shortcuts';
import { selectionOf } from './selection';

const ROW_HEIGHT = 64;
/** Ask for the next page when this few loaded rows are left below the visible ones. */
const PREFETCH_ROWS = 15;

/** The record type's names in the DOM and the catalogue. */
export interface ListNames {
  /** Catalogue section, e.g. `contacts`: `contacts.list.label`, …. */
  ns: string;
  /** Row id prefix, e.g. `contact` → `contact-row-<id>`. */
  row: string;
}

/** The list rows as a keyboard-driven listbox. */
export function RecordListbox<S extends RecordRow, Q, R extends RecordRow, E>(props: {
  list: PagedList<S, Q, R, E>;
  names: ListNames;
  onOpen: (id: string) => void;
  /** One row's content. */
  renderRow: (item: S) => ReactNode;
  /** A row's own style after its place (e.g. dimmed when deleted). */
  rowStyle?: (item: S) => CSSProperties;
  /** Rows can be chosen for bulk actions (./selection.ts): a box per row, Space toggles. */
  selectable?: boolean;
}) {
  const { list, names, onOpen } = props;
  const selection = selectionOf(list);
  const chosen = selection(state => state.ids);
  const { t } = useTranslation();
  // The listbox renders at every scroll frame: its texts are looked up once per language.
  const texts = useMemo(
    () => ({
      hint: t(`${names.ns}.list.keyboardHint`),
      label: t(`${names.ns}.list.label`),
      loadingMore: t(`${names.ns}.list.loadingMore`),
    }),
    [t, names.ns],
  );
  // The same element at every render: React skips it (a Mantine Text resolves its theme props).
  const hint = useMemo(
    () => (
      <Text size="xs" c="dimmed" mb={4}>
        {texts.hint}
      </Text>
    ),
    [texts.hint],
  );
  const api = useApi();
  const { items, status, nextCursor, selected, select } = list.useStore(
    useShallow(state => ({
      items: state.items,
      status: state.status,
      nextCursor: state.nextCursor,
      selected: state.selected,
      select: state.select,
    })),
  );
  const scrollRef = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(() => void list.loadNextPage(api), [list, api]);
  // One click handler for every row, stable while the list scrolls (rows are memoised).
  const activate = useCallback(
    (index: number, id: string) => {
      select(index);
      onOpen(id);
    },
    [select, onOpen],
  );
  // One toggle for every row (a stable prop of the memoised rows); Shift+click selects a range.
  const toggle = useCallback(
    (id: string, shift: boolean) => {
      const state = selection.getState();
      if (shift)
        state.range(
          id,
          items.map(row => row.id),
        );
      else state.toggle(id);
    },
    [selection, items],
  );
  const { virtualizer, rows } = useVirtualRows({
    count: items.length,
    rowHeight: ROW_HEIGHT,
    scrollRef,
    initialHeight: 640,
    // Back from a record: start where the selected row is.
    initialOffset: () => Math.max(0, list.useStore.getState().selected - 3) * ROW_HEIGHT,
    prefetchRows: PREFETCH_ROWS,
    canLoadMore: nextCursor !== null && status === 'ready',
    loadMore,
  });

  const move = (index: number) => {
    const target = Math.max(0, Math.min(index, items.length - 1));
    select(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };
  // Arrows with nothing focused (e.g. right after opening the section) start in the list.
  const enterList = (step: number) => {
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    scrollRef.current?.focus();
    move(selected + step);
  };
  useShortcuts([
    ['listDown', () => enterList(1), { preventDefault: false }],
    ['listUp', () => enterList(-1), { preventDefault: false }],
  ]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 640) / ROW_HEIGHT));
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selected + 1),
      ArrowUp: () => move(selected - 1),
      PageDown: () => move(selected + page),
      PageUp: () => move(selected - page),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => {
        const item = items[selected];
        if (item) onOpen(item.id);
      },
      ...(props.selectable
        ? {
            ' ': () => {
              const item = items[selected];
              if (item) selection.getState().toggle(item.id);
            },
          }
        : {}),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div style={LISTBOX_COLUMN}>
      {hint}
      <div
        ref={scrollRef}
        role="listbox"
        aria-label={texts.label}
        aria-activedescendant={
          items[selected] ? `${names.row}-row-${items[selected].id}` : undefined
        }
        aria-busy={status === 'loading-more'}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className={`${names.ns}-list`}
        style={{
          flex: 1,
          overflow: 'auto',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map(row => {
            const item = items[row.index];
            if (!item) return null;
            return (
              <RecordListRow
                key={item.id}
                item={item}
                index={row.index}
                top={row.start}
                height={ROW_HEIGHT}
                selected={row.index === selected}
                rowPrefix={names.row}
                onActivate={activate}
                renderRow={props.renderRow}
                rowStyle={props.rowStyle}
                checked={props.selectable ? chosen.has(item.id) : undefined}
                onToggle={props.selectable ? toggle : undefined}
              />
            );
          })}
        </div>
      </div>
      {status === 'loading-more' ? (
        <Group gap="xs" justify="center" py={4}>
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {texts.loadingMore}
          </Text>
        </Group>
      ) : null}
    </div>
  );
}

const LISTBOX_COLUMN: CSSProperties = {
  flex: 1,
  minHeight: 0,
  display: 'flex',
  flexDirection: 'column',
};

/**
 * A row's usual content: the name (with a "Deleted" badge), one dimmed line of details, and
 * whatever sits at the row's end. Plain texts in, no hooks: the screen works them out once per
 * record and list (./row-texts.ts), so a row scrolled into view only lays them out. Plain markup
 * with ./record-row.css classes (a list row is rendered at every scroll: no Mantine components).
 */
export function RecordRowContent(props: {
  title: string;
  /** The badge's text when the record is deleted, else null. */
  deleted: string | null;
  /** The dimmed line (./row-texts.ts `rowDetail`). */
  detail: string;
  end: ReactNode;
}) {
  return (
    <div className="zk-row__content">
      <div className="zk-row__text">
        <div className="zk-row__title-line">
          <span className="zk-row__title">{props.title}</span>
          {props.deleted !== null ? (
            <span className="zk-badge zk-badge--gray">{props.deleted}</span>
          ) : null}
        </div>
        <div className="zk-row__detail">{props.detail}</div>
      </div>
      {props.end}
    </div>
  );
}

/** A row's end: tags (at most three) as badges, then whatever follows (e.g. the owner). */
export function RowEnd(props: { tags?: readonly string[]; children?: ReactNode }) {
  return (
    <div className="zk-row__end">
      {props.tags?.slice(0, 3).map(tag => (
        <span key={tag} className="zk-badge">
          {tag}
        </span>
      ))}
      {props.children}
    </div>
  );
}

/**
 * The owner's name at a row's end (only for roles that see others' records): PersonBadge's look
 * (initials, dimmed name, the browser's tooltip) as plain markup.
 */
export function RowOwner({ name, width }: { name: string; width?: number }) {
  return (
    <span
      className="zk-person"
      data-person={name}
      title={name}
      style={width === undefined ? undefined : { width }}
    >
      <span className="zk-person__avatar" aria-hidden>
        {initials(name)}
      </span>
      <span className="zk-person__name">{name}</span>
    </span>
  );
}
