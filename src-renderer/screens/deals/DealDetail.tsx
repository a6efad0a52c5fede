/**
 * One deal on the shared record page: its stage by the title, amount, chances, client and notes;
 * move it to another stage, mark it won, or lost with a reason; edit (`e`), delete (the record
 * delete dialog, which destroys the deal's documents too) and "give to another manager" for those
 * allowed; its timeline, documents and history (stage changes among them) for `audit.read` holders.
 */
import { CustomFieldsView } from '../../components/records/CustomFieldsView';
import { Alert, Badge, Box } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, Pipeline } from '../../../src-shared/deals';
import { errorText } from '../../app/errors';
import { Notice } from '../../components/records/Notice';
import { DetailPending, RecordDetail } from '../../components/records/RecordDetail';
import { DeleteRecordModal } from '../../components/records/RecordModals';
import { useRecordDetail, type RecordSource } from '../../components/records/use-record-detail';
import { Timeline } from '../activities/Timeline';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { DealFields } from './DealFields';
import { DealStageActions } from './DealStageActions';
import { fieldErrors } from './format';
import { LostReasonModal } from './LostReasonModal';
import { ReassignDealModal } from './ReassignDealModal';
import { loadDeal, rememberDeal, useDealsStore } from './store';

/** The open deal, kept by the deals section's store (the board is not a paged list). */
const openDealSource: RecordSource<Deal> = { useStore: useDealsStore };

/** The detail view of deal `id`; the `can*` answers decide which actions show. */
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
  const { t } = useTranslation();
  const page = useRecordDetail(
    openDealSource,
    'deal',
    id,
    api =>
      loadDeal(api, id).then(result => {
        if (result.ok) onLoaded?.(result.value);
        return result;
      }),
    [onLoaded],
  );
  const { api, record: deal, dialog, busy, actionError, open, run, keep } = page;
  // The new owner's name; the message is translated when shown (it follows a language switch).
  const [handedTo, setHandedTo] = useState<string | null>(null);

  if (!deal) return <DetailPending ns="deals" error={page.loadError} onBack={onBack} />;

  const stages = pipelines.find(p => p.id === deal.pipelineId)?.stages ?? [];
  const lost = stages.find(s => s.outcome === 'lost');
  const changeable = canChange(deal);
  const move = (stageId: string, lostReason?: string) =>
    keep(
      () =>
        api.deals.move({
          id,
          stageId,
          expectedUpdatedAt: deal.updatedAt,
          ...(lostReason ? { lostReason } : {}),
        }),
      rememberDeal,
    );
  const lostError =
    dialog === 'lost' && actionError
      ? (fieldErrors(t, actionError)['lostReason'] ?? errorText(t, actionError))
      : undefined;
  const won = deal.outcome === 'won';

  return (
    <RecordDetail
      ns="deals"
      history={{ type: 'deal', id, updatedAt: deal.updatedAt }}
      title={deal.title}
      badge={
        <Badge
          color={won ? 'teal.9' : deal.outcome === 'lost' ? 'red' : 'blue'}
          size="lg"
          variant={won ? 'filled' : 'light'}
          data-testid="deal-stage"
        >
          {deal.stageName}
        </Badge>
      }
      // deals.get reads live deals only: a deleted deal has no page.
      deleted={false}
      abilities={{
        update: changeable,
        // Any signed-in user may list the colleagues a deal can go to.
        readUsers: true,
        reassign: canReassign(deal),
        delete: canDelete(deal),
        restore: false,
      }}
      onEdit={() => onEdit(deal)}
      open={open}
      busy={busy}
      actionError={actionError}
      dialogOpen={dialog !== null}
      onBack={onBack}
      printable
    >
      {handedTo ? (
        <Notice closeLabel={t('deals.notice')} onClose={() => setHandedTo(null)}>
          {t('deals.reassign.done', { name: handedTo })}
        </Notice>
      ) : null}
      {deal.lostReason ? (
        <Alert color="red" variant="light" title={t('deals.field.lostReason')}>
          {deal.lostReason}
        </Alert>
      ) : null}
      <DealFields deal={deal} />
      <CustomFieldsView recordType="deal" id={deal.id} updatedAt={deal.updatedAt} />
      {changeable ? (
        <DealStageActions
          key={deal.stageId}
          deal={deal}
          stages={stages}
          onMove={move}
          onLost={() => open('lost')}
        />
      ) : null}
      <LostReasonModal
        title={dialog === 'lost' ? deal.title : null}
        error={lostError}
        busy={busy}
        onCancel={page.close}
        onConfirm={reason => lost && move(lost.id, reason)}
      />
      {dialog === 'reassign' ? (
        <ReassignDealModal
          deal={deal}
          onClose={page.close}
          onReassigned={(saved, name) => {
            rememberDeal(saved);
            page.close();
            setHandedTo(name);
          }}
        />
      ) : null}
      <DeleteRecordModal
        ns="deals"
        busy={busy}
        error={actionError}
        onClose={page.close}
        opened={dialog === 'delete'}
        name={deal.title}
        documents={page.documentCount}
        focusConfirm
        onConfirm={() =>
          // Deals have no restore: a deleted deal leaves the board, and so does its page.
          void run(() => page.deleteWithDocuments(() => api.deals.delete({ id }))).then(
            done => done && onBack(),
          )
        }
      />
      <Timeline entity="deal" id={id} />
      <Box className="zamok-no-print">
        <DocumentsPanel type="deal" id={id} />
      </Box>
    </RecordDetail>
  );
}
