/**
 * Computers seen at sign-in: name, status (pending ones highlighted and listed first), last attempt,
 * and approve / revoke / rename. Names are machine names (host names), which the owner may change.
 */
import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../src-shared/ipc/devices';
import { StatusBadge } from '../admin/StatusBadge';
import { formatWhen } from '../backups/backup-api';
import { DataTable } from '../../components/DataTable';

const STATUS_COLOR = { pending: 'orange', approved: 'green', revoked: 'gray' } as const;

interface DeviceTableProps {
  devices: DeviceView[];
  busyId: string | null;
  onApprove(id: string): void;
  onRevoke(id: string): void;
  onRename(id: string, label: string): Promise<boolean>;
}

/** The table, or its empty state. */
export function DeviceTable({ devices, busyId, onApprove, onRevoke, onRename }: DeviceTableProps) {
  const { t, i18n } = useTranslation();
  const [renaming, setRenaming] = useState<DeviceView | null>(null);
  const [label, setLabel] = useState('');

  if (devices.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('security.devices.list.empty')}
      </Text>
    );
  }
  const submitRename = async () => {
    if (!renaming || label.trim().length === 0) return;
    if (await onRename(renaming.id, label.trim())) setRenaming(null);
  };

  return (
    <>
      <DataTable
        minWidth={560}
        verticalSpacing="sm"
        aria-label={t('security.devices.list.caption')}
        columns={[
          t('security.devices.list.name'),
          t('security.devices.list.status'),
          t('security.devices.list.seen'),
          t('security.devices.list.actions'),
        ]}
      >
        {devices.map(device => (
          <Table.Tr
            key={device.id}
            data-status={device.status}
            bg={device.status === 'pending' ? 'var(--mantine-color-orange-0)' : undefined}
          >
            <Table.Td>
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {device.label}
                  {device.current ? (
                    <Text span size="sm" c="dimmed" fw={400}>
                      {` (${t('security.devices.list.thisComputer')})`}
                    </Text>
                  ) : null}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {device.id}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td>
              <StatusBadge color={STATUS_COLOR[device.status]}>
                {t(`security.devices.list.${device.status}`)}
              </StatusBadge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatWhen(t, i18n.language, device.lastSeenAt)}</Text>
              <Text size="xs" c="dimmed">
                {t('security.devices.list.firstSeen', {
                  date: formatWhen(t, i18n.language, device.firstSeenAt),
                })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <StatusButton
                  device={device}
                  busy={busyId === device.id}
                  onRevoke={onRevoke}
                  onApprove={onApprove}
                />
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => {
                    setLabel(device.label);
                    setRenaming(device);
                  }}
                  aria-label={`${t('security.devices.list.rename')}: ${device.label}`}
                >
                  {t('security.devices.list.rename')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Modal
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title={t('security.devices.renameDialog.title')}
      >
        <form
          onSubmit={event => {
            event.preventDefault();
            void submitRename();
          }}
        >
          <Stack gap="md">
            <TextInput
              label={t('security.devices.renameDialog.label')}
              description={t('security.devices.renameDialog.hint')}
              value={label}
              maxLength={80}
              data-autofocus
              onChange={event => setLabel(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRenaming(null)}>
                {t('security.devices.renameDialog.cancel')}
              </Button>
              <Button type="submit" disabled={label.trim().length === 0}>
                {t('security.devices.renameDialog.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Revoke on an approved computer, Approve on any other; named with the computer's label. */
function StatusButton(props: {
  device: DeviceView;
  busy: boolean;
  onRevoke: (id: string) => void;
  onApprove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { device } = props;
  const revoke = device.status === 'approved';
  const label = t(revoke ? 'security.devices.list.revoke' : 'security.devices.list.approve');
  return (
    <Button
      size="xs"
      variant={revoke ? 'default' : undefined}
      loading={props.busy}
      onClick={() => (revoke ? props.onRevoke : props.onApprove)(device.id)}
      aria-label={`${label}: ${device.label}`}
    >
      {label}
    </Button>
  );
}
