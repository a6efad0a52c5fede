/** One contact: every field, who owns and changed it, the actions the role allows, its history. */
import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, Result } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { EntityHistory } from '../../components/EntityHistory';
import { Timeline } from '../activities/Timeline';
import { ErrorAlert } from '../../components/ErrorAlert';
import { grantOf } from '../../../src-shared/roles';
import { useSessionStore } from '../../stores/session';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { loadContact, loadUsers, rememberContact } from './actions';
import { ContactFields } from './ContactFields';
import { DeleteModal, PickUserModal } from './DetailModals';
import { formatDateTime, fullName } from './format';
import type { ContactAbilities } from './permissions';
import { useContactsStore } from './store';

type Dialog = 'delete' | 'reassign' | 'share' | null;

/** The detail page of contact `id`. */
export function ContactDetail(props: {
  id: string;
  abilities: ContactAbilities;
  onBack: () => void;
  onEdit: () => void;
}) {
  const { id, abilities, onBack } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const contact = useContactsStore(state => (state.current?.id === id ? state.current : null));
  const users = useContactsStore(state => state.users);
  const me = useSessionStore(state => state.user);
  const [loadError, setLoadError] = useState<CallError | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  // Documents attached to this contact, counted when the delete dialog opens (they are destroyed).
  const [documentCount, setDocumentCount] = useState<number | null>(null);
  const [actionError, setActionError] = useState<CallError | null>(null);

  useEffect(() => {
    if (useContactsStore.getState().current?.id === id) return;
    setLoadError(null);
    void loadContact(api, id, abilities.restore).then(r => setLoadError(r.ok ? null : r.error));
  }, [api, id, abilities.restore]);
  useEffect(() => {
    if ((abilities.readUsers || abilities.share) && users === null) {
      void loadUsers(api, abilities.readUsers);
    }
  }, [api, abilities.readUsers, abilities.share, users]);

  const canEdit = abilities.update && contact !== null && contact.deletedAt === null;
  useHotkeys([
    ['Escape', () => dialog === null && onBack()],
    ['e', () => dialog === null && canEdit && props.onEdit(), { usePhysicalKeys: true }],
  ]);

  const open = (next: Dialog) => {
    setActionError(null);
    setDialog(next);
    if (next === 'delete') {
      setDocumentCount(null);
      if (me && grantOf(me.grants, 'documents.read') !== undefined) {
        void api.documents
          .list({ record: { type: 'contact', id } })
          .then(r => setDocumentCount(r.ok ? r.value.length : null));
      }
    }
  };
  /** Destroys the contact's documents (when it has any), then deletes the contact. */
  const deleteWithDocuments = async (): Promise<Result<unknown>> => {
    if (documentCount) {
      const shredded = await api.documents.deleteForRecord({ record: { type: 'contact', id } });
      if (!shredded.ok) return shredded;
    }
    return api.contacts.delete({ id });
  };
  /** Runs an action; on success keeps the returned contact (or reloads it) and closes the dialog. */
  const run = async (call: () => Promise<Result<unknown>>, reload = false) => {
    setBusy(true);
    setActionError(null);
    const result = await call();
    if (result.ok && reload) {
      const fresh = await loadContact(api, id, abilities.restore);
      // rememberContact also updates (or, for a deleted one, removes) the list row.
      if (fresh.ok) rememberContact(fresh.value);
    }
    setBusy(false);
    if (!result.ok) {
      setActionError(result.error);
      return false;
    }
    setDialog(null);
    return true;
  };

  if (!contact) {
    return (
      <Stack>
        <BackButton onBack={onBack} />
        {loadError ? (
          <ErrorAlert error={loadError} />
        ) : (
          <Center py="xl">
            <Group gap="sm">
              <Loader size="sm" />
              <Text c="dimmed">{t('contacts.detail.loading')}</Text>
            </Group>
          </Center>
        )}
      </Stack>
    );
  }

  const name = fullName(contact);
  const deleted = contact.deletedAt !== null;
  const active = (users ?? []).filter(user => (user.status ?? 'active') === 'active');
  const reassignTo = active.filter(user => user.id !== contact.ownerId);
  const shareWith = reassignTo.filter(
    user => user.id !== me?.id && !contact.sharedWith.some(share => share.userId === user.id),
  );

  return (
    <Stack gap="lg" maw={960}>
      <BackButton onBack={onBack} />
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1}>{name}</Title>
          {deleted ? <Badge color="gray">{t('contacts.list.deleted')}</Badge> : null}
        </Group>
        <Group gap="xs">
          {canEdit ? (
            <Tooltip label={t('contacts.detail.editHint')} withArrow>
              <Button onClick={props.onEdit}>{t('contacts.detail.edit')}</Button>
            </Tooltip>
          ) : null}
          {abilities.share && !deleted ? (
            <Button variant="default" onClick={() => open('share')}>
              {t('contacts.detail.share')}
            </Button>
          ) : null}
          {abilities.reassign && abilities.readUsers && !deleted ? (
            <Button variant="default" onClick={() => open('reassign')}>
              {t('contacts.detail.reassign')}
            </Button>
          ) : null}
          {abilities.delete && !deleted ? (
            <Button color="red" variant="light" onClick={() => open('delete')}>
              {t('contacts.detail.delete')}
            </Button>
          ) : null}
          {abilities.restore && deleted ? (
            <BusyButton
              busy={busy}
              busyLabel={t('contacts.detail.restoring')}
              onClick={() =>
                void run(async () => {
                  const result = await api.contacts.restore({ id });
                  if (result.ok) rememberContact(result.value);
                  return result;
                })
              }
            >
              {t('contacts.detail.restore')}
            </BusyButton>
          ) : null}
        </Group>
      </Group>
      {deleted && contact.deletedAt ? (
        <Alert color="gray" variant="light">
          {t('contacts.detail.deletedNotice', {
            when: formatDateTime(contact.deletedAt, i18n.language),
          })}
        </Alert>
      ) : null}
      {dialog === null ? <ErrorAlert error={actionError} /> : null}
      <ContactFields
        contact={contact}
        users={users}
        canUnshare={abilities.share && !deleted}
        onUnshare={userId => void run(() => api.contacts.unshare({ id, userId }), true)}
      />
      <DeleteModal
        opened={dialog === 'delete'}
        name={name}
        documents={documentCount}
        busy={busy}
        error={actionError}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          // The owner role sees the deleted contact (and its Restore button); others go back.
          void run(deleteWithDocuments, abilities.restore).then(done => {
            if (!done || abilities.restore) return;
            useContactsStore.setState(s => ({
              current: null,
              items: s.items.filter(item => item.id !== id),
            }));
            onBack();
          })
        }
      />
      <PickUserModal
        key={`reassign-${dialog === 'reassign'}`}
        purpose="reassign"
        opened={dialog === 'reassign'}
        users={reassignTo}
        busy={busy}
        error={actionError}
        onClose={() => setDialog(null)}
        onConfirm={ownerId =>
          void run(async () => {
            const result = await api.contacts.reassign({ id, ownerId });
            if (result.ok) rememberContact(result.value);
            return result;
          })
        }
      />
      <PickUserModal
        key={`share-${dialog === 'share'}`}
        purpose="share"
        opened={dialog === 'share'}
        users={shareWith}
        busy={busy}
        error={actionError}
        onClose={() => setDialog(null)}
        onConfirm={userId => void run(() => api.contacts.share({ id, userId }), true)}
      />
      <DocumentsPanel type="contact" id={id} />
      <Timeline entity="contact" id={id} />
      <ContactHistory id={id} updatedAt={contact.updatedAt} />
    </Stack>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Tooltip label={t('contacts.detail.backHint')} withArrow>
        <Button variant="subtle" onClick={onBack} leftSection={<span aria-hidden>←</span>}>
          {t('contacts.detail.back')}
        </Button>
      </Tooltip>
    </Group>
  );
}

/** The audit history below the fields; remounted after each change so it shows the newest entry. */
function ContactHistory({ id, updatedAt }: { id: string; updatedAt: string }) {
  return <EntityHistory key={updatedAt} entityType="contact" entityId={id} />;
}
