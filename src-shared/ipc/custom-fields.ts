/**
 * Custom fields (issue 18 point 7): defined, renamed, reordered, archived and deleted by
 * `fields.manage` (owner, administrator); listed for anyone signed in (forms and filters need
 * them). A record's values are read with the record type's read grant and written with its update
 * grant, each with the grant's scope (declared as `grants`, so the handler decides by record type
 * and fails closed).
 */
import { z } from 'zod';
import {
  customFieldCreateSchema,
  customFieldIdSchema,
  customFieldUpdateSchema,
  customRecordTypeSchema,
  customValuesInputSchema,
  type CustomField,
  type CustomValues,
} from '../custom-fields';
import { channel } from './contract';
import { recordIdSchema } from './contacts';

/** A record's values with its type's fields (archived ones too) and its concurrency token. */
export interface RecordCustomValues {
  fields: CustomField[];
  values: CustomValues;
  updatedAt: string;
}

const READ_GRANTS = ['contacts.read', 'companies.read', 'deals.read'] as const;
const UPDATE_GRANTS = ['contacts.update', 'companies.update', 'deals.update'] as const;

export const customFieldsContract = {
  /** The fields of one record type (or all) in form order; archived ones when asked. */
  list: channel<CustomField[]>()({
    input: z
      .object({
        recordType: customRecordTypeSchema.optional(),
        includeArchived: z.boolean().optional(),
      })
      .strict(),
    permission: 'session',
    audit: false,
  }),
  /** A new field at the end of its record type's form; `conflict` when the label is taken. */
  create: channel<CustomField>()({
    input: customFieldCreateSchema,
    permission: 'fields.manage',
  }),
  /** A new label and/or choice list (an option still chosen somewhere cannot go: `conflict`). */
  update: channel<CustomField>()({
    input: customFieldUpdateSchema,
    permission: 'fields.manage',
  }),
  /** A record type's fields in a new order (every field named once). */
  reorder: channel<CustomField[]>()({
    input: z
      .object({
        recordType: customRecordTypeSchema,
        ids: z.array(customFieldIdSchema).min(1).max(50),
      })
      .strict(),
    permission: 'fields.manage',
  }),
  /** Archives a field (hidden from forms and filters, values kept) or brings it back. */
  archive: channel<CustomField>()({
    input: z.object({ id: customFieldIdSchema, archived: z.boolean() }).strict(),
    permission: 'fields.manage',
  }),
  /** Deletes a field no record holds a value for (`conflict`, reason `field_has_values`). */
  delete: channel<{ deleted: true }>()({
    input: z.object({ id: customFieldIdSchema }).strict(),
    permission: 'fields.manage',
  }),
  /** One record's values, as far as the caller's read grant of its type reaches. */
  values: channel<RecordCustomValues>()({
    input: z.object({ recordType: customRecordTypeSchema, id: recordIdSchema }).strict(),
    permission: 'session',
    audit: false,
    grants: READ_GRANTS,
  }),
  /**
   * Changes one record's values (null clears one), as far as the caller's update grant of its type
   * reaches; every value is checked per kind and nothing changes on a bad one (`invalid_input`
   * naming `values.<fieldId>`). `expectedUpdatedAt`: refused with `conflict` when saved since.
   */
  setValues: channel<RecordCustomValues>()({
    input: z
      .object({
        recordType: customRecordTypeSchema,
        id: recordIdSchema,
        values: customValuesInputSchema,
        expectedUpdatedAt: z.string().max(40).optional(),
      })
      .strict(),
    permission: 'session',
    grants: UPDATE_GRANTS,
  }),
} as const;
