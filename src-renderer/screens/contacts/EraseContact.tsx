/**
 * "Erase personal data" on the contact page (holders of `privacy.erase`; the main process checks
 * it again): a modal that explains what goes and asks for the person's name typed out before the
 * button works, then calls `erasure.erase`. Nothing is shown to other roles.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The button and its typed-confirmation modal; `onErased` runs after a successful erasure. */
export function EraseContact(props: { contactId: string; name: string; onErased: () => void }) {
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

function EraseModal(props: {
  contactId: string;
  name: string;
  onErased: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  // Whitespace and case aside, the name must match: a slip of the mouse cannot erase anyone.
  const matches = typed.trim().toLocaleLowerCase() === props.name.trim().toLocaleLowerCase();
  const erase = async () => {
    setBusy(true);
    setError(null);
    const result = await api.erasure.erase({ contactId: props.contactId });
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
          <Text size="sm">{t('contacts.erase.warning')}</Text>
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
