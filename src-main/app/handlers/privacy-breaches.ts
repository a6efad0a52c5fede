/**
 * Handlers of the breach register (`privacy.listBreaches`, `createBreach`, `openBreachFromAlert`,
 * `updateBreach`, `breachesFile`). The router has checked privacy.read / privacy.manage. Incidents
 * are office data (counts and categories, no names); audited field by field.
 */
import { REPORT_FILE_MAX_BYTES } from '../../../src-shared/ipc/reports';
import type { Breach } from '../../../src-shared/privacy';
import { breachDocument, breachTable } from '../../../src-shared/privacy/breach-document';
import type { privacyContract } from '../../../src-shared/privacy/contract';
import { ALERT_INCIDENT_TITLES } from '../../../src-shared/privacy/labels';
import { csvCell } from '../../audit/export';
import { requireSession, type Handlers } from '../../ipc';
import {
  createBreach,
  createBreachFromAlert,
  listBreaches,
  updateBreach,
} from '../../privacy/breach';
import { reportPdfBuffer } from '../../reports/pdf';
import { entityAudit, requireVault, type RecordHandlerDeps } from './kit';
import { pdfFile } from './reports';

type PrivacyHandlers = Handlers<{ privacy: typeof privacyContract }>['privacy'];
/** The breach part of the `privacy` handlers. */
export type BreachHandlers = Pick<
  PrivacyHandlers,
  'listBreaches' | 'createBreach' | 'openBreachFromAlert' | 'updateBreach' | 'breachesFile'
>;

/** The audit entity type of incidents. */
export const BREACH_ENTITY = 'privacy_breach';

function breachAuditView(b: Breach): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = b;
  return fields;
}

/** The register as CSV: UTF-8 with BOM, `;`, CRLF, formula-safe cells. */
export function breachesCsv(breaches: Breach[], lang: 'uk' | 'en'): string {
  const table = breachTable(breaches, lang);
  const line = (cells: string[]) => `${cells.map(c => csvCell(c, ';')).join(';')}\r\n`;
  return `\uFEFF${line(table.columns)}${table.rows.map(line).join('')}`;
}

/** The breach channels' handlers. */
export function breachHandlers(deps: RecordHandlerDeps): BreachHandlers {
  const now = deps.now ?? (() => new Date());
  const db = () => requireVault(deps).db;
  const { target, record } = entityAudit(BREACH_ENTITY, breachAuditView);

  return {
    listBreaches: async () => listBreaches(db()),
    createBreach: async (ctx, input) =>
      record(ctx, await createBreach(db(), requireSession(ctx).userId, input.breach, now())),
    openBreachFromAlert: async (ctx, input) => {
      const userId = requireSession(ctx).userId;
      const titles = ALERT_INCIDENT_TITLES[input.lang];
      ctx.audit.details = { alertId: input.alertId };
      return record(ctx, await createBreachFromAlert(db(), userId, input.alertId, titles, now()));
    },
    updateBreach: async (ctx, input) => {
      target(ctx, input.id);
      return record(ctx, await updateBreach(db(), input.id, input.patch, now()));
    },
    breachesFile: async (ctx, input) => {
      const breaches = await listBreaches(db());
      ctx.audit.details = { format: input.format, lang: input.lang, incidents: breaches.length };
      const name = `zamok-breaches-${now().toISOString().slice(0, 10)}`;
      if (input.format === 'csv') {
        return {
          fileName: `${name}.csv`,
          mimeType: 'text/csv',
          text: breachesCsv(breaches, input.lang),
        };
      }
      return pdfFile(`${name}.pdf`, () =>
        reportPdfBuffer(breachDocument(breaches, input.lang, now()), REPORT_FILE_MAX_BYTES, {
          landscape: true,
        }),
      );
    },
  };
}
