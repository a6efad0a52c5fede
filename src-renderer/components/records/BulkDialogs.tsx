/**
 * The bulk bar's dialogs: give the chosen records to a colleague, add or remove a tag, confirm a
 * delete. Each runs one bulk call (the main process checks permission and scope per record and
 * refuses the whole request when one is out of reach); a failure stays in the dialog.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BulkResult } from '../../../src-shared/ipc/bulk';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import type { Colleague } from '../../../src-shared/ipc/users';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { BusyButton } from '../BusyButton';

/** What a dialog needs: its count, how to close, and what to do with the answer. */
interface DialogProps {
  count: number;
  onClose: () => void;
  /** Runs the bulk call with the dialog's choice. */
  run: (choice: string, extra: 'add' | 'remove') => Promise<Result<BulkResult>>;
  onDone: (result: BulkResult) => void;
}

/** The refusal in words: a bulk refusal says "nothing was changed". */
export function bulkErrorText(t: TFunction, error: CallError): string {
  return error.details?.reason === 'bulk_refused' ? t('bulk.refused') : errorText(t, error);
}

function DialogFrame(props: {
  title: string;
  onClose: () => void;
  busy: boolean;
  error: CallError | null;
  confirm: string;
  disabled: boolean;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('bulk.cancel') }}
      centered
    >
      <Stack>
        {props.children}
        {props.error ? (
          <Alert color="red" variant="light" role="alert">
            {bulkErrorText(t, props.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('bulk.cancel')}
          </Button>
          <BusyButton
            busy={props.busy}
            busyLabel={t('bulk.busy')}
            disabled={props.disabled}
            onClick={props.onConfirm}
            color={props.confirm === t('bulk.deleteConfirm') ? 'red' : undefined}
          >
            {props.confirm}
          </BusyButton>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Runs `props.run` with busy and error state. */
function useRun(props: DialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  async function go(choice: string, extra: 'add' | 'remove' = 'add') {
    setBusy(true);
    setError(null);
    const result = await props.run(choice, extra);
    setBusy(false);
    if (result.ok) props.onDone(result.value);
    else setError(result.error);
  }
  return { busy, error, go };
}

/** "Give to…": an active colleague from users.colleagues (names only). */
export function BulkReassignDialog(props: DialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [userId, setUserId] = useState<string | null>(null);
  const { busy, error, go } = useRun(props);
  useEffect(() => {
    let live = true;
    void api.users.colleagues({}).then(result => {
      if (live && result.ok) setColleagues(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return (
    <DialogFrame
      title={t('bulk.reassignTitle')}
      onClose={props.onClose}
      busy={busy}
      error={error}
      confirm={t('bulk.reassignConfirm')}
      disabled={userId === null}
      onConfirm={() => userId && void go(userId)}
    >
      <Text>{t('bulk.chosen', { count: props.count })}</Text>
      <Select
        label={t('bulk.reassignUser')}
        placeholder={t('bulk.reassignPlaceholder')}
        data={colleagues.map(user => ({ value: user.id, label: user.displayName }))}
        value={userId}
        onChange={setUserId}
        searchable
        data-autofocus
      />
    </DialogFrame>
  );
}

/** Add or remove one tag on the chosen contacts. */
export function BulkTagDialog(props: DialogProps) {
  const { t } = useTranslation();
  const [tag, setTag] = useState('');
  const [action, setAction] = useState<'add' | 'remove'>('add');
  const { busy, error, go } = useRun(props);
  return (
    <DialogFrame
      title={t('bulk.tagTitle')}
      onClose={props.onClose}
      busy={busy}
      error={error}
      confirm={t('bulk.tagConfirm')}
      disabled={tag.trim() === ''}
      onConfirm={() => void go(tag.trim(), action)}
    >
      <Text>{t('bulk.chosen', { count: props.count })}</Text>
      <SegmentedControl
        value={action}
        onChange={value => setAction(value === 'remove' ? 'remove' : 'add')}
        data={[
          { value: 'add', label: t('bulk.tagAdd') },
          { value: 'remove', label: t('bulk.tagRemove') },
        ]}
      />
      <TextInput
        label={t('bulk.tagName')}
        value={tag}
        onChange={event => setTag(event.currentTarget.value)}
        maxLength={40}
        data-autofocus
      />
    </DialogFrame>
  );
}

/** Confirms a delete of the chosen records. */
export function BulkDeleteDialog(props: DialogProps) {
  const { t } = useTranslation();
  const { busy, error, go } = useRun(props);
  return (
    <DialogFrame
      title={t('bulk.deleteTitle')}
      onClose={props.onClose}
      busy={busy}
      error={error}
      confirm={t('bulk.deleteConfirm')}
      disabled={false}
      onConfirm={() => void go('')}
    >
      <Text>{t('bulk.deleteBody', { count: props.count })}</Text>
    </DialogFrame>
  );
}
