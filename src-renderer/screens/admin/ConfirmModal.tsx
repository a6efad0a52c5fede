/**
 * A yes/no dialog for one admin action (delete a role, reset a person's 2FA): what will happen,
 * Cancel (focused first: the safe choice) and the action, which shows its progress and, if main
 * refuses, the reason. The error is forgotten whenever the dialog opens or closes.
 */
import { Modal, Stack, Text, type MantineColor } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../src-shared/ipc/contract';
import { FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';

interface ConfirmModalProps<T> {
  opened: boolean;
  onClose: () => void;
  title: string;
  body: string;
  color: MantineColor;
  confirmLabel: string;
  busyLabel: string;
  /** The call the action makes. */
  call: () => Promise<Result<T>>;
  onDone: (value: T) => void;
}

/** The confirmation dialog. */
export function ConfirmModal<T>(props: ConfirmModalProps<T>) {
  const { t } = useTranslation();
  const { busy, error, setError, run } = useAction();
  const { opened } = props;
  useEffect(() => setError(null), [opened, setError]);
  return (
    <Modal opened={opened} onClose={props.onClose} title={props.title}>
      <Stack gap="md">
        <Text size="sm">{props.body}</Text>
        <FormActions
          error={error}
          cancelLabel={t('admin.cancel')}
          onCancel={props.onClose}
          focusCancel
          color={props.color}
          busy={busy}
          busyLabel={props.busyLabel}
          onConfirm={() => void run(props.call, props.onDone)}
          confirmLabel={props.confirmLabel}
        />
      </Stack>
    </Modal>
  );
}
