/**
 * Deals in the importer, the shared half: the header synonyms, the mapping, and a row read into a
 * deal's own fields — title, amount ("12 500,50" through the form's `parseMoney`), currency
 * (ISO code, sign or word), expected close date (dd.mm.yyyy as Ukrainian sheets write it, or the
 * XLSX reader's YYYY-MM-DD) and notes, checked by the deal form's own schema — plus the names main
 * must look up (pipeline, stage, owner, contact, company: ../../src-main/import/deals/lookups.ts).
 */
import {
  CURRENCIES,
  dealInputSchema,
  dealIssues,
  isCalendarDate,
  parseMoney,
  type Currency,
  type DealInput,
} from '../deals';
import { DEAL_IMPORT_FIELDS, type DealImportField } from './fields';
import { withoutFormulaGuard } from './mapping';
import { normalizeHeader } from './synonyms';

/** How the columns of a file fill a deal: one entry per header, null = skipped. */
export interface DealColumnMapping {
  type: 'deals';
  columns: (DealImportField | null)[];
}

const DEAL_WORDS: Record<DealImportField, string[]> = {
  title: [
    'Назва угоди',
    'Угода',
    'Назва',
    'Сделка',
    'Название сделки',
    'Название',
    'Deal',
    'Title',
    'Deal name',
    'Deal title',
  ],
  amount: ['Сума', 'Сума угоди', 'Бюджет', 'Сумма', 'Amount', 'Value', 'Deal value'],
  currency: ['Валюта', 'Currency'],
  pipeline: ['Воронка', 'Pipeline', 'Sales pipeline'],
  stage: ['Етап', 'Стадія', 'Этап', 'Стадия', 'Stage', 'Deal stage'],
  expectedClose: [
    'Дата закриття',
    'Очікувана дата закриття',
    'Плановане закриття',
    'Дата закрытия',
    'Expected close',
    'Expected close date',
    'Close date',
  ],
  owner: ['Відповідальний', 'Власник', 'Менеджер', 'Ответственный', 'Owner', 'Deal owner'],
  contact: [
    'Контакт',
    'Клієнт',
    'Контактна особа',
    'Клиент',
    'Contact',
    'Contact person',
    'Person',
  ],
  company: [
    'Компанія',
    'Організація',
    'Компания',
    'Организация',
    'ЄДРПОУ',
    'Company',
    'Organization',
  ],
  notes: ['Нотатки', 'Примітки', 'Коментар', 'Примечание', 'Комментарий', 'Notes', 'Comment'],
};

const DEAL_HEADERS = new Map<string, DealImportField>(
  Object.entries(DEAL_WORDS).flatMap(([field, words]) =>
    words.map(word => [normalizeHeader(word), field as DealImportField] as const),
  ),
);

/** The mapping the headers suggest: each recognised header fills its field once. */
export function suggestDealMapping(headers: readonly string[]): DealColumnMapping {
  const used = new Set<DealImportField>();
  const columns = headers.map(header => {
    const field = DEAL_HEADERS.get(normalizeHeader(header)) ?? null;
    if (field === null || (used.has(field) && field !== 'notes')) return null;
    used.add(field);
    return field;
  });
  return { type: 'deals', columns };
}

/** Whether `mapping` fits `headers`: one entry per header, deal fields only. */
export function dealMappingFits(mapping: DealColumnMapping, headers: readonly string[]): boolean {
  const allowed = new Set<string>(DEAL_IMPORT_FIELDS);
  return (
    mapping.columns.length === headers.length &&
    mapping.columns.every(field => field === null || allowed.has(field))
  );
}

/**
 * An expected close date: «31.01.2027», «1.2.2027», «31/01/2027» (day first, as Ukrainian sheets
 * write it) or the XLSX reader's «2027-01-31» (a time after it is ignored); null when it is none
 * of these or no such day exists (31.04).
 */
