/** A table that scrolls sideways on a narrow window, with one header row of column names. */
import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

type DataTableProps = Omit<TableProps, 'children'> & {
  /** Below this width the table scrolls instead of squeezing its columns. */
  minWidth: number;
  /** Header cells, left to right (text, or e.g. a visually hidden label). */
  columns: readonly ReactNode[];
  /** The body rows (`<Table.Tr>`s). */
  children: ReactNode;
};

/** The scroll container's box is focusable, so the keyboard can scroll a wide table too. */
export const SCROLL_FOCUSABLE = { viewportProps: { tabIndex: 0 } };

/** `Table.ScrollContainer` + `Table` + `<thead>` from `columns` + `<tbody>` with `children`. */
export function DataTable({ minWidth, columns, children, ...table }: DataTableProps) {
  return (
    // A narrow window (200% zoom) scrolls the table inside its card, also from the keyboard: the
    // scrolling box takes the focus (axe: scrollable-region-focusable).
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={SCROLL_FOCUSABLE}>
      <Table {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={index}>{column}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
