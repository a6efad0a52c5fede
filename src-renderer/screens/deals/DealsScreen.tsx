/**
 * The deals section: the kanban board (default) or the list of a pipeline, a deal's page, and the
 * create/edit form. Ctrl+Alt+N starts a new deal. What the role may do decides which buttons show;
 * the main process enforces it anyway.
 */
import {
  Alert,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Title,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, DealSummary, Pipeline } from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';
import { grantOf } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { useSessionStore } from '../../stores/session';
import { DealBoard } from './DealBoard';
import { DealDetail } from './DealDetail';
import { DealForm } from './DealForm';
import { DealList } from './DealList';
import { PipelineSettings } from './PipelineSettings';

type View =
  | { kind: 'board' }
  | { kind: 'list' }
  | { kind: 'detail'; id: string }
  | { kind: 'new' }
  | { kind: 'edit'; deal: Deal };

/** Deals: the sales pipeline. */
export function DealsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useSessionStore(s => s.user);
  const grants = user?.grants ?? {};
  const [pipelines, setPipelines] = useState<Pipeline[] | null>(null);
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'board' });
  const [home, setHome] = useState<'board' | 'list'>('board');
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<CallError | null>(null);
  const [settings, setSettings] = useState(false);

  const load = useCallback(async () => {
    const result = await api.pipelines.list({});
    if (!result.ok) return setError(result.error);
    setPipelines(result.value);
    setPipelineId(id => id ?? result.value[0]?.id ?? null);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const canCreate = grantOf(grants, 'deals.create') !== undefined;
  const reach = (permission: 'deals.update' | 'deals.delete', ownerId: string) => {
    const scope = grantOf(grants, permission);
    return scope === 'all' || scope === 'team' || (scope === 'own' && ownerId === user?.id);
  };
  const canMove = (d: DealSummary | Deal) => reach('deals.update', d.ownerId);
  useHotkeys([['mod+alt+N', () => canCreate && setView({ kind: 'new' })]]);

  if (error) return <Alert color="red">{errorText(t, error)}</Alert>;
  const pipeline = pipelines?.find(p => p.id === pipelineId);
  if (!pipelines || !pipeline) {
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  const back = () => {
    setRefresh(n => n + 1);
    setView({ kind: home });
  };
  const open = (id: string) => setView({ kind: 'detail', id });

  if (view.kind === 'detail') {
    return (
      <DealDetail
        key={view.id}
        id={view.id}
        pipelines={pipelines}
        canChange={canMove}
        canDelete={d => reach('deals.delete', d.ownerId)}
        onBack={back}
        onEdit={deal => setView({ kind: 'edit', deal })}
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
        onDone={id => setView({ kind: 'detail', id })}
        onCancel={() => (editing ? setView({ kind: 'detail', id: editing.id }) : back())}
      />
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={1}>{t('deals.title')}</Title>
          <SegmentedControl
            value={view.kind}
            onChange={v => {
              const kind = v === 'list' ? 'list' : 'board';
              setHome(kind);
              setView({ kind });
            }}
            data={[
              { value: 'board', label: t('deals.board') },
              { value: 'list', label: t('deals.list') },
            ]}
          />
          {pipelines.length > 1 ? (
            <Select
              aria-label={t('deals.pipeline')}
              data={pipelines.map(p => ({ value: p.id, label: p.name }))}
              value={pipelineId}
              onChange={v => v && setPipelineId(v)}
              allowDeselect={false}
              w={200}
            />
          ) : null}
        </Group>
        <Group>
          {grantOf(grants, 'pipelines.manage') !== undefined ? (
            <Button variant="default" onClick={() => setSettings(true)}>
              {t('deals.settings.open')}
            </Button>
          ) : null}
          {canCreate ? (
            <Tooltip label={<Kbd>{t('deals.newHint')}</Kbd>}>
              <Button onClick={() => setView({ kind: 'new' })}>{t('deals.new')}</Button>
            </Tooltip>
          ) : null}
        </Group>
      </Group>
      <PipelineSettings
        pipeline={pipeline}
        opened={settings}
        onClose={() => {
          setSettings(false);
          setRefresh(n => n + 1);
        }}
        onChanged={saved =>
          setPipelines(all => all?.map(p => (p.id === saved.id ? saved : p)) ?? null)
        }
      />
      {view.kind === 'list' ? (
        <DealList pipeline={pipeline} userId={user?.id ?? ''} refreshKey={refresh} onOpen={open} />
      ) : (
        <DealBoard
          pipelineId={pipeline.id}
          ownerId={undefined}
          canMove={canMove}
          refreshKey={refresh}
          onOpen={open}
        />
      )}
    </Stack>
  );
}
