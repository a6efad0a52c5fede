/**
 * Saved filters in a list's toolbar (issue 18, point 6): pick one of the user's saved filters to
 * apply it, save the current filter under a name (the same name replaces it), delete the picked
 * one. Kept in the vault by main (`views.*`), per user and list; relative dates stay relative.
 */
import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { FilterList, SavedFilter } from '../../../src-shared/ipc/views';
import { useApi } from '../../app/api';
import { BusyButton } from '../BusyButton';
import { ErrorAlert } from '../ErrorAlert';

/** The list's filter as a saved filter holds it, and back. */
export interface SavedFilterCodec {
  current: () => SavedFilter['filter'];
  apply: (filter: SavedFilter['filter']) => void;
}

/** The saved-filter picker with its save and delete buttons. */
export function SavedFilters(props: { list: FilterList; codec: SavedFilterCodec }) {
  const { list, codec } = props;
  const { t } = useTranslation();
  const api = useApi();
  const [filters, setFilters] = useState<SavedFilter[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  const reload = useCallback(async () => {
    const result = await api.views.savedFilters({ list });
    if (result.ok) setFilters(result.value);
  }, [api, list]);
  useEffect(() => void reload(), [reload]);

  const chosen = filters.find(f => f.id === picked) ?? null;
  const pick = (id: string) => {
    setPicked(id);
    const filter = filters.find(f => f.id === id);
    if (filter) codec.apply(filter.filter);
  };
  async function remove(filter: SavedFilter) {
    const result = await api.views.deleteFilter({ id: filter.id });
    if (!result.ok) return setError(result.error);
    setPicked(null);
    await reload();
  }

  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <Select
        label={t('views.saved')}
        placeholder={filters.length ? t('views.savedPlaceholder') : t('views.savedNone')}
        data={filters.map(f => ({ value: f.id, label: f.name }))}
        value={picked}
        // Every pick applies, the same filter again too (after the user changed the list).
        onOptionSubmit={pick}
        allowDeselect={false}
        w={220}
      />
      {chosen ? (
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          mb={2}
          aria-label={t('views.remove', { name: chosen.name })}
          onClick={() => void remove(chosen)}
        >
          ×
        </ActionIcon>
      ) : null}
      <Button variant="default" onClick={() => setSaving(true)}>
        {t('views.save')}
      </Button>
      {error && !saving ? <ErrorAlert error={error} /> : null}
      {saving ? (
        <SaveDialog
          onClose={() => setSaving(false)}
          save={name => api.views.saveFilter({ list, name, filter: codec.current() })}
          onSaved={async saved => {
            setSaving(false);
            await reload();
            setPicked(saved.id);
          }}
        />
      ) : null}
    </Group>
  );
}

function SaveDialog(props: {
  onClose: () => void;
  save: (name: string) => ReturnType<ReturnType<typeof useApi>['views']['saveFilter']>;
  onSaved: (saved: SavedFilter) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  async function submit() {
    setBusy(true);
    setError(null);
    const result = await props.save(name.trim());
    setBusy(false);
    if (!result.ok) return setError(result.error);
    await props.onSaved(result.value);
  }
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('views.saveTitle')}
      closeButtonProps={{ 'aria-label': t('views.cancel') }}
      centered
    >
      <Stack>
        <TextInput
          label={t('views.saveName')}
          placeholder={t('views.saveNamePlaceholder')}
          value={name}
          onChange={event => setName(event.currentTarget.value)}
          maxLength={80}
          data-autofocus
        />
        <Text size="sm" c="dimmed">
          {t('views.saveHint')}
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('views.cancel')}
          </Button>
          <BusyButton
            busy={busy}
            busyLabel={t('views.saving')}
            disabled={name.trim() === ''}
            onClick={() => void submit()}
          >
            {t('views.saveConfirm')}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}
