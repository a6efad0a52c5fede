/**
 * The destinations table: folder, last backup, last verification, warnings, and per-folder actions
 * (history, back up here, remove), plus the field to add a folder.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings, BackupStatus } from '../../../src-shared/ipc/backup';
import { formatWhen, newDestinationId, runErrorText } from './backup-api';
import { FileCell } from './FileCell';
import { MONOSPACE_INPUT } from '../../components/input-styles';
import { DataTable } from '../../components/DataTable';

interface DestinationsCardProps {
  settings: BackupSettings;
  status: BackupStatus;
  running: boolean;
  selected: string | null;
  onSelect: (id: string) => void;
  onRun: (id: string) => void;
  /** Saves settings with the destinations changed; resolves true when saved. */
  onSaveDestinations: (destinations: BackupSettings['destinations']) => Promise<boolean>;
  /** The caller cannot change the folders (backups use the owner's passphrase): no add or remove. */
  readOnly?: boolean;
}

/** Destinations with their state; adding and removing a folder saves the settings. */
export function DestinationsCard(props: DestinationsCardProps) {
  const { settings, status, running, selected, onSelect, onRun, onSaveDestinations } = props;
  const { t, i18n } = useTranslation();
  const [newPath, setNewPath] = useState('');
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const stateOf = (id: string) => status.destinations.find(d => d.id === id);

  const add = async () => {
    const path = newPath.trim();
    if (!path) return;
    setSaving(true);
    const saved = await onSaveDestinations([
      ...settings.destinations,
      { id: newDestinationId(), path },
    ]);
    setSaving(false);
    if (saved) setNewPath('');
  };

  const remove = async () => {
    const id = removing;
    setRemoving(null);
    if (id) await onSaveDestinations(settings.destinations.filter(d => d.id !== id));
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="backup-destinations">
      <Stack gap="md">
        <Title order={2} size="h4" id="backup-destinations">
          {t('backups.destinations.heading')}
        </Title>
        {settings.destinations.length === 0 ? (
          <Stack gap={4}>
            <Text fw={500}>{t('backups.destinations.emptyTitle')}</Text>
            <Text size="sm" c="dimmed">
              {t('backups.destinations.emptyText')}
            </Text>
          </Stack>
        ) : (
          <DataTable
            minWidth={640}
            verticalSpacing="sm"
            columns={[
              t('backups.destinations.path'),
              t('backups.destinations.lastBackup'),
              t('backups.destinations.lastVerified'),
              t('backups.destinations.state'),
              t('backups.destinations.actions'),
            ]}
          >
            {settings.destinations.map(destination => {
              const state = stateOf(destination.id);
              const warnings = state?.warnings ?? [];
              return (
                <Table.Tr
                  key={destination.id}
                  bg={selected === destination.id ? 'var(--mantine-color-gray-1)' : undefined}
                >
                  <Table.Td>
                    <FileCell
                      name={destination.path}
                      problem={
                        state?.lastError
                          ? t('backups.destinations.lastError', {
                              error: runErrorText(t, state.lastErrorReason),
                            })
                          : null
                      }
                    />
                  </Table.Td>
                  <Table.Td>{formatWhen(t, i18n.language, state?.lastSuccessAt ?? null)}</Table.Td>
                  <Table.Td>{formatWhen(t, i18n.language, state?.lastVerifiedAt ?? null)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {warnings.length === 0 ? (
                        <Badge color="teal" c="dark.8" variant="light">
                          {t('backups.destinations.ok')}
                        </Badge>
                      ) : (
                        warnings.map(w => (
                          <Badge key={w} color="orange" c="dark.8" variant="light">
                            {t(`backups.destinations.warnings.${w}`)}
                          </Badge>
                        ))
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-pressed={selected === destination.id}
                        onClick={() => onSelect(destination.id)}
                      >
                        {t('backups.destinations.history')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={running}
                        onClick={() => onRun(destination.id)}
                      >
                        {t('backups.destinations.runHere')}
                      </Button>
                      {props.readOnly ? null : (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(destination.id)}
                        >
                          {t('backups.destinations.remove')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        )}
        {/* The browser host has no file dialog; Electron will add a "Choose…" button (dialog channel). */}
        {props.readOnly ? null : (
          <form
            onSubmit={event => {
              event.preventDefault();
              void add();
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                style={{ flex: 1 }}
                label={t('backups.destinations.addLabel')}
                description={t('backups.destinations.addHint')}
                value={newPath}
                onChange={event => setNewPath(event.currentTarget.value)}
                spellCheck={false}
                styles={MONOSPACE_INPUT}
              />
              <Button type="submit" variant="light" loading={saving} disabled={!newPath.trim()}>
                {t('backups.destinations.add')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('backups.destinations.removeTitle')}
        closeButtonProps={{ 'aria-label': t('backups.destinations.cancel') }}
      >
        <Stack gap="md">
          <Text size="sm">{t('backups.destinations.removeText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
              {t('backups.destinations.cancel')}
            </Button>
            <Button color="red" onClick={() => void remove()}>
              {t('backups.destinations.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
