/**
 * Handlers of `records.duplicates` (the forms' duplicate check, src-main/import/form-duplicates.ts)
 * and `records.export` (src-shared/ipc/records.ts). The router has checked
 * `contacts.export` (the right to take client records out of the vault) and the type's read grant;
 * the rows are those both scopes reach (the narrower of the two), read in SQL. The export limits
 * (approval above the owner's threshold) are the router's export-limits wrapper, which the channel
 * declares (`exportLimit`, src-main/app/export-limits.ts). Every export's audit entry carries its
 * count, so the mass-export alert and the window count include it. The entry holds type, format
 * and count, never the contents.
 */
import { SCOPE_RANK, type Scope } from '../../../src-shared/permissions';
import type { recordsContract } from '../../../src-shared/ipc/records';
import { exportRecords } from '../../exports';
import { findDuplicates } from '../../import/form-duplicates';
import { withNameSuggestions } from '../../import/form-similar';
import type { Handlers } from '../../ipc';
import { requireVault, viewerWith, type RecordHandlerDeps } from './kit';

/** What the export handler needs: the vault, a clock, and (tests) the time zone of local dates. */
export interface RecordsHandlerDeps extends RecordHandlerDeps {
  timeZone?: string;
}

function narrower(a: Scope | undefined, b: Scope | undefined): Scope | undefined {
  if (a === undefined || b === undefined) return undefined;
  return SCOPE_RANK[a] <= SCOPE_RANK[b] ? a : b;
}

const READ_GRANT = {
  contacts: 'contacts.read',
  companies: 'companies.read',
  deals: 'deals.read',
  activities: 'activities.read',
} as const;

/** The `records` feature's handlers for the router. */
export function recordsHandlers(
  deps: RecordsHandlerDeps,
): Handlers<{ records: typeof recordsContract }>['records'] {
  const now = deps.now ?? (() => new Date());
  return {
    duplicates: async (ctx, input) => {
      const viewer = viewerWith(ctx, ctx.grants[`${input.type}.read`]);
      const probe = { ...input, phones: input.phones ?? [], emails: input.emails ?? [] };
      const { db } = requireVault(deps);
      const found = await findDuplicates(db, input.type, viewer, probe);
      const warnings = await withNameSuggestions(db, input.type, viewer, input, found);
      ctx.audit.details = {
        type: input.type,
        probed:
          probe.phones.length +
          probe.emails.length +
          (input.edrpou ? 1 : 0) +
          (input.rnokpp ? 1 : 0),
        named: warnings.filter(w => w.visible && w.field !== 'name').length,
        ...(input.name ? { similar: warnings.filter(w => w.field === 'name').length } : {}),
        unnamed: warnings.filter(w => !w.visible).length,
      };
      return warnings;
    },
    export: async (ctx, input) => {
      const open = requireVault(deps);
      const read = ctx.grants[READ_GRANT[input.type]];
      // Contacts: the export grant's own scope, as the contacts export (shares count as reads).
      const scope =
        input.type === 'contacts'
          ? ctx.grant?.scope
          : narrower(ctx.grant?.scope ?? undefined, read);
      const viewer = viewerWith(ctx, scope);
      const file = await exportRecords(
        open.db,
        viewer,
        {
          contact: ctx.grants['contacts.read'],
          company: ctx.grants['companies.read'],
          deal: ctx.grants['deals.read'],
        },
        { ...input, timeZone: deps.timeZone, now: now() },
      );
      ctx.audit.details = {
        ...{
          type: input.type,
          format: input.format,
          count: file.count,
          all: input.ids === undefined && input.filter === undefined,
        },
        ...(input.purposeId !== undefined ? { purposeId: input.purposeId } : {}),
      };
      return file;
    },
  };
}
