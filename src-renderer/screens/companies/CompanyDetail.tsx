/** One company: its fields, the actions the role allows, its people and its history. */
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
import type { UserSummary } from '../../../src-shared/ipc/users';
import { useApi } from '../../app/api';
import { EntityHistory } from '../../components/EntityHistory';
import { Timeline } from '../activities/Timeline';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { grantOf } from '../../../src-shared/roles';
import { useSessionStore } from '../../stores/session';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { formatDateTime } from '../contacts/format';
import { loadCompany, rememberCompany } from './actions';
import { CompanyContacts } from './CompanyContacts';
import { CompanyFields } from './CompanyFields';
import { DeleteCompanyModal, ReassignCompanyModal } from './CompanyModals';
import type { CompanyAbilities } from './permissions';
import { useCompaniesStore } from './store';

type Dialog = 'delete' | 'reassign' | null;

/** The detail page of company `id`. */
export function CompanyDetail(props: {
  id: string;
  abilities: CompanyAbilities;
  onBack: () => void;
  onEdit: () => void;
}) {
  const { id, abilities, onBack } = props;
  const { t, i18n } = useTranslation();
  const api = useApi();
  const company = useCompaniesStore(state => (state.current?.id === id ? state.current : null));
  const me = useSessionStore(state => state.user);
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [loadError, setLoadError] = useState<CallError | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  // Documents attached to this company, counted when the delete dialog opens (they are destroyed).
  const [documentCount, setDocumentCount] = useState<number | null>(null);
  const [actionError, setActionError] = useState<CallError | null>(null);

  useEffect(() => {
    if (useCompaniesStore.getState().current?.id === id) return;
    setLoadError(null);
    void loadCompany(api, id).then(r => setLoadError(r.ok ? null : r.error));
  }, [api, id]);
  useEffect(() => {
    if (!abilities.readUsers) return;
    void api.users.list({}).then(r => r.ok && setUsers(r.value));
  }, [api, abilities.readUsers]);

  const deleted = company !== null && company.deletedAt !== null;
  const canEdit = abilities.update && company !== null && !deleted;
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
          .list({ record: { type: 'company', id } })
          .then(r => setDocumentCount(r.ok ? r.value.length : null));
      }
    }
  };
  const run = async (call: () => Promise<Result<unknown>>) => {
    setBusy(true);
    setActionError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) return setActionError(result.error);
    setDialog(null);
  };

  if (!company) {
    return (
      <Stack>
        <BackButton onBack={onBack} />
        {loadError ? (
          <ErrorAlert error={loadError} />
        ) : (
          <Center py="xl">
            <Group gap="sm">
              <Loader size="sm" />
              <Text c="dimmed">{t('companies.detail.loading')}</Text>
            </Group>
          </Center>
        )}
      </Stack>
    );
  }

  const known = new Map((users ?? []).map(user => [user.id, user.displayName]));
  known.set(company.ownerId, company.ownerName);
  if (me) known.set(me.id, me.displayName);
  const nameOf = (userId: string) => known.get(userId) ?? t('companies.detail.colleague');
  const reassignTo = (users ?? []).filter(
    user => user.status === 'active' && user.id !== company.ownerId,
  );

  return (
    <Stack gap="lg" maw={960}>
      <BackButton onBack={onBack} />
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1}>{company.name}</Title>
          {deleted ? <Badge color="gray">{t('companies.detail.deleted')}</Badge> : null}
        </Group>
        <Group gap="xs">
          {canEdit ? (
            <Tooltip label={t('companies.detail.editHint')} withArrow>
              <Button onClick={props.onEdit}>{t('companies.detail.edit')}</Button>
            </Tooltip>
          ) : null}
          {abilities.reassign && abilities.readUsers && !deleted ? (
            <Button variant="default" onClick={() => open('reassign')}>
              {t('companies.detail.reassign')}
            </Button>
          ) : null}
          {abilities.delete && !deleted ? (
            <Button color="red" variant="light" onClick={() => open('delete')}>
              {t('companies.detail.delete')}
            </Button>
          ) : null}
          {abilities.restore && deleted ? (
            <BusyButton
              busy={busy}
              busyLabel={t('companies.detail.restoring')}
              onClick={() =>
                void run(async () => {
                  const result = await api.companies.restore({ id });
                  if (result.ok) rememberCompany(result.value);
                  return result;
                })
              }
            >
              {t('companies.detail.restore')}
            </BusyButton>
          ) : null}
        </Group>
      </Group>
      {deleted && company.deletedAt ? (
        <Alert color="gray" variant="light">
          {t('companies.detail.deletedNotice', {
            when: formatDateTime(company.deletedAt, i18n.language),
          })}{' '}
          {t(
            abilities.restore
              ? 'companies.detail.deletedRestorable'
              : 'companies.detail.deletedAskOwner',
          )}
        </Alert>
      ) : null}
      {dialog === null ? <ErrorAlert error={actionError} /> : null}
      <CompanyFields company={company} nameOf={nameOf} />
      {abilities.readContacts ? <CompanyContacts id={id} refresh={company.updatedAt} /> : null}
      {/* A deleted company's documents and activities are out of reach in main until it is
          restored (both read live companies only): no panels that could only fail. */}
      {deleted ? null : <DocumentsPanel type="company" id={id} />}
      <DeleteCompanyModal
        opened={dialog === 'delete'}
        name={company.name}
        documents={documentCount}
        busy={busy}
        error={actionError}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          void run(async () => {
            if (documentCount) {
              const shredded = await api.documents.deleteForRecord({
                record: { type: 'company', id },
              });
              if (!shredded.ok) return shredded;
            }
            const result = await api.companies.delete({ id });
            if (result.ok) {
              const fresh = await loadCompany(api, id);
              if (fresh.ok) rememberCompany(fresh.value);
            }
            return result;
          })
        }
      />
      <ReassignCompanyModal
        key={`reassign-${dialog === 'reassign'}`}
        opened={dialog === 'reassign'}
        users={reassignTo}
        busy={busy}
        error={actionError}
        onClose={() => setDialog(null)}
        onConfirm={ownerId =>
          void run(async () => {
            const result = await api.companies.reassign({ id, ownerId });
            if (result.ok) rememberCompany(result.value);
            return result;
          })
        }
      />
      {deleted ? null : <Timeline entity="company" id={id} />}
      <EntityHistory key={company.updatedAt} entityType="company" entityId={id} />
    </Stack>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Tooltip label={t('companies.detail.backHint')} withArrow>
        <Button variant="subtle" onClick={onBack} leftSection={<span aria-hidden>←</span>}>
          {t('companies.detail.back')}
        </Button>
      </Tooltip>
    </Group>
  );
}
