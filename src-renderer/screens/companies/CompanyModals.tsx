/** The company page's dialogs: delete confirmation and the new owner picker. */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';

interface DialogProps {
  opened: boolean;
  busy: boolean;
  error: CallError | null;
  onClose: () => void;
}

/** "Delete this company?" — soft delete; linked contacts keep the link. */
export function DeleteCompanyModal(
  props: DialogProps & {
    name: string;
    /** Documents attached to the company (null: unknown or none visible); destroyed on delete. */
    documents?: number | null;
    onConfirm: () => void;
  },
) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('companies.remove.title')}
      closeButtonProps={{ 'aria-label': t('companies.close') }}
      centered
    >
      <Stack>
        <Text>{t('companies.remove.body', { name: props.name })}</Text>
        {props.documents ? (
          <Text c="red.8" fw={500}>
            {t('companies.remove.documents', { count: props.documents })}
          </Text>
        ) : null}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('companies.remove.cancel')}
          </Button>
          <BusyButton
            color="red"
            busy={props.busy}
            busyLabel={t('companies.remove.busy')}
            onClick={props.onConfirm}
          >
            {t('companies.remove.confirm')}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Picks the colleague who becomes responsible for the company. */
export function ReassignCompanyModal(
  props: DialogProps & {
    users: readonly { id: string; displayName: string }[];
    onConfirm: (userId: string) => void;
  },
) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('companies.reassign.title')}
      closeButtonProps={{ 'aria-label': t('companies.close') }}
      centered
    >
      <Stack>
        {props.users.length === 0 ? (
          <Text c="dimmed">{t('companies.reassign.noUsers')}</Text>
        ) : (
          <Select
            label={t('companies.reassign.user')}
            data={props.users.map(user => ({ value: user.id, label: user.displayName }))}
            value={userId}
            onChange={setUserId}
            searchable
            data-autofocus
          />
        )}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('companies.reassign.cancel')}
          </Button>
          <BusyButton
            busy={props.busy}
            busyLabel={t('companies.reassign.busy')}
            disabled={userId === null}
            onClick={() => userId && props.onConfirm(userId)}
          >
            {t('companies.reassign.confirm')}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}
