/**
 * One row of a record listbox (./RecordListbox.tsx), memoised: a scroll frame re-renders the
 * listbox (the virtualizer moved) but not the rows already on screen. Every prop is stable while
 * the list scrolls — the item (the store keeps loaded items), the row's place (its `top` follows
 * its index, not the scroll position), one shared `onActivate` for all rows, and the screen's
 * `renderRow` / `rowStyle` — so React skips the rows and renders only the ones scrolled into view
 * (issue 19 point 5; bench/scroll-frames.ts measures it). The markup is plain elements with the
 * classes of ./record-row.css (Mantine's look, no component per element).
 */
import { memo, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import type { RecordRow } from './paged-list';
import './record-row.css';

/** What one row gets; keep every value stable across scroll frames (no inline objects). */
export interface RecordListRowProps<S extends RecordRow> {
  item: S;
  index: number;
  /** The row's offset in the list (the virtual item's `start`). */
  top: number;
  height: number;
  selected: boolean;
  /** DOM id prefix, e.g. `contact` → `contact-row-<id>` (aria-activedescendant points at it). */
  rowPrefix: string;
  /** A click on the row: one callback for every row, told which row. */
  onActivate: (index: number, id: string) => void;
  renderRow: (item: S) => ReactNode;
  rowStyle?: ((item: S) => CSSProperties) | undefined;
  /** Chosen for bulk actions (./selection.ts); undefined when the list has no bulk actions. */
  checked?: boolean | undefined;
  /** A click on the row's box: one callback for every row, told which row and whether Shift was down. */
  onToggle?: ((id: string, shift: boolean) => void) | undefined;
}

function RecordListRowView<S extends RecordRow>(props: RecordListRowProps<S>) {
  const { item, index, onActivate } = props;
  return (
    <div
      id={`${props.rowPrefix}-row-${item.id}`}
      role="option"
      aria-selected={props.selected}
      aria-checked={props.checked}
      onClick={() => onActivate(index, item.id)}
      className="zk-row"
      style={rowStyleOf(props)}
    >
      {props.checked !== undefined && props.onToggle ? (
        <div className="zk-row__with-box">
          <RowBox checked={props.checked} onToggle={shift => props.onToggle?.(item.id, shift)} />
          <div className="zk-row__grow">{props.renderRow(item)}</div>
        </div>
      ) : (
        props.renderRow(item)
      )}
    </div>
  );
}

/**
 * The row's place (`.zk-row` makes it absolute across the list; only its height and offset are
 * its own), and the screen's own style for it (e.g. dimmed when deleted).
 */
function rowStyleOf<S extends RecordRow>(props: RecordListRowProps<S>): CSSProperties {
  const place = { height: props.height, transform: `translateY(${props.top}px)` };
  return props.rowStyle ? { ...place, ...props.rowStyle(props.item) } : place;
}

/** The memoised row (shallow prop comparison; see the file comment for why that holds). */
export const RecordListRow = memo(RecordListRowView) as <S extends RecordRow>(
  props: RecordListRowProps<S> & { key?: string },
) => ReactElement;

/**
 * A row's bulk box: a picture of a checkbox, not a control of its own (a control inside an option
 * would be a nested interactive element); the option carries `aria-checked`, Space toggles it.
 */
function RowBox(props: { checked: boolean; onToggle: (shift: boolean) => void }) {
  return (
    <span
      aria-hidden
      data-row-box
      className="zk-row__box"
      onClick={event => {
        event.stopPropagation();
        props.onToggle(event.shiftKey);
      }}
    >
      <span className="zk-row__box-mark" data-checked={props.checked || undefined} />
    </span>
  );
}
