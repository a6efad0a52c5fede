/**
 * "Erase personal data" on the contact page (holders of `privacy.erase`; the main process checks
 * it again): a modal that explains what goes and asks for the person's name typed out before the
 * button works, then calls `erasure.erase`. Nothing is shown to other roles.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The button and its typed-confirmation modal; `onErased` runs after a successful erasure. */
export function EraseContact(props: { contactId: string; name: string; onErased: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { contactId } = props;
  return (
    <EraseButton
      name={props.name}
      warning={t('contacts.erase.warning')}
      erase={() => api.erasure.erase({ contactId })}
      onErased={props.onErased}
    />
  );
}

/** What the erase modal needs: whom (the name to type), what it erases, and the call. */
interface EraseProps {
  name: string;
  warning: string;
  erase: () => Promise<Result<unknown>>;
  onErased: () => void;
}

/**
 * The erase button for any record that is a person (a contact, a sole proprietor's company card):
 * shown to holders of `privacy.erase` only, with the typed-name confirmation.
 */
export function EraseButton(props: EraseProps) {
  const { t } = useTranslation();
  const allowed = useGranted('privacy.erase');
  const [opened, setOpened] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <Button variant="light" color="red" onClick={() => setOpened(true)}>
        {t('contacts.erase.button')}
      </Button>
      {opened ? <EraseModal {...props} onClose={() => setOpened(false)} /> : null}
    </>
  );
}

function EraseModal(props: EraseProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  // Whitespace and case aside, the name must match: a slip of the mouse cannot erase anyone.
  const matches = typed.trim().toLocaleLowerCase() === props.name.trim().toLocaleLowerCase();
  const erase = async () => {
    setBusy(true);
    setError(null);
    const result = await props.erase();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    props.onClose();
    props.onErased();
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('contacts.erase.title')}
      centered
      closeButtonProps={{ 'aria-label': t('contacts.erase.cancel') }}
    >
      <Stack>
        <Alert color="red" variant="light">
          <Text size="sm">{props.warning}</Text>
        </Alert>
        <TextInput
          label={t('contacts.erase.typeName', { name: props.name })}
          value={typed}
          onChange={event => setTyped(event.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            {t('contacts.erase.cancel')}
          </Button>
          <Button color="red" disabled={!matches} loading={busy} onClick={() => void erase()}>
            {busy ? t('contacts.erase.running') : t('contacts.erase.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
