/**
 * A record page's dialogs: the delete confirmation (soft delete; attached documents, when there are
 * any, are destroyed for good, and the dialog says so with their count) and the colleague picker
 * (new owner, or someone to share with). Words: `<ns>.remove.*`, `<ns>.<purpose>.*`, `<ns>.close`.
 */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { BusyButton } from '../BusyButton';
import { ErrorAlert } from '../ErrorAlert';

interface DialogProps {
  ns: string;
  opened: boolean;
  busy: boolean;
  error: CallError | null;
  onClose: () => void;
}

/** A record dialog: its title, body, the action's error, Cancel and the busy confirm button. */
function RecordDialog(
  props: DialogProps & {
    /** Catalogue section of its words: `<key>.title`, `.cancel`, `.busy`, `.confirm`. */
    words: string;
    confirm: Omit<ComponentProps<typeof BusyButton>, 'busy' | 'busyLabel'>;
    children: ReactNode;
  },
) {
  const { t } = useTranslation();
  const key = props.words;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t(`${key}.title`)}
      closeButtonProps={{ 'aria-label': t(`${props.ns}.close`) }}
      centered
    >
      <Stack>
        {props.children}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t(`${key}.cancel`)}
          </Button>
          <BusyButton {...props.confirm} busy={props.busy} busyLabel={t(`${key}.busy`)}>
            {t(`${key}.confirm`)}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Delete this record?" */
export function DeleteRecordModal(
  props: DialogProps & {
    name: string;
    /** Documents attached to the record (null: unknown or none visible). */
    documents?: number | null;
    /** The confirm button takes the focus when the dialog opens. */
    focusConfirm?: boolean;
    onConfirm: () => void;
  },
) {
  const { t } = useTranslation();
  const key = `${props.ns}.remove`;
  return (
    <RecordDialog
      {...props}
      words={key}
      confirm={{
        color: 'red',
        onClick: props.onConfirm,
        ...(props.focusConfirm ? { 'data-autofocus': true } : {}),
      }}
    >
      <Text>{t(`${key}.body`, { name: props.name })}</Text>
      {props.documents ? (
        <Text c="red.8" fw={500}>
          {t(`${key}.documents`, { count: props.documents })}
        </Text>
      ) : null}
    </RecordDialog>
  );
}

/** Texts of one use of {@link PickUserModal}: `<ns>.reassign.*` or `<ns>.share.*`. */
export type PickPurpose = 'reassign' | 'share';

/** Choose a colleague (new owner, or someone to share with). */
export function PickUserModal(
  props: DialogProps & {
    purpose: PickPurpose;
    users: readonly { id: string; displayName: string }[];
    /** Typing selects the first match (Enter then confirms it). */
    selectFirst?: boolean;
    onConfirm: (userId: string) => void;
  },
) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const key = `${props.ns}.${props.purpose}`;
  return (
    <RecordDialog
      {...props}
      words={key}
      confirm={{ disabled: !userId, onClick: () => userId && props.onConfirm(userId) }}
    >
      {props.purpose === 'share' ? <Text size="sm">{t(`${key}.intro`)}</Text> : null}
      {props.users.length === 0 ? (
        <Text c="dimmed">{t(`${key}.noUsers`)}</Text>
      ) : (
        <Select
          label={t(`${key}.user`)}
          data={props.users.map(user => ({ value: user.id, label: user.displayName }))}
          value={userId}
          onChange={setUserId}
          searchable
          {...(props.selectFirst ? { selectFirstOptionOnChange: true } : {})}
          data-autofocus
        />
      )}
    </RecordDialog>
  );
}
