/**
 * One deal: amount, stage (move to another, mark won, mark lost with a reason), contact and
 * company, dates, notes; edit, delete and "give to another manager" for those allowed; its history
 * from the audit log (stage changes among them) for `audit.read` holders.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, Pipeline } from '../../../src-shared/deals';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { errorText } from '../../app/errors';
import { Notice } from '../../components/records/Notice';
import { EntityHistory } from '../../components/EntityHistory';
import { Timeline } from '../activities/Timeline';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { dealAmount, fieldErrors } from './format';
import { LostReasonModal } from './LostReasonModal';
import { ReassignDealModal } from './ReassignDealModal';

/** The detail view. */
export function DealDetail({
  id,
  pipelines,
  canChange,
  canDelete,
  canReassign,
  onLoaded,
  onBack,
  onEdit,
}: {
  id: string;
  pipelines: Pipeline[];
  canChange: (deal: Deal) => boolean;
  canDelete: (deal: Deal) => boolean;
  canReassign: (deal: Deal) => boolean;
  /** Called with the deal once it is loaded (the screen shows its pipeline behind "back"). */
  onLoaded?: (deal: Deal) => void;
  onBack: () => void;
  onEdit: (deal: Deal) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [deal, setDeal] = useState<Deal | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [lostError, setLostError] = useState<string | undefined>();
  const [reassigning, setReassigning] = useState(false);
  // The new owner's name; the message is translated when shown (it follows a language switch).
  const [handedTo, setHandedTo] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.deals.get({ id });
    if (result.ok) {
      setDeal(result.value);
      onLoaded?.(result.value);
    } else setError(result.error);
  }, [api, id, onLoaded]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!deal) {
    return error ? (
      <Stack>
        <Alert color="red">{errorText(t, error)}</Alert>
        <Button variant="default" onClick={onBack} w="fit-content">
          {t('deals.back')}
        </Button>
      </Stack>
    ) : (
      <Center h={200}>
        <Loader />
      </Center>
    );
  }
  const current = deal;
  const pipeline = pipelines.find(p => p.id === current.pipelineId);
  const stages = pipeline?.stages ?? [];
  const won = stages.find(s => s.outcome === 'won');
  const lost = stages.find(s => s.outcome === 'lost');
  const changeable = canChange(current);

  async function move(stageId: string, lostReason?: string) {
    const result = await api.deals.move({
      id: current.id,
      stageId,
      expectedUpdatedAt: current.updatedAt,
      ...(lostReason ? { lostReason } : {}),
    });
    if (result.ok) {
      setDeal(result.value);
      setAsking(false);
      setTarget(null);
      setError(null);
    } else if (lostReason !== undefined) {
      setLostError(fieldErrors(t, result.error)['lostReason'] ?? errorText(t, result.error));
    } else setError(result.error);
  }

  async function remove() {
    if (!window.confirm(t('deals.deleteConfirm', { title: current.title }))) return;
    const result = await api.deals.delete({ id: current.id });
    if (result.ok) onBack();
    else setError(result.error);
  }

  const color = current.outcome === 'won' ? 'teal.9' : current.outcome === 'lost' ? 'red' : 'blue';
  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack}>
          ← {t('deals.back')}
        </Button>
        <Group>
          {changeable ? (
            <Button variant="default" onClick={() => onEdit(current)}>
              {t('deals.edit')}
            </Button>
          ) : null}
          {canReassign(current) ? (
            <Button variant="default" onClick={() => setReassigning(true)}>
              {t('deals.reassign.open')}
            </Button>
          ) : null}
          {canDelete(current) ? (
            <Button variant="subtle" color="red" onClick={() => void remove()}>
              {t('deals.delete')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Group align="center">
        <Title order={1}>{current.title}</Title>
        <Badge
          color={color}
          size="lg"
          variant={current.outcome === 'won' ? 'filled' : 'light'}
          data-testid="deal-stage"
        >
          {current.stageName}
        </Badge>
      </Group>
      {error ? <Alert color="red">{errorText(t, error)}</Alert> : null}
      {handedTo ? (
        <Notice closeLabel={t('deals.notice')} onClose={() => setHandedTo(null)}>
          {t('deals.reassign.done', { name: handedTo })}
        </Notice>
      ) : null}
      {current.lostReason ? (
        <Alert color="red" variant="light" title={t('deals.field.lostReason')}>
          {current.lostReason}
        </Alert>
      ) : null}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('deals.field.amount')} value={dealAmount(current, i18n.language)} />
          <Field label={t('deals.field.probability')} value={`${current.probability}%`} />
          <Field label={t('deals.field.expectedClose')} value={current.expectedClose ?? '—'} />
          <Field label={t('deals.field.contact')} value={current.contactName ?? '—'} />
          <Field label={t('deals.field.company')} value={current.companyName ?? '—'} />
          <Field label={t('deals.field.owner')} value={current.ownerName} />
        </SimpleGrid>
        {current.notes ? (
          <Text mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {current.notes}
          </Text>
        ) : null}
      </Card>
      {changeable ? (
        <Group align="flex-end">
          <Select
            label={t('deals.moveTo')}
            data={stages
              .filter(s => s.id !== current.stageId && s.outcome !== 'lost')
              .map(s => ({ value: s.id, label: s.name }))}
            value={target}
            onChange={setTarget}
            w={220}
          />
          <Button disabled={!target} onClick={() => target && void move(target)}>
            {t('deals.move')}
          </Button>
          {won && current.stageId !== won.id ? (
            <Button color="teal.9" onClick={() => void move(won.id)}>
              {t('deals.markWon')}
            </Button>
          ) : null}
          {lost && current.stageId !== lost.id ? (
            <Button
              color="red"
              variant="light"
              onClick={() => {
                setLostError(undefined);
                setAsking(true);
              }}
            >
              {t('deals.markLost')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <LostReasonModal
        title={asking ? current.title : null}
        error={lostError}
        onCancel={() => setAsking(false)}
        onConfirm={reason => lost && void move(lost.id, reason)}
      />
      {reassigning ? (
        <ReassignDealModal
          deal={current}
          onClose={() => setReassigning(false)}
          onReassigned={(saved, name) => {
            setDeal(saved);
            setReassigning(false);
            setError(null);
            setHandedTo(name);
          }}
        />
      ) : null}
      <Timeline entity="deal" id={current.id} />
      <DocumentsPanel type="deal" id={current.id} />
      <EntityHistory key={current.updatedAt} entityType="deal" entityId={current.id} />
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}
