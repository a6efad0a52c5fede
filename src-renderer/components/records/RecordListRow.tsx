/**
 * One row of a record listbox (./RecordListbox.tsx), memoised: a scroll frame re-renders the
 * listbox (the virtualizer moved) but not the rows already on screen. Every prop is stable while
 * the list scrolls — the item (the store keeps loaded items), the row's place (its `top` follows
 * its index, not the scroll position), one shared `onActivate` for all rows, and the screen's
 * `renderRow` / `rowStyle` — so React skips the rows and renders only the ones scrolled into view
 * (issue 19 point 5; bench/scroll-frames.ts measures it).
 */
import { Checkbox, Group } from '@mantine/core';
import { memo, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import type { RecordRow } from './paged-list';
import { virtualRowStyle } from './use-virtual-rows';

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
      style={{
        ...virtualRowStyle(props.top, props.height),
        padding: '8px 16px',
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-default-border)',
        background: props.selected ? 'var(--mantine-primary-color-light)' : undefined,
        ...props.rowStyle?.(item),
      }}
    >
      {props.checked !== undefined && props.onToggle ? (
        <Group gap="sm" wrap="nowrap">
          <RowBox checked={props.checked} onToggle={shift => props.onToggle?.(item.id, shift)} />
          <div style={{ flex: 1, minWidth: 0 }}>{props.renderRow(item)}</div>
        </Group>
      ) : (
        props.renderRow(item)
      )}
    </div>
  );
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
      onClick={event => {
        event.stopPropagation();
        props.onToggle(event.shiftKey);
      }}
      style={{ padding: 6, margin: -6, cursor: 'pointer', flexShrink: 0 }}
    >
      <Checkbox.Indicator checked={props.checked} size="sm" />
    </span>
  );
}