export function parseCloseDate(text: string): string | null {
  const day = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/u.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/u.exec(text);
  const parts = day ? [day[3], day[2], day[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (parts === null) return null;
  const [y, m, d] = parts.map(p => (p ?? '').padStart(2, '0'));
  const date = `${y}-${m}-${d}`;
  return isCalendarDate(date) ? date : null;
}

const CURRENCY_WORDS: Record<string, Currency> = {
  '₴': 'UAH',
  грн: 'UAH',
  'грн.': 'UAH',
  гривня: 'UAH',
  гривні: 'UAH',
  гривень: 'UAH',
  гривна: 'UAH',
  $: 'USD',
  дол: 'USD',
  долар: 'USD',
  долари: 'USD',
  доларів: 'USD',
  доллар: 'USD',
  '€': 'EUR',
  євро: 'EUR',
  евро: 'EUR',
  zł: 'PLN',
  злотий: 'PLN',
  злоті: 'PLN',
  злотих: 'PLN',
};

/** A currency from its ISO code (any case), sign or Ukrainian/Russian word; null otherwise. */
export function parseCurrency(text: string): Currency | null {
  const key = text.trim().toLocaleLowerCase('uk');
  const code = key.toUpperCase();
  if ((CURRENCIES as readonly string[]).includes(code)) return code as Currency;
  return CURRENCY_WORDS[key] ?? null;
}

/** The names of a row main looks up (trimmed, non-empty). */
export interface DealRefs {
  pipeline?: string;
  stage?: string;
  owner?: string;
  contact?: string;
  company?: string;
}

/** A row's deal fields (the form's schema passed) and the names to look up. */
export interface DealRowDraft {
  input: Pick<DealInput, 'title' | 'amountMinor' | 'currency' | 'expectedClose' | 'notes'>;
  refs: DealRefs;
}

/** One problem of a row: the import field and a message code. */
export interface DealRowIssue {
  field: string;
  code: string;
}

/** The cells of a row per field: the first non-empty one, notes joined by line breaks. */
function cellsOf(mapping: DealColumnMapping, row: readonly string[]): Map<DealImportField, string> {
  const out = new Map<DealImportField, string>();
  mapping.columns.forEach((field, i) => {
    const cell = withoutFormulaGuard((row[i] ?? '').trim());
    if (field === null || cell.length === 0) return;
    const had = out.get(field);
    if (had === undefined) out.set(field, cell);
    else if (field === 'notes') out.set(field, `${had}\n${cell}`);
  });
  return out;
}

/** Form schema paths → import fields (the wizard opens the column an issue names). */
const FIELD_OF_PATH: Record<string, DealImportField> = {
  title: 'title',
  amountMinor: 'amount',
  currency: 'currency',
  expectedClose: 'expectedClose',
  notes: 'notes',
};

/**
 * Reads one row: the deal's own fields through the form's schema (every issue at once, never the
 * rejected values), and the names main looks up.
 */
export function parseDealRow(
  mapping: DealColumnMapping,
  row: readonly string[],
): { ok: true; draft: DealRowDraft } | { ok: false; issues: DealRowIssue[]; refs: DealRefs } {
  const cells = cellsOf(mapping, row);
  const issues: DealRowIssue[] = [];
  const draft: Record<string, unknown> = { title: cells.get('title') ?? '' };
  const amount = cells.get('amount');
  if (amount !== undefined) {
    const money = parseMoney(amount);
    if (money.ok) draft.amountMinor = money.minor;
    else issues.push({ field: 'amount', code: `deal.${money.issue}` });
  }
  const currencyText = cells.get('currency');
  if (currencyText !== undefined) {
    const currency = parseCurrency(currencyText);
    if (currency === null) issues.push({ field: 'currency', code: 'deal.currency_invalid' });
    else draft.currency = currency;
  }
  const close = cells.get('expectedClose');
  if (close !== undefined) {
    const date = parseCloseDate(close);
    if (date === null) issues.push({ field: 'expectedClose', code: 'import.close_date' });
    else draft.expectedClose = date;
  }
  const notes = cells.get('notes');
  if (notes !== undefined) draft.notes = notes;
  const parsed = dealInputSchema.safeParse(draft);
  if (!parsed.success)
    for (const issue of dealIssues(parsed.error))
      issues.push({ field: FIELD_OF_PATH[issue.field] ?? issue.field, code: issue.code });
  const refs: DealRefs = {};
  for (const field of ['pipeline', 'stage', 'owner', 'contact', 'company'] as const) {
    const value = cells.get(field);
    if (value !== undefined) refs[field] = value;
  }
  if (!parsed.success || issues.length > 0) return { ok: false, issues, refs };
  const { title, amountMinor, currency, expectedClose, notes: text } = parsed.data;
  return {
    ok: true,
    draft: {
      input: {
        title,
        amountMinor,
        currency: currency ?? 'UAH',
        expectedClose: expectedClose ?? null,
        notes: text ?? null,
      },
      refs,
    },
  };
}
