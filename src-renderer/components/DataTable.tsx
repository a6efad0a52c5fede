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

/** `Table.ScrollContainer` + `Table` + `<thead>` from `columns` + `<tbody>` with `children`. */
export function DataTable({ minWidth, columns, children, ...table }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
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
