/**
 * Handlers of the processing register (`privacy.listPurposes`, `createPurpose`, `updatePurpose`,
 * `registerPdf`). The router has checked privacy.read / privacy.manage. Audited field by field
 * (purpose names and categories are office data, not personal data); the Ombudsman task's id is
 * in the entry's details when one was created.
 */
import { REPORT_FILE_MAX_BYTES } from '../../../src-shared/ipc/reports';
import type { privacyContract } from '../../../src-shared/privacy/contract';
import { registerDocument } from '../../../src-shared/privacy/register-document';
import type { Purpose } from '../../../src-shared/privacy';
import { requireSession, type Handlers } from '../../ipc';
import { createPurpose, listPurposes, updatePurpose } from '../../privacy/register';
import { reportPdfBuffer } from '../../reports/pdf';
import { entityAudit, requireVault, type RecordHandlerDeps } from './kit';
import { pdfFile } from './reports';

type PrivacyHandlers = Handlers<{ privacy: typeof privacyContract }>['privacy'];
/** The register part of the `privacy` handlers. */
export type RegisterHandlers = Pick<
  PrivacyHandlers,
  'listPurposes' | 'createPurpose' | 'updatePurpose' | 'registerPdf'
>;

/** The audit entity type of register purposes. */
export const PURPOSE_ENTITY = 'privacy_purpose';

function purposeAuditView(p: Purpose): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = p;
  return fields;
}

/** The register channels' handlers. */
export function registerHandlers(deps: RecordHandlerDeps): RegisterHandlers {
  const now = deps.now ?? (() => new Date());
  const db = () => requireVault(deps).db;
  const { target, record } = entityAudit(PURPOSE_ENTITY, purposeAuditView);

  return {
    listPurposes: async () => listPurposes(db()),
    createPurpose: async (ctx, input) => {
      const change = await createPurpose(db(), requireSession(ctx).userId, input.purpose, now());
      if (change.after.ombudsmanTaskId) {
        ctx.audit.details = { ombudsmanTaskId: change.after.ombudsmanTaskId };
      }
      return record(ctx, change);
    },
    updatePurpose: async (ctx, input) => {
      target(ctx, input.id);
      const change = await updatePurpose(db(), input.id, input.patch, now());
      if (change.after.ombudsmanTaskId !== change.before.ombudsmanTaskId) {
        ctx.audit.details = { ombudsmanTaskId: change.after.ombudsmanTaskId };
      }
      return record(ctx, change);
    },
    registerPdf: async (ctx, input) => {
      const purposes = await listPurposes(db());
      ctx.audit.details = { lang: input.lang, format: 'pdf', purposes: purposes.length };
      const name = input.lang === 'uk' ? 'reiestr-obrobky' : 'processing-register';
      return pdfFile(`${name}-${now().toISOString().slice(0, 10)}.pdf`, () =>
        reportPdfBuffer(registerDocument(purposes, input.lang, now()), REPORT_FILE_MAX_BYTES),
      );
    },
  };
}
