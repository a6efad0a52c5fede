/**
 * Bulk actions on the contacts, companies and deals lists (issue 18, point 6): reassign, delete,
 * and add/remove a tag (contacts). Each call needs the SAME permission as the one-by-one channel
 * of its type (`contacts.reassign`, `deals.delete`, …, declared `also`, checked by the router) and
 * runs every record through the record module's one-by-one change with that grant's scope, in one
 * transaction: an id the caller may not change (missing, deleted, out of scope) refuses the whole
 * request with `not_found` (`details.reason: 'bulk_refused'`) and nothing changes. Each changed
 * record gets its own audit entry under the one-by-one action (`contacts.reassign`, with the same
 * field-level before/after); the call's own entry (`bulk.reassign`) holds type, count and ids.
 * Exports of selected records go through `records.export` with `ids`.
 */
import { z } from 'zod';
import { recordIdSchema } from './contacts';
import { channel, type AlsoRequired } from './contract';
import type { Permission } from '../permissions';

/** Most records one bulk request may name (more → `invalid_input`, nothing changed). */
export const BULK_MAX = 1000;

/** The record types the list bulk actions work on. */
export const BULK_RECORD_TYPES = ['contacts', 'companies', 'deals'] as const;
export type BulkRecordType = (typeof BULK_RECORD_TYPES)[number];

/** The chosen ids: 1 … {@link BULK_MAX}, repeats dropped. */
export const bulkIdsSchema = z
  .array(recordIdSchema)
  .min(1)
  .max(BULK_MAX, { message: `At most ${BULK_MAX} records at once.` })
  .transform(ids => [...new Set(ids)]);

/** What a bulk call did: how many records changed (unchanged ones, e.g. same owner, not counted). */
export interface BulkResult {
  type: BulkRecordType;
  requested: number;
  changed: number;
}

/** The one-by-one permission of `verb` for each type, as an `also` rule. */
function perType(verb: 'reassign' | 'delete'): AlsoRequired<{ type: BulkRecordType }>[] {
  return BULK_RECORD_TYPES.map(type => ({
    when: input => input.type === type,
    permission: `${type}.${verb}` satisfies Permission,
    message: `Your role does not allow this change to ${type}.`,
  }));
}

/** The parsed `bulk.reassign` input. */
export const bulkReassignInputSchema = z
  .object({ type: z.enum(BULK_RECORD_TYPES), ids: bulkIdsSchema, ownerId: recordIdSchema })
  .strict();

/** The parsed `bulk.delete` input. */
export const bulkDeleteInputSchema = z
  .object({ type: z.enum(BULK_RECORD_TYPES), ids: bulkIdsSchema })
  .strict();

/** The parsed `bulk.tag` input (contacts: tags live on contacts). */
export const bulkTagInputSchema = z
  .object({
    ids: bulkIdsSchema,
    tag: z.string().trim().min(1).max(40),
    action: z.enum(['add', 'remove']),
  })
  .strict();

export const bulkContract = {
  /** Gives the chosen records to another active user (each as `<type>.reassign` would). */
  reassign: channel<BulkResult>()({
    input: bulkReassignInputSchema,
    permission: 'session',
    also: perType('reassign'),
    grants: ['contacts.reassign', 'companies.reassign', 'deals.reassign', 'companies.read'],
  }),
  /** Soft-deletes the chosen records (each as `<type>.delete` would; restorable). */
  delete: channel<BulkResult>()({
    input: bulkDeleteInputSchema,
    permission: 'session',
    also: perType('delete'),
    grants: ['contacts.delete', 'companies.delete', 'deals.delete', 'companies.read'],
  }),
  /** Adds or removes one tag on the chosen contacts (each as `contacts.update` would). */
  tag: channel<BulkResult>()({
    input: bulkTagInputSchema,
    permission: 'contacts.update',
    grants: ['companies.read'],
  }),
} as const;
