/**
 * "Who can see what": rows are permissions (grouped, in words), columns are roles, each cell a scope
 * badge (own / team / all), ✓ or —; the last row lists each role's active users. Built from the live
 * role definitions the main process returns (`roles.matrix`).
 */
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleMatrixRow } from '../../../src-shared/ipc/roles';
import {
  cellOf,
  groupedPermissions,
  permissionLabel,
  roleLabel,
  type MatrixCell,
} from './role-grants';
import { StatusBadge } from './StatusBadge';
import { SCROLL_FOCUSABLE } from '../../components/DataTable';

const SCOPE_COLORS = { own: 'blue', team: 'grape', all: 'orange' } as const;

function Cell({ cell }: { cell: MatrixCell }) {
  const { t } = useTranslation();
  if (cell === 'no') {
    return (
      <>
        <Text span c="dimmed" aria-hidden="true">
          —
        </Text>
        <VisuallyHidden>{t('admin.roles.notGranted')}</VisuallyHidden>
      </>
    );
  }
  if (cell === 'yes') {
    return (
      <>
        <Text span c="teal.9" fw={700} aria-hidden="true">
          ✓
        </Text>
        <VisuallyHidden>{t('admin.roles.granted')}</VisuallyHidden>
      </>
    );
  }
  return <StatusBadge color={SCOPE_COLORS[cell]}>{t(`admin.scopes.${cell}`)}</StatusBadge>;
}

/** The matrix table (scrolls sideways when there are many roles). */
export function RoleMatrix({ rows }: { rows: readonly RoleMatrixRow[] }) {
  const { t } = useTranslation();
  const columns = rows.length + 1;
  return (
    <Table.ScrollContainer minWidth={200 + rows.length * 120} scrollAreaProps={SCROLL_FOCUSABLE}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        aria-label={t('admin.roles.matrixLabel')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.roles.permission')}</Table.Th>
            {rows.map(row => (
              <Table.Th key={row.role.id} scope="col" ta="center">
                {roleLabel(t, row.role)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groupedPermissions().map(({ group, permissions }) => (
            <Fragment key={group}>
              <Table.Tr bg="var(--mantine-color-gray-0)">
                <Table.Th scope="colgroup" colSpan={columns} fz="xs" tt="uppercase" c="dimmed">
                  {t(`admin.groups.${group}`)}
                </Table.Th>
              </Table.Tr>
              {permissions.map(permission => (
                <Table.Tr key={permission}>
                  <Table.Th scope="row" fw={400}>
                    {permissionLabel(t, permission)}
                  </Table.Th>
                  {rows.map(row => (
                    <Table.Td key={row.role.id} ta="center">
                      <Cell cell={cellOf(row.role.grants, permission)} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Fragment>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('admin.roles.usersOf')}</Table.Th>
            {rows.map(row => (
              <Table.Td key={row.role.id} ta="center" fz="sm" valign="top">
                {row.users.length === 0 ? (
                  <Text span c="dimmed" size="sm">
                    {t('admin.roles.nobody')}
                  </Text>
                ) : (
                  row.users.map(user => <div key={user.id}>{user.displayName}</div>)
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
