/**
 * The timeline's dialogs for one entry: edit (the activity is read fresh from main, so the form
 * holds its current `updatedAt`, reminder and "when") and delete (confirmation). Keys pressed in
 * them stop at the dialog: the record page's shortcuts (Escape "back to the list", E "edit the
 * record") must not fire behind it. Mantine closes the dialog on Escape in the capture phase first.
 * No corner close button: each dialog has its own Cancel (one "Cancel" per dialog, and Escape).
 */
import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, TimelineItem } from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ActivityErrorAlert } from './ActivityErrorAlert';
import { ActivityForm } from './ActivityForm';

/** Keeps a key pressed inside a dialog or menu from reaching the page's shortcuts. */
export function containKeys(event: KeyboardEvent): void {
  event.stopPropagation();
}

interface DialogProps {
  /** The entry the dialog is about; null: closed. */
  item: TimelineItem | null;
  onClose: () => void;
  /** Main no longer reaches the entry (`not_found`): the timeline reloads. */
  onGone: () => void;
}

/** "Edit entry": reads the activity, then the pre-filled form; `onSaved` gets the saved activity. */
export function EditActivityModal(props: DialogProps & { onSaved: (activity: Activity) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { item, onGone } = props;
  // What main answered, and for which entry (so reopening on another entry never shows this one).
  const [read, setRead] = useState<{ id: string; activity?: Activity; error?: CallError } | null>(
    null,
  );
  const [reads, setReads] = useState(0);

  useEffect(() => {
    if (item === null) return;
    let current = true;
    setRead(null);
    void api.activities.get({ id: item.id }).then(result => {
      if (!current) return;
      if (result.ok) return setRead({ id: item.id, activity: result.value });
      setRead({ id: item.id, error: result.error });
      if (result.error.code === 'not_found') onGone();
    });
    return () => {
      current = false;
    };
  }, [api, item, onGone, reads]);
  const shown = read !== null && read.id === item?.id ? read : null;
  const activity = shown?.activity ?? null;
  const error = shown?.error ?? null;

  return (
    <Modal
      opened={item !== null}
      onClose={props.onClose}
      title={t('activities.edit.title')}
      withCloseButton={false}
      size="lg"
      centered
      onKeyDown={containKeys}
    >
      {activity ? (
        <ActivityForm
          key={activity.updatedAt}
          activity={activity}
          onSaved={props.onSaved}
          onCancel={props.onClose}
          onReload={() => setReads(n => n + 1)}
          onGone={onGone}
        />
      ) : error ? (
        <Stack>
          <ActivityErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} data-autofocus>
              {t('activities.edit.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap="sm">
          <Loader size="xs" />
          <Text c="dimmed">{t('activities.edit.loading')}</Text>
        </Group>
      )}
    </Modal>
  );
}

/** "Delete this entry?": soft delete in main; `onDeleted` once it is gone. */
export function DeleteActivityModal(props: DialogProps & { onDeleted: (id: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { item } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  useEffect(() => setError(null), [item]);

  async function remove(id: string) {
    setBusy(true);
    const result = await api.activities.delete({ id });
    setBusy(false);
    if (result.ok) return props.onDeleted(id);
    setError(result.error);
    if (result.error.code === 'not_found') props.onGone();
  }

  return (
    <Modal
      opened={item !== null}
      onClose={props.onClose}
      title={t('activities.remove.title')}
      withCloseButton={false}
      centered
      onKeyDown={containKeys}
    >
      <Stack>
        <Text>{t('activities.remove.body', { subject: item?.subject ?? '' })}</Text>
        <ActivityErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t('activities.remove.cancel')}
          </Button>
          {error?.code === 'not_found' ? null : (
            <BusyButton
              color="red"
              busy={busy}
              busyLabel={t('activities.remove.busy')}
              onClick={() => item && void remove(item.id)}
            >
              {t('activities.remove.confirm')}
            </BusyButton>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
