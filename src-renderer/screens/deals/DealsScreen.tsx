/**
 * The deals section: the kanban board (default) or the list of a pipeline, a deal's page, and the
 * create/edit form. Which of them shows lives in ./store.ts, so search and "My tasks" can open a
 * deal's page. Ctrl+Alt+N starts a new deal. What the role may do decides which buttons show; the
 * main process enforces it anyway.
 */
import { Alert, Center, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, DealSummary, Pipeline } from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { ScopedPermission } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { OwnerFilter } from '../../components/OwnerFilter';
import { Notice } from '../../components/records/Notice';
import { useSessionStore } from '../../stores/session';
import { DealBoard } from './DealBoard';
import { DealDetail } from './DealDetail';
import { DealForm } from './DealForm';
import { DealList } from './DealList';
import { DealsToolbar } from './DealsToolbar';
import { ImportWizard } from '../import/ImportWizard';
import { PipelineNameModal, type PipelineNameTask } from './PipelineNameModal';
import { PipelineSettings } from './PipelineSettings';
import { dealsPreset, useDealsStore } from './store';
import { useShortcuts } from '../../app/shortcuts';

/** Deals: the sales pipeline. */
export function DealsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useSessionStore(s => s.user);
  const grants = user?.grants ?? {};
  const { view, home, pipelineId, show, goHome, selectPipeline } = useDealsStore();
  const [pipelines, setPipelines] = useState<Pipeline[] | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<CallError | null>(null);
  const [settings, setSettings] = useState(false);
  const [naming, setNaming] = useState<PipelineNameTask | null>(null);
  // Kept as a key and a name, so the message follows a language switch.
  const [notice, setNotice] = useState<{ key: 'created' | 'renamed'; name: string } | null>(null);
  // The board's and the list's "Manager" filter; kept while a deal's page is open.
  // A dashboard click-through may start it on a person (the list takes the rest of the preset).
  const [ownerId, setOwnerId] = useState<string | null>(() => dealsPreset().ownerId ?? null);

  const load = useCallback(async () => {
    const result = await api.pipelines.list({});
    if (!result.ok) return setError(result.error);
    setPipelines(result.value);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  // The board behind a deal's page is that deal's pipeline (it may come from search).
  const onDealLoaded = useCallback(
    (deal: Deal) => selectPipeline(deal.pipelineId),
    [selectPipeline],
  );

  const canCreate = grantOf(grants, 'deals.create') !== undefined;
  const reach = (permission: ScopedPermission, ownerId: string) => {
    const scope = grantOf(grants, permission);
    return scope === 'all' || scope === 'team' || (scope === 'own' && ownerId === user?.id);
  };
  const canMove = (d: DealSummary | Deal) => reach('deals.update', d.ownerId);
  const readScope = grantOf(grants, 'deals.read');
  const seesOthers = readScope === 'team' || readScope === 'all';
  useShortcuts([['dealNew', () => canCreate && show({ kind: 'new' })]]);

  if (error) return <Alert color="red">{errorText(t, error)}</Alert>;
  const pipeline = pipelines?.find(p => p.id === pipelineId) ?? pipelines?.[0];
  if (!pipelines || !pipeline) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  const back = () => {
    setRefresh(n => n + 1);
    goHome(home);
  };
  const open = (id: string) => show({ kind: 'detail', id });

  if (view.kind === 'detail') {
    return (
      <DealDetail
        key={view.id}
        id={view.id}
        pipelines={pipelines}
        canChange={canMove}
        canDelete={d => reach('deals.delete', d.ownerId)}
        canReassign={d => reach('deals.reassign', d.ownerId)}
        onLoaded={onDealLoaded}
        onBack={back}
        onEdit={deal => show({ kind: 'edit', deal })}
      />
    );
  }
  if (view.kind === 'import') {
    return (
      <ImportWizard
        type="deals"
        canReassign={grantOf(grants, 'deals.reassign') !== undefined}
        onClose={back}
      />
    );
  }
  if (view.kind === 'new' || view.kind === 'edit') {
    const editing = view.kind === 'edit' ? view.deal : null;
    return (
      <DealForm
        deal={editing}
        pipeline={pipeline}
        canLinkCompanies={grantOf(grants, 'companies.read') !== undefined}
        onDone={id => show({ kind: 'detail', id })}
        onCancel={() => (editing ? show({ kind: 'detail', id: editing.id }) : back())}
      />
    );
  }
  const saved = (next: Pipeline) => {
    const known = pipelines.some(p => p.id === next.id);
    setPipelines(known ? pipelines.map(p => (p.id === next.id ? next : p)) : [...pipelines, next]);
    selectPipeline(next.id);
    setNaming(null);
    setNotice({ key: known ? 'renamed' : 'created', name: next.name });
  };
  return (
    <Stack>
      <DealsToolbar
        home={home}
        pipelines={pipelines}
        pipeline={pipeline}
        canManage={grantOf(grants, 'pipelines.manage') !== undefined}
        canCreate={canCreate}
        canExport={
          grantOf(grants, 'contacts.export') !== undefined &&
          grantOf(grants, 'deals.read') !== undefined
        }
        onHome={goHome}
        onPipeline={selectPipeline}
        onCreatePipeline={() => setNaming({ kind: 'create' })}
        onRenamePipeline={() => setNaming({ kind: 'rename', pipeline })}
        onSettings={() => setSettings(true)}
        onNewDeal={() => show({ kind: 'new' })}
        canImport={grantOf(grants, 'deals.import') !== undefined}
        onImport={() => show({ kind: 'import' })}
      />
      {notice ? (
        <Notice closeLabel={t('deals.notice')} onClose={() => setNotice(null)}>
          {t(`deals.pipelines.${notice.key}`, { name: notice.name })}
        </Notice>
      ) : null}
      {naming ? (
        <PipelineNameModal task={naming} onClose={() => setNaming(null)} onSaved={saved} />
      ) : null}
      <PipelineSettings
        pipeline={pipeline}
        opened={settings}
        onClose={() => {
          setSettings(false);
          setRefresh(n => n + 1);
        }}
        onChanged={next =>
          setPipelines(all => all?.map(p => (p.id === next.id ? next : p)) ?? null)
        }
      />
      {seesOthers ? <OwnerFilter value={ownerId} onChange={setOwnerId} /> : null}
      {view.kind === 'list' ? (
        <DealList
          pipeline={pipeline}
          pipelines={pipelines}
          userId={user?.id ?? ''}
          ownerId={seesOthers ? ownerId : null}
          refreshKey={refresh}
          onOpen={open}
          bulk={{
            reassign: grantOf(grants, 'deals.reassign') !== undefined,
            delete: grantOf(grants, 'deals.delete') !== undefined,
            export: grantOf(grants, 'contacts.export') !== undefined,
            tag: false,
          }}
        />
      ) : (
        <DealBoard
          pipelineId={pipeline.id}
          ownerId={(seesOthers ? ownerId : null) ?? undefined}
          canMove={canMove}
          refreshKey={refresh}
          onOpen={open}
        />
      )}
    </Stack>
  );
}
