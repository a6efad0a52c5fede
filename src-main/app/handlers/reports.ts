/**
 * Handlers of the `reports` channels: the access regulation (structured + PDF) and the monthly
 * review (structured, CSV, PDF). The router has checked `reports.regulation` / `reports.review`;
 * the review's coverage (everyone or the caller's team) is decided in its SQL (src-main/reports).
 * Every call is audited with what was produced (language, month, number of people), never content.
 */
import type { ReportFile, reportsContract } from '../../../src-shared/ipc/reports';
import { REPORT_FILE_MAX_BYTES } from '../../../src-shared/ipc/reports';
import { regulationDocument } from '../../../src-shared/reports/regulation';
import { reviewDocument } from '../../../src-shared/reports/review-document';
import { CallFailure, type Handlers, type HandlerContext } from '../../ipc';
import { regulationFileName, reviewCsv, reviewFileName } from '../../reports/csv';
import { reportPdfBuffer, ReportTooLargeError } from '../../reports/pdf';
import { readRegulationFacts } from '../../reports/regulation';
import { monthlyReview } from '../../reports/review';
import { readOfficeSettings } from '../../settings/office-settings';
import type { OpenVault } from '../../vault';
import { callerWithGrants, requireVault } from './kit';

/** What the report handlers need from the app. */
export interface ReportsHandlerDeps {
  openVault(): OpenVault | null;
  now(): Date;
  appVersion(): string;
  /** The idle auto-lock the app applies, in minutes. */
  autoLockMinutes(): Promise<number>;
}

/** The PDF as a file payload, or `conflict` when it would exceed the bound. */
export async function pdfFile(fileName: string, make: () => Promise<Buffer>): Promise<ReportFile> {
  try {
    const pdf = await make();
    return { fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') };
  } catch (error) {
    if (error instanceof ReportTooLargeError) {
      throw new CallFailure('conflict', 'The report is too large to open here; use the zamok CLI.');
    }
    throw error;
  }
}

/** The `reports` feature's handlers for the router. */
export function reportsHandlers(
  deps: ReportsHandlerDeps,
): Handlers<{ reports: typeof reportsContract }>['reports'] {
  const vault = () => requireVault(deps);

  async function facts() {
    return readRegulationFacts(vault(), {
      now: deps.now(),
      appVersion: deps.appVersion(),
      autoLockMinutes: await deps.autoLockMinutes(),
    });
  }

  async function review(ctx: HandlerContext<'audit.read'>, month: string) {
    const caller = callerWithGrants(ctx);
    const result = await monthlyReview(vault(), caller, month, deps.now());
    ctx.audit.details = { month, coverage: result.coverage, users: result.users.length };
    return result;
  }

  return {
    regulation: async (ctx, input) => {
      const f = await facts();
      ctx.audit.details = { lang: input.lang, users: f.users.length, roles: f.roles.length };
      return { facts: f, document: regulationDocument(f, input.lang) };
    },
    regulationPdf: async (ctx, input) => {
      const f = await facts();
      ctx.audit.details = {
        lang: input.lang,
        format: 'pdf',
        users: f.users.length,
        roles: f.roles.length,
      };
      return pdfFile(regulationFileName(input.lang), () =>
        reportPdfBuffer(regulationDocument(f, input.lang), REPORT_FILE_MAX_BYTES),
      );
    },
    review: async (ctx, input) => review(ctx, input.month),
    reviewCsv: async (ctx, input) => {
      const r = await review(ctx, input.month);
      ctx.audit.details = { ...ctx.audit.details, format: 'csv' };
      return {
        fileName: reviewFileName(input.month, 'csv'),
        mimeType: 'text/csv;charset=utf-8',
        text: reviewCsv(r, input.lang),
      };
    },
    reviewPdf: async (ctx, input) => {
      const r = await review(ctx, input.month);
      ctx.audit.details = { ...ctx.audit.details, format: 'pdf' };
      const { officeName } = await readOfficeSettings(vault().db);
      const document = reviewDocument(r, input.lang, officeName);
      return pdfFile(reviewFileName(input.month, 'pdf'), () =>
        reportPdfBuffer(document, REPORT_FILE_MAX_BYTES, { landscape: true }),
      );
    },
  };
}
