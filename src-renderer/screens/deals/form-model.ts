/**
 * The deal form's values and their checks, with the record form model (components/records): the
 * shared zod schema the main process parses with gives the live errors. The amount is typed the
 * Ukrainian way ("12 500,50") and read with `parseMoney` into kopecks; a text it cannot read is
 * sent as a value the schema rejects with the same `deal.amount_*` code.
 */
import {
  DEAL_LIMITS,
  dealInputSchema,
  dealIssues,
  isDealIssueCode,
  moneyInputText,
  parseMoney,
  type Currency,
  type Deal,
  type DealInput,
  type DealIssueCode,
} from '../../../src-shared/deals';
import { createFormModel, type RecordFormModel } from '../../components/records/form-model';

/** A picked contact or company: its id ('' = none) and the name shown in the picker. */
export interface PickedRecord {
  id: string;
  name: string;
}

/** The form's fields as typed. `stageId` null = an edit (the stage changes only by a move). */
export interface DealFormValues {
  title: string;
  amount: string;
  currency: Currency;
  stageId: string | null;
  probability: number | '';
  expectedClose: string;
  contact: PickedRecord;
  company: PickedRecord;
  notes: string;
}

/** The form filled from a stored deal. */
export function valuesFromDeal(deal: Deal): DealFormValues {
  return {
    title: deal.title,
    amount: moneyInputText(deal.amountMinor),
    currency: deal.currency,
    stageId: null,
    probability: deal.probability,
    expectedClose: deal.expectedClose ?? '',
    contact: { id: deal.contactId ?? '', name: deal.contactName ?? '' },
    company: { id: deal.companyId ?? '', name: deal.companyName ?? '' },
    notes: deal.notes ?? '',
  };
}

/** The amount in kopecks, or a number the schema rejects with the parse's own issue. */
function amountMinorOf(text: string): number {
  if (text.trim() === '') return 0;
  const money = parseMoney(text);
  if (money.ok) return money.minor;
  return money.issue === 'amount_too_large' ? DEAL_LIMITS.amountMinor + 1 : Number.NaN;
}

/** The form as the channel's input (before normalisation). */
function rawInput(values: DealFormValues) {
  const input = {
    title: values.title,
    amountMinor: amountMinorOf(values.amount),
    currency: values.currency,
    expectedClose: values.expectedClose || null,
    contactId: values.contact.id || null,
    companyId: values.company.id || null,
    notes: values.notes,
    ...(values.probability === '' ? {} : { probability: values.probability }),
    ...(values.stageId === null ? {} : { stageId: values.stageId }),
  };
  return { input, index: {} };
}

/** The form as the channel's input. */
export type RawDealInput = ReturnType<typeof rawInput>['input'];

const FIELD_KEYS = [
  'title',
  'amountMinor',
  'currency',
  'probability',
  'expectedClose',
  'contactId',
  'companyId',
  'notes',
] as const satisfies readonly (keyof DealInput)[];

/**
 * The deal form's model; a new deal starts in `stageId` (the pipeline's first open stage) and
 * `currency` (the office's default currency). An
 * edit's patch never carries a field left out (a cleared probability is not sent, as before).
 */
export function dealFormModel(
  stageId: string,
  currency: Currency = 'UAH',
): RecordFormModel<DealFormValues, DealInput, RawDealInput, Deal, DealIssueCode> {
  const model = createFormModel({
    empty: (): DealFormValues => ({
      title: '',
      amount: '',
      currency,
      stageId,
      probability: '',
      expectedClose: '',
      contact: { id: '', name: '' },
      company: { id: '', name: '' },
      notes: '',
    }),
    valuesOf: valuesFromDeal,
    rawInput,
    schema: { safeParse: input => dealInputSchema.safeParse(input), issues: dealIssues },
    isCode: isDealIssueCode,
    keys: FIELD_KEYS,
  });
  return {
    ...model,
    changedFields: (before, after, raw) =>
      Object.fromEntries(
        Object.entries(model.changedFields(before, after, raw)).filter(([, v]) => v !== undefined),
      ) as Partial<RawDealInput>,
  };
}
