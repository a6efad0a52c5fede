/** One contact: every field, who owns and changed it, the actions the role allows, its history. */
import { Button } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetailProps } from '../../components/records/RecordScreen';
import type { Result } from '../../../src-shared/ipc/contract';
import { DetailPending, RecordDetail } from '../../components/records/RecordDetail';
import { DeleteRecordModal, PickUserModal } from '../../components/records/RecordModals';
import { useRecordDetail } from '../../components/records/use-record-detail';
import { Timeline } from '../activities/Timeline';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { loadContact, loadUsers, rememberContact } from './actions';
import { ContactFields } from './ContactFields';
import { formatDateTime, fullName } from './format';
import type { ContactAbilities } from './permissions';
import { contactsList, useContactsStore } from './store';

/** The detail page of contact `id`. */
export function ContactDetail(props: RecordDetailProps<ContactAbilities>) {
  const { id, abilities, onBack } = props;
  const { t, i18n } = useTranslation();
  const page = useRecordDetail(
    contactsList,
    'contact',
    id,
    api => loadContact(api, id, abilities.restore),
    [abilities.restore],
  );
  const { api, me, record: contact, dialog, busy, actionError, open, run } = page;
  const users = useContactsStore(state => state.users);
  useEffect(() => {
    if ((abilities.readUsers || abilities.share) && users === null) {
      void loadUsers(api, abilities.readUsers);
    }
  }, [api, abilities.readUsers, abilities.share, users]);

  if (!contact) return <DetailPending ns="contacts" error={page.loadError} onBack={onBack} />;

  /** Fetches the contact afresh; rememberContact also updates (or removes) the list row. */
  const reload = async () => {
    const fresh = await loadContact(api, id, abilities.restore);
    if (fresh.ok) rememberContact(fresh.value);
  };
  /** Runs a call that answers with the changed contact, and keeps it. */
  const keep = (call: () => Promise<Result<Parameters<typeof rememberContact>[0]>>) =>
    void run(async () => {
      const result = await call();
      if (result.ok) rememberContact(result.value);
      return result;
    });

  const name = fullName(contact);
  const deleted = contact.deletedAt !== null;
  const active = (users ?? []).filter(user => (user.status ?? 'active') === 'active');
  const reassignTo = active.filter(user => user.id !== contact.ownerId);
  const shareWith = reassignTo.filter(
    user => user.id !== me?.id && !contact.sharedWith.some(share => share.userId === user.id),
  );
  const dialogProps = { ns: 'contacts', busy, error: actionError, onClose: page.close };

  return (
    <RecordDetail
      ns="contacts"
      history={{ type: 'contact', id, updatedAt: contact.updatedAt }}
      title={name}
      deleted={deleted}
      deletedBadge={t('contacts.list.deleted')}
      deletedNotice={t('contacts.detail.deletedNotice', {
        when: formatDateTime(contact.deletedAt ?? '', i18n.language),
      })}
      actions={{
        onEdit: abilities.update && !deleted ? props.onEdit : null,
        onReassign:
          abilities.reassign && abilities.readUsers && !deleted ? () => open('reassign') : null,
        onDelete: abilities.delete && !deleted ? () => open('delete') : null,
        onRestore:
          abilities.restore && deleted ? () => keep(() => api.contacts.restore({ id })) : null,
        busy,
      }}
      extraActions={
        abilities.share && !deleted ? (
          <Button variant="default" onClick={() => open('share')}>
            {t('contacts.detail.share')}
          </Button>
        ) : null
      }
      actionError={actionError}
      dialogOpen={dialog !== null}
      onBack={onBack}
    >
      <ContactFields
        contact={contact}
        users={users}
        canUnshare={abilities.share && !deleted}
        onUnshare={userId => void run(() => api.contacts.unshare({ id, userId }), reload)}
      />
      <DeleteRecordModal
        {...dialogProps}
        opened={dialog === 'delete'}
        name={name}
        documents={page.documentCount}
        focusConfirm
        onConfirm={() =>
          // The owner role sees the deleted contact (and its Restore button); others go back.
          void run(
            () => page.deleteWithDocuments(() => api.contacts.delete({ id })),
            abilities.restore ? reload : undefined,
          ).then(done => {
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
        {...dialogProps}
        key={`reassign-${dialog === 'reassign'}`}
        purpose="reassign"
        opened={dialog === 'reassign'}
        users={reassignTo}
        selectFirst
        onConfirm={ownerId => keep(() => api.contacts.reassign({ id, ownerId }))}
      />
      <PickUserModal
        {...dialogProps}
        key={`share-${dialog === 'share'}`}
        purpose="share"
        opened={dialog === 'share'}
        users={shareWith}
        selectFirst
        onConfirm={userId => void run(() => api.contacts.share({ id, userId }), reload)}
      />
      <DocumentsPanel type="contact" id={id} />
      <Timeline entity="contact" id={id} />
    </RecordDetail>
  );
}
