/**
 * The audit screen's filters as the user types them (dates as `YYYY-MM-DD` in local time) and their
 * translation into `audit.list` / `audit.export` inputs (UTC instants, `to` exclusive).
 */
import type { InputOf } from '../../../src-shared/ipc/contract';
import type { auditContract } from '../../../src-shared/ipc/audit';
import { offerDownload } from '../../components/download';

/** Filter fields; empty strings mean "any". */
export interface AuditFilterForm {
  userId: string;
  action: string;
  entityType: string;
  entityId: string;
  /** `YYYY-MM-DD`, local day, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, local day, inclusive (the whole day counts). */
  to: string;
}

/** No filter at all. */
export const EMPTY_FILTERS: AuditFilterForm = {
  userId: '',
  action: '',
  entityType: '',
  entityId: '',
  from: '',
  to: '',
};

type ListInput = InputOf<typeof auditContract.list>;
type ExportInput = InputOf<typeof auditContract.export>;

/** Local midnight at the start of `day` (`YYYY-MM-DD`), as an ISO instant; null when not a date. */
export function startOfLocalDay(day: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The range as instants: `from` at its local midnight, `to` at the midnight after its day. */
export function rangeOf(form: Pick<AuditFilterForm, 'from' | 'to'>): {
  from?: string;
  to?: string;
} {
  const from = form.from ? startOfLocalDay(form.from) : null;
  const to = form.to ? startOfLocalDay(form.to, 1) : null;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** True when both dates are set and "from" is after "to" (the server would refuse it). */
export function rangeInverted(form: Pick<AuditFilterForm, 'from' | 'to'>): boolean {
  const { from, to } = rangeOf(form);
  return from !== undefined && to !== undefined && from >= to;
}

/** The `audit.list` input for the filters, one page of `limit` before `beforeSeq`. */
export function listInputOf(form: AuditFilterForm, limit: number, beforeSeq?: number): ListInput {
  const entityType = form.entityType.trim();
  const entityId = form.entityId.trim();
  return {
    limit,
    ...(form.userId ? { userId: form.userId } : {}),
    ...(form.action ? { action: form.action } : {}),
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
    ...rangeOf(form),
    ...(beforeSeq !== undefined ? { beforeSeq } : {}),
  };
}

/**
 * The `audit.export` input for the chosen dates, as CSV with `;` for Ukrainian spreadsheets. An open
 * start means "from the beginning of the log", an open end "up to now".
 */
export function exportInputOf(
  form: Pick<AuditFilterForm, 'from' | 'to'>,
  language: string,
  now: Date = new Date(),
): ExportInput {
  const range = rangeOf(form);
  return {
    format: 'csv',
    from: range.from ?? new Date(0).toISOString(),
    to: range.to ?? new Date(now.getTime() + 60_000).toISOString(),
    delimiter: language === 'uk' ? ';' : ',',
  };
}

/** Offers text as a file download (Blob + a temporary `<a download>`), then frees the Blob. */
export function saveTextFile(fileName: string, mimeType: string, content: string): void {
  offerDownload(fileName, new Blob([content], { type: mimeType }));
}
