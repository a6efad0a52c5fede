/**
 * Deals storage (migration 0008_deals): row types, the typed error every deal and pipeline function
 * throws, and row ↔ domain mapping. The `Viewer` (who asks, how far their grant reaches) is the
 * contacts' one, built from the `deals.*` grant of the channel.
 */
import { collationText } from '../../../src-shared/contacts';
import type { Deal, DealFields, DealSummary, StageOutcome } from '../../../src-shared/deals';
import type { DealsTable } from '../../vault/schema';

/** What list and detail queries select besides the deal row. */
export interface DealJoins {
  owner_name: string;
  stage_name: string;
  outcome: StageOutcome;
  contact_name: string | null;
  company_name: string | null;
}

/** `deals` row + joins → `Deal`. */
export function rowToDeal(row: DealsTable & DealJoins): Deal {
  return {
    ...rowToSummary(row),
    stageName: row.stage_name,
    outcome: row.outcome,
    closedAt: row.closed_at,
    notes: row.notes,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
  };
}

/** The summary columns (list rows, board cards). */
export function rowToSummary(
  row: Omit<
    DealsTable,
    | 'notes'
    | 'sort_key'
    | 'closed_at'
    | 'created_by'
    | 'updated_by'
    | 'deleted_at'
    | 'deleted_by'
    | 'custom_values'
  > &
    Pick<DealJoins, 'owner_name' | 'contact_name' | 'company_name'>,
): DealSummary {
  return {
    id: row.id,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    title: row.title,
    amountMinor: row.amount_minor,
    currency: row.currency,
    probability: row.probability,
    expectedClose: row.expected_close,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    lostReason: row.lost_reason,
    contactId: row.contact_id,
    contactName: row.contact_name,
    companyId: row.company_id,
    companyName: row.company_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored columns of a deal's editable fields, with the derived sort key. */
export function fieldsToColumns(f: DealFields) {
  return {
    title: f.title,
    amount_minor: f.amountMinor,
    currency: f.currency,
    probability: f.probability,
    expected_close: f.expectedClose,
    contact_id: f.contactId,
    company_id: f.companyId,
    notes: f.notes,
    sort_key: collationText(f.title),
  };
}

/** The editable fields of a stored deal, for applying a patch. */
export function dealFields(d: Deal): DealFields {
  return {
    title: d.title,
    amountMinor: d.amountMinor,
    currency: d.currency,
    probability: d.probability,
    expectedClose: d.expectedClose,
    contactId: d.contactId,
    companyId: d.companyId,
    notes: d.notes,
  };
}
