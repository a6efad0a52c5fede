/**
 * Handlers of the `fields` channels (custom fields): thin calls into src-main/crm/custom-fields; the router
 * checks `fields.manage` (definitions) and writes the audit entry each handler describes. A
 * record's values are read and written with the scope of the caller's read / update grant of that
 * record type (declared grants, failing closed: `forbidden` without one).
 */
import type { CustomRecordType } from '../../../src-shared/custom-fields';
import type { customFieldsContract } from '../../../src-shared/ipc/custom-fields';
import { diffFields } from '../../audit/redact';
import {
  createField,
  deleteField,
  listFields,
  reorderFields,
  setArchived,
  updateField,
} from '../../crm/custom-fields/definitions';
import { readRecordValues, setRecordValues, valuesByLabel } from '../../crm/custom-fields/values';
import type { Handlers } from '../../ipc';
import { requireVault, target, viewerWith, type RecordHandlerDeps } from './kit';

/** The audit entity type of a field definition. */
export const CUSTOM_FIELD_ENTITY = 'custom_field';

const GRANT = {
  contact: { read: 'contacts.read', update: 'contacts.update' },
  company: { read: 'companies.read', update: 'companies.update' },
  deal: { read: 'deals.read', update: 'deals.update' },
} as const satisfies Record<CustomRecordType, { read: string; update: string }>;

/** The `fields` feature's handlers (custom fields) for the router. */
export function customFieldsHandlers(
  deps: RecordHandlerDeps,
): Handlers<{ fields: typeof customFieldsContract }>['fields'] {
  const db = () => requireVault(deps).db;
  const now = () => deps.now?.() ?? new Date();
  return {
    list: (_ctx, input) => listFields(db(), input.recordType, input.includeArchived === true),
    create: async (ctx, input) => {
      const field = await createField(db(), input, now());
      target(ctx, CUSTOM_FIELD_ENTITY, field.id);
      ctx.audit.changes = diffFields(null, {
        recordType: field.recordType,
        label: field.label,
        kind: field.kind,
        options: field.options,
      });
      return field;
    },
    update: async (ctx, input) => {
      target(ctx, CUSTOM_FIELD_ENTITY, input.id);
      const { before, after } = await updateField(db(), input, now());
      const view = (f: typeof before) => ({
        label: f.label,
        options: f.options,
        showInList: f.showInList,
      });
      ctx.audit.changes = diffFields(view(before), view(after));
      return after;
    },
    reorder: async (ctx, input) => {
      const { before, after } = await reorderFields(db(), input.recordType, input.ids, now());
      target(ctx, CUSTOM_FIELD_ENTITY, input.recordType);
      ctx.audit.changes = diffFields({ order: before }, { order: after });
      return listFields(db(), input.recordType, true);
    },
    archive: async (ctx, input) => {
      target(ctx, CUSTOM_FIELD_ENTITY, input.id);
      const { before, after } = await setArchived(db(), input.id, input.archived, now());
      ctx.audit.changes = diffFields({ archived: before.archived }, { archived: after.archived });
      return after;
    },
    delete: async (ctx, input) => {
      target(ctx, CUSTOM_FIELD_ENTITY, input.id);
      const field = await deleteField(db(), input.id);
      ctx.audit.changes = diffFields({ label: field.label, kind: field.kind }, null);
      return { deleted: true } as const;
    },
    values: (ctx, input) => {
      const viewer = viewerWith(ctx, ctx.grants[GRANT[input.recordType].read]);
      return readRecordValues(db(), viewer, input.recordType, input.id);
    },
    setValues: async (ctx, input) => {
      // The record is the audit entry's entity, as for its other fields (`contact`/`company`/`deal`).
      target(ctx, input.recordType, input.id);
      const viewer = viewerWith(ctx, ctx.grants[GRANT[input.recordType].update]);
      const change = await setRecordValues(db(), viewer, input.recordType, input.id, input.values, {
        expectedUpdatedAt: input.expectedUpdatedAt,
        now: now(),
      });
      ctx.audit.changes = diffFields(
        valuesByLabel(change.fields, change.before),
        valuesByLabel(change.fields, change.after),
        { entityType: input.recordType },
      );
      return { fields: change.fields, values: change.after, updatedAt: change.updatedAt };
    },
  };
}
