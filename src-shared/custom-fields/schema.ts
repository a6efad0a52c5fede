/**
 * Input schemas of custom field definitions and of the lists' custom field filter, shared by the
 * bridge contract (the router parses every call with them) and the admin tab's form.
 */
import { z } from 'zod';
import { CUSTOM_FIELD_KINDS, CUSTOM_FIELD_LIMITS, CUSTOM_RECORD_TYPES } from './types';

/** A field id: `field-<uuid>`. */
export const customFieldIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9-]+$/, 'id: letters, digits and -');

/** A record type that carries custom fields. */
export const customRecordTypeSchema = z.enum(CUSTOM_RECORD_TYPES);

/** A field's label as shown on forms (unique per record type regardless of letter case). */
export const customFieldLabelSchema = z
  .string()
  .transform(s => s.trim().replace(/\s+/gu, ' '))
  .pipe(z.string().min(1).max(CUSTOM_FIELD_LIMITS.label));

/** The choices of a `choice` field: trimmed, non-empty, no repeats (letter case aside). */
export const customFieldOptionsSchema = z
  .array(
    z
      .string()
      .transform(s => s.trim().replace(/\s+/gu, ' '))
      .pipe(z.string().min(1).max(CUSTOM_FIELD_LIMITS.option)),
  )
  .max(CUSTOM_FIELD_LIMITS.options)
  .refine(list => new Set(list.map(o => o.toLocaleLowerCase('uk'))).size === list.length, {
    message: 'options: repeated',
  });

/** A new field. A `choice` field needs at least one option; other kinds take none. */
export const customFieldCreateSchema = z
  .object({
    recordType: customRecordTypeSchema,
    label: customFieldLabelSchema,
    kind: z.enum(CUSTOM_FIELD_KINDS),
    options: customFieldOptionsSchema.default([]),
    /** Shown in the list rows of its record type. */
    showInList: z.boolean().default(false),
  })
  .strict()
  .refine(f => (f.kind === 'choice' ? f.options.length > 0 : f.options.length === 0), {
    message: 'options: a choice field needs options, other kinds none',
    path: ['options'],
  });

/** A changed label and/or choice list (an option still in use may not be removed). */
export const customFieldUpdateSchema = z
  .object({
    id: customFieldIdSchema,
    label: customFieldLabelSchema.optional(),
    /** The whole new list (only a choice field has one, never empty). */
    options: customFieldOptionsSchema
      .refine(list => list.length > 0, { message: 'options: at least one' })
      .optional(),
    /** Shown in the list rows of its record type, or no longer. */
    showInList: z.boolean().optional(),
  })
  .strict();

/**
 * One condition of a list's custom field filter: `equals` for a choice, yes/no or (contained) text,
 * `min`/`max` (inclusive) for a number or a date (`YYYY-MM-DD`).
 */
export const customFilterConditionSchema = z
  .object({
    fieldId: customFieldIdSchema,
    equals: z
      .union([
        z
          .string()
          .trim()
          .min(1)
          .max(CUSTOM_FIELD_LIMITS.option * 2),
        z.boolean(),
      ])
      .optional(),
    min: z.union([z.number(), z.string().max(10)]).optional(),
    max: z.union([z.number(), z.string().max(10)]).optional(),
  })
  .strict();
/** One condition of a custom field filter. */
export type CustomFilterCondition = z.output<typeof customFilterConditionSchema>;

/** A list's custom field filter: every condition must hold. */
export const customFilterSchema = z.array(customFilterConditionSchema).max(10);
