/**
 * Handlers of the `views` channels (saved list filters, src-shared/ipc/views.ts). Every call works
 * on the session user's own filters only; saving and deleting fill the audit note as a settings
 * change of the entity `saved_filter` (name and list; the filter's before/after).
 */
import type { SavedFilter, viewsContract } from '../../../src-shared/ipc/views';
import { requireSession, type HandlerContext, type Handlers } from '../../ipc';
import { deleteSavedFilter, listSavedFilters, saveFilter } from '../../views/saved-filters';
import { requireVault, target, type RecordHandlerDeps } from './kit';

/** What the views handlers need: the session's vault and a clock. */
export type ViewsHandlerDeps = RecordHandlerDeps;

/** The audit entity type of saved filters. */
export const SAVED_FILTER_ENTITY = 'saved_filter';

function note(ctx: HandlerContext, before: SavedFilter | null, after: SavedFilter | null) {
  const subject = after ?? before;
  if (!subject) return;
  target(ctx, SAVED_FILTER_ENTITY, subject.id);
  ctx.audit.details = { list: subject.list, name: subject.name };
  ctx.audit.changes = {
    filter: { before: before?.filter ?? null, after: after?.filter ?? null },
  };
}

/** The `views` feature's handlers for the router. */
export function viewsHandlers(
  deps: ViewsHandlerDeps,
): Handlers<{ views: typeof viewsContract }>['views'] {
  const now = deps.now ?? (() => new Date());
  const db = () => requireVault(deps).db;
  return {
    savedFilters: async (ctx, input) =>
      listSavedFilters(db(), requireSession(ctx).userId, input.list),
    saveFilter: async (ctx, input) => {
      const { before, after } = await saveFilter(db(), requireSession(ctx).userId, input, now());
      note(ctx, before, after);
      return after;
    },
    deleteFilter: async (ctx, input) => {
      // Named up front: a refused attempt on someone else's id stays attributable.
      target(ctx, SAVED_FILTER_ENTITY, input.id);
      const removed = await deleteSavedFilter(db(), requireSession(ctx).userId, input.id);
      note(ctx, removed, null);
      return { id: removed.id };
    },
  };
}
