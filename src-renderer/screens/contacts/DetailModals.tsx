/** The detail page's dialogs: delete confirmation and the colleague picker (reassign, share). */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * "Delete this contact?" — soft delete, the owner can restore it; attached documents (when there
 * are any) are destroyed for good, and the dialog says so with their count.
 */
export function DeleteModal(props: {
  opened: boolean;
  name: string;
  /** Documents attached to the record (null: unknown or none visible). */
  documents?: number | null;
  busy: boolean;
  error: CallError | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('contacts.remove.title')}
      closeButtonProps={{ 'aria-label': t('contacts.close') }}
      centered
    >
      <Stack>
        <Text>{t('contacts.remove.body', { name: props.name })}</Text>
        {props.documents ? (
          <Text c="red.8" fw={500}>
            {t('contacts.remove.documents', { count: props.documents })}
          </Text>
        ) : null}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('contacts.remove.cancel')}
          </Button>
          <BusyButton
            color="red"
            busy={props.busy}
            busyLabel={t('contacts.remove.busy')}
            onClick={props.onConfirm}
            data-autofocus
          >
            {t('contacts.remove.confirm')}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Texts of one use of {@link PickUserModal}: `contacts.reassign.*` or `contacts.share.*`. */
export type PickPurpose = 'reassign' | 'share';

/** Choose a colleague (new owner, or someone to share with). */
export function PickUserModal(props: {
  purpose: PickPurpose;
  opened: boolean;
  users: readonly { id: string; displayName: string }[];
  busy: boolean;
  error: CallError | null;
  onConfirm: (userId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const key = `contacts.${props.purpose}` as const;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t(`${key}.title`)}
      closeButtonProps={{ 'aria-label': t('contacts.close') }}
      centered
    >
      <Stack>
        {props.purpose === 'share' ? <Text size="sm">{t('contacts.share.intro')}</Text> : null}
        {props.users.length === 0 ? (
          <Text c="dimmed">{t(`${key}.noUsers`)}</Text>
        ) : (
          <Select
            label={t(`${key}.user`)}
            data={props.users.map(user => ({ value: user.id, label: user.displayName }))}
            value={userId}
            onChange={setUserId}
            searchable
            selectFirstOptionOnChange
            data-autofocus
          />
        )}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t(`${key}.cancel`)}
          </Button>
          <BusyButton
            busy={props.busy}
            busyLabel={t(`${key}.busy`)}
            disabled={!userId}
            onClick={() => userId && props.onConfirm(userId)}
          >
            {t(`${key}.confirm`)}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}
