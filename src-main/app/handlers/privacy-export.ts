/**
 * Handler of `privacy.exportPreview`, the contacts export dialog's purpose picker: the active
 * purposes, and how many contacts the export of the list's filter would leave out (objection, and
 * no valid basis for the chosen purpose). The caller is seen exactly as `contacts.export` sees them
 * (the export grant's scope, the companies reach), so the counts match what the export leaves out.
 * Counts only, never who.
 */
import type { privacyContract } from '../../../src-shared/privacy/contract';
import { exportExclusions } from '../../crm/contacts/export';
import type { Handlers } from '../../ipc';
import { requireVault, viewerOf, type RecordHandlerDeps } from './kit';

type PrivacyHandlers = Handlers<{ privacy: typeof privacyContract }>['privacy'];
/** The export part of the `privacy` handlers. */
export type ExportPreviewHandlers = Pick<PrivacyHandlers, 'exportPreview'>;

/** The purpose picker's handler. */
export function exportPreviewHandlers(deps: RecordHandlerDeps): ExportPreviewHandlers {
  return {
    exportPreview: async (ctx, input) => {
      const { db } = requireVault(deps);
      const viewer = { ...viewerOf(ctx), companyScope: ctx.grants['companies.read'] };
      const purposes = await db
        .selectFrom('privacy_purposes')
        .select(['id', 'name', 'ground'])
        .where('archived_at', 'is', null)
        .orderBy('name')
        .orderBy('id')
        .execute();
      const counts = await exportExclusions(db, viewer, {
        ...(input.filter ? { filter: input.filter } : {}),
        ...(input.purposeId ? { purposeId: input.purposeId } : {}),
      });
      return { purposes, ...counts };
    },
  };
}
