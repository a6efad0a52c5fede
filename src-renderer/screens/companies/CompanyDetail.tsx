/** One company: its fields, the actions the role allows, its people and its history. */
import { useEffect, useState } from 'react';
import { CustomFieldsView } from '../../components/records/CustomFieldsView';
import { useTranslation } from 'react-i18next';
import type { RecordDetailProps } from '../../components/records/RecordScreen';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { DetailPending, RecordDetail } from '../../components/records/RecordDetail';
import { DeleteRecordModal, PickUserModal } from '../../components/records/RecordModals';
import { useRecordDetail } from '../../components/records/use-record-detail';
import { Timeline } from '../activities/Timeline';
import { useActivitiesStore } from '../activities/store';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { companyMerge } from '../../components/records/merge/kinds';
import { MergeHistory } from '../../components/records/merge/MergeHistory';
import { MergeWithButton } from '../../components/records/merge/MergeWithButton';
import { formatDateTime } from '../contacts/format';
import { loadCompany, rememberCompany } from './actions';
import { CompanyContacts } from './CompanyContacts';
import { EraseCompany } from './EraseCompany';
import { CompanyFields } from './CompanyFields';
import type { CompanyAbilities } from './permissions';
import { companiesList } from './store';

/** The detail page of company `id`. */
export function CompanyDetail(props: RecordDetailProps<CompanyAbilities>) {
  const { id, abilities, onBack } = props;
  const { t, i18n } = useTranslation();
  const page = useRecordDetail(companiesList, 'company', id, api => loadCompany(api, id), []);
  const { api, me, record: company, dialog, busy, actionError, open, run, keep } = page;
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  useEffect(() => {
    if (!abilities.readUsers) return;
    void api.users.list({}).then(r => r.ok && setUsers(r.value));
  }, [api, abilities.readUsers]);

  if (!company) return <DetailPending ns="companies" error={page.loadError} onBack={onBack} />;

  /** Fetches the company afresh and keeps it (a deleted one stays on its page). */
  const reload = async () => {
    const fresh = await loadCompany(api, id);
    if (fresh.ok) rememberCompany(fresh.value);
  };
  /** After a merge or its undo: the record afresh, and its timeline (deals and activities moved). */
  const afterMerge = () => {
    void reload();
    useActivitiesStore.getState().bump();
  };
  const deleted = company.deletedAt !== null;
  const known = new Map((users ?? []).map(user => [user.id, user.displayName]));
  known.set(company.ownerId, company.ownerName);
  if (me) known.set(me.id, me.displayName);
  const nameOf = (userId: string) => known.get(userId) ?? t('companies.detail.colleague');
  const reassignTo = (users ?? []).filter(
    user => user.status === 'active' && user.id !== company.ownerId,
  );
  const dialogProps = { ns: 'companies', busy, error: actionError, onClose: page.close };
  /** After an erasure: the card leaves the list and the page goes back to it. */
  const erased = () => {
    companiesList.useStore.setState(s => ({
      current: null,
      items: s.items.filter(item => item.id !== id),
    }));
    onBack();
  };

  return (
    <RecordDetail
      ns="companies"
      history={{ type: 'company', id, updatedAt: company.updatedAt }}
      title={company.name}
      deleted={deleted}
      deletedBadge={t('companies.detail.deleted')}
      deletedNotice={
        <>
          {t('companies.detail.deletedNotice', {
            when: formatDateTime(company.deletedAt ?? '', i18n.language),
          })}{' '}
          {t(
            abilities.restore
              ? 'companies.detail.deletedRestorable'
              : 'companies.detail.deletedAskOwner',
          )}
        </>
      }
      abilities={abilities}
      onEdit={props.onEdit}
      open={open}
      onRestore={() => keep(() => api.companies.restore({ id }), rememberCompany)}
      busy={busy}
      extraActions={
        <>
          {abilities.update && abilities.delete && !deleted ? (
            <MergeWithButton kind={companyMerge} id={id} onMerged={afterMerge} />
          ) : null}
          <EraseCompany companyId={id} name={company.name} onErased={erased} />
        </>
      }
      actionError={actionError}
      dialogOpen={dialog !== null}
      onBack={onBack}
    >
      <CompanyFields company={company} nameOf={nameOf} />
      <CustomFieldsView recordType="company" id={company.id} updatedAt={company.updatedAt} />
      {abilities.readContacts ? <CompanyContacts id={id} refresh={company.updatedAt} /> : null}
      {/* A deleted company's documents and activities are out of reach in main until it is
          restored (both read live companies only): no panels that could only fail. */}
      {deleted ? null : <DocumentsPanel type="company" id={id} />}
      {deleted ? null : (
        <MergeHistory
          type="companies"
          id={id}
          refresh={company.updatedAt}
          onUnmerged={afterMerge}
        />
      )}
      <DeleteRecordModal
        {...dialogProps}
        opened={dialog === 'delete'}
        name={company.name}
        documents={page.documentCount}
        onConfirm={() =>
          void run(() => page.deleteWithDocuments(() => api.companies.delete({ id })), reload)
        }
      />
      <PickUserModal
        {...dialogProps}
        key={`reassign-${dialog === 'reassign'}`}
        purpose="reassign"
        opened={dialog === 'reassign'}
        users={reassignTo}
        onConfirm={ownerId => keep(() => api.companies.reassign({ id, ownerId }), rememberCompany)}
      />
      {deleted ? null : <Timeline entity="company" id={id} />}
    </RecordDetail>
  );
}
