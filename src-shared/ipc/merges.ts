/**
 * Merge channels (issue 15 point 4): merge two or more contacts (or companies) into one, undo a
 * merge, list a record's merges. The permissions follow the record type, declared `also`: merging
 * edits the survivor (`<type>.update`) and deletes the others (`<type>.delete`); their scopes reach
 * the handler as `ctx.grants`, so a record outside them is `not_found`. Audited with the survivor's
 * field-level before/after and one related entry per merged-away or restored record.
 */
import { z } from 'zod';
import {
  COMPANY_PICKED_FIELDS,
  CONTACT_PICKED_FIELDS,
  MERGE_MAX_RECORDS,
  MERGE_TYPES,
  type MergeResult,
  type MergeSummary,
  type MergeType,
  type UnmergeResult,
} from '../merge';
import { recordIdSchema } from './contacts';
import { channel, type AlsoRequired } from './contract';

/** Picked field → record id; only the picked fields of either type, at least one when given. */
const fieldsSchema = z
  .object(
    Object.fromEntries(
      [...new Set([...CONTACT_PICKED_FIELDS, ...COMPANY_PICKED_FIELDS])].map(f => [
        f,
        recordIdSchema.optional(),
      ]),
    ),
  )
  .strict()
  .refine(fields => Object.values(fields).some(v => v !== undefined), {
    message: 'fields: name at least one field, or leave it out',
  });

/** The parsed `merges.merge` input. */
export const mergeInputSchema = z
  .object({
    type: z.enum(MERGE_TYPES),
    survivorId: recordIdSchema,
    mergedIds: z
      .array(recordIdSchema)
      .min(1)
      .max(MERGE_MAX_RECORDS - 1),
    /** Picked field → the id of the record whose value wins (unlisted: the survivor's). */
    fields: fieldsSchema.optional(),
  })
  .strict();

/** The parsed `merges.unmerge` input. */
export const unmergeInputSchema = z
  .object({ type: z.enum(MERGE_TYPES), mergeId: recordIdSchema })
  .strict();

/** The parsed `merges.kind` input: the merge whose record type is asked. */
export const mergeKindInputSchema = z.object({ mergeId: recordIdSchema }).strict();

/** The parsed `merges.history` input: the merges a record survived. */
export const mergeHistoryInputSchema = z
  .object({ type: z.enum(MERGE_TYPES), id: recordIdSchema })
  .strict();

function byType(
  permission: (type: MergeType) => AlsoRequired['permission'],
  message: string,
): AlsoRequired<{ type: MergeType }>[] {
  return MERGE_TYPES.map(type => ({
    when: (input: { type: MergeType }) => input.type === type,
    permission: permission(type),
    message,
  }));
}

const EDIT = byType(
  type => (type === 'contacts' ? 'contacts.update' : 'companies.update'),
  'Your role does not allow editing these records.',
);
const DELETE = byType(
  type => (type === 'contacts' ? 'contacts.delete' : 'companies.delete'),
  'Your role does not allow deleting these records.',
);
const READ = byType(
  type => (type === 'contacts' ? 'contacts.read' : 'companies.read'),
  'Your role does not allow reading these records.',
);

/** The grants whose scopes the handlers use. */
const SCOPES = [
  'contacts.update',
  'contacts.delete',
  'contacts.read',
  'companies.update',
  'companies.delete',
  'companies.read',
] as const;

export const mergesContract = {
  /** Merges `mergedIds` into `survivorId`; `not_found` for a record out of the caller's scopes. */
  merge: channel<MergeResult>()({
    input: mergeInputSchema,
    permission: 'session',
    also: [...EDIT, ...DELETE],
    grants: SCOPES,
  }),
  /**
   * Undoes a merge: the records come back exactly as they were. `conflict` with
   * `details.reason: 'changed_since_merge'` and `details.fields` when a record moved on since.
   */
  unmerge: channel<UnmergeResult>()({
    input: unmergeInputSchema,
    permission: 'session',
    also: [...EDIT, ...DELETE],
    grants: SCOPES,
  }),
  /**
   * The record type of a merge (`zamok unmerge` without `--type` asks it first, so the unmerge is
   * one call with one audit entry); `not_found` unless the caller may read the merge's survivor.
   */
  kind: channel<{ type: MergeType }>()({
    input: mergeKindInputSchema,
    permission: 'session',
    grants: SCOPES,
    audit: false,
  }),
  /** The merges a record survived, newest first (its history shows "undo merge"). */
  history: channel<MergeSummary[]>()({
    input: mergeHistoryInputSchema,
    permission: 'session',
    also: READ,
    grants: SCOPES,
    audit: false,
  }),
};
