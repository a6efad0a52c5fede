/** One contact: every field, who owns and changed it, the actions the role allows, its history. */
import { Box, Button } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDetailProps } from '../../components/records/RecordScreen';
import { DetailPending, RecordDetail } from '../../components/records/RecordDetail';
import { DeleteRecordModal, PickUserModal } from '../../components/records/RecordModals';
import { contactMerge } from '../../components/records/merge/kinds';
import { MergeHistory } from '../../components/records/merge/MergeHistory';
import { MergeWithButton } from '../../components/records/merge/MergeWithButton';
import { useRecordDetail } from '../../components/records/use-record-detail';
import { CustomFieldsView } from '../../components/records/CustomFieldsView';
import { Timeline } from '../activities/Timeline';
import { useActivitiesStore } from '../activities/store';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { ConsentBlock } from '../privacy/ConsentBlock';
import { loadContact, loadUsers, rememberContact } from './actions';
import { ContactFields } from './ContactFields';
import { EraseContact } from './EraseContact';
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
  const { api, me, record: contact, dialog, busy, actionError, open, run, keep } = page;
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
  const name = fullName(contact);
  /** After a merge or its undo: the record afresh, and its timeline (deals and activities moved). */
  const afterMerge = () => {
    void reload();
    useActivitiesStore.getState().bump();
  };
  const deleted = contact.deletedAt !== null;
  const active = (users ?? []).filter(user => (user.status ?? 'active') === 'active');
  const reassignTo = active.filter(user => user.id !== contact.ownerId);
  const shareWith = reassignTo.filter(
    user => user.id !== me?.id && !contact.sharedWith.some(share => share.userId === user.id),
  );
  const dialogProps = { ns: 'contacts', busy, error: actionError, onClose: page.close };
  /** After an erasure the contact is gone for everyone: drop it from the list and go back. */
  const erased = () => {
    useContactsStore.setState(s => ({
      current: null,
      items: s.items.filter(item => item.id !== id),
    }));
    onBack();
  };

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
      abilities={abilities}
      onEdit={props.onEdit}
      open={open}
      onRestore={() => keep(() => api.contacts.restore({ id }), rememberContact)}
      busy={busy}
      extraActions={
        <>
          {abilities.share && !deleted ? (
            <Button variant="default" onClick={() => open('share')}>
              {t('contacts.detail.share')}
            </Button>
          ) : null}
          {abilities.update && abilities.delete && !deleted ? (
            <MergeWithButton kind={contactMerge} id={id} onMerged={afterMerge} />
          ) : null}
          <EraseContact contactId={id} name={name} onErased={erased} />
        </>
      }
      actionError={actionError}
      dialogOpen={dialog !== null}
      onBack={onBack}
      printable
    >
      <ContactFields
        contact={contact}
        users={users}
        canUnshare={abilities.share && !deleted}
        onUnshare={userId => void run(() => api.contacts.unshare({ id, userId }), reload)}
      />
      <CustomFieldsView recordType="contact" id={id} updatedAt={contact.updatedAt} />
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
      {(['reassign', 'share'] as const).map(purpose => (
        <PickUserModal
          {...dialogProps}
          key={`${purpose}-${dialog === purpose}`}
          purpose={purpose}
          opened={dialog === purpose}
          users={purpose === 'reassign' ? reassignTo : shareWith}
          selectFirst
          onConfirm={userId =>
            purpose === 'reassign'
              ? keep(() => api.contacts.reassign({ id, ownerId: userId }), rememberContact)
              : void run(() => api.contacts.share({ id, userId }), reload)
          }
        />
      ))}
      <Box className="zamok-no-print">
        {deleted ? null : <ConsentBlock contactId={id} />}
        <DocumentsPanel type="contact" id={id} />
        {deleted ? null : (
          <MergeHistory
            type="contacts"
            id={id}
            refresh={contact.updatedAt}
            onUnmerged={afterMerge}
          />
        )}
      </Box>
      <Timeline entity="contact" id={id} />
    </RecordDetail>
  );
}
