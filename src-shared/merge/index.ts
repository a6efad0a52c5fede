/**
 * Merging duplicate contacts or companies: which fields the person picks per record, which are
 * combined, and what a merge answers. The rules live in main (src-main/crm/merge); the renderer's
 * merge dialog shows the same field lists.
 */

/** The record types that can be merged. */
export const MERGE_TYPES = ['contacts', 'companies'] as const;
export type MergeType = (typeof MERGE_TYPES)[number];

/** Most records merged into one survivor in one go. */
export const MERGE_MAX_RECORDS = 10;

/** Contact fields taken whole from the record the person picks (default: the survivor's). */
export const CONTACT_PICKED_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'companyName',
  'position',
  'address',
  'source',
  'companyId',
  'messengers',
] as const;

/** Contact fields combined from every merged record (duplicates dropped, survivor's first). */
export const CONTACT_COMBINED_FIELDS = ['phones', 'emails', 'tags', 'notes'] as const;

/** Company fields taken whole from the record the person picks (default: the survivor's). */
export const COMPANY_PICKED_FIELDS = [
  'name',
  'edrpou',
  'rnokpp',
  'legalAddress',
  'actualAddress',
  'website',
] as const;

/** Company fields combined from every merged record. */
export const COMPANY_COMBINED_FIELDS = ['phones', 'notes'] as const;

/** A contact field picked per record. */
export type ContactPickedField = (typeof CONTACT_PICKED_FIELDS)[number];
/** A company field picked per record. */
export type CompanyPickedField = (typeof COMPANY_PICKED_FIELDS)[number];

/** The picked fields of a record type. */
export function pickedFields(
  type: MergeType,
): readonly (ContactPickedField | CompanyPickedField)[] {
  return type === 'contacts' ? CONTACT_PICKED_FIELDS : COMPANY_PICKED_FIELDS;
}

/** How many linked rows a merge moved to the survivor, by table (`deals`, `activities`, …). */
export type MovedLinks = Record<string, number>;

/** What a merge answers. */
export interface MergeResult {
  mergeId: string;
  type: MergeType;
  survivorId: string;
  mergedIds: string[];
  moved: MovedLinks;
}

/** What an unmerge answers: the records back as they were. */
export interface UnmergeResult {
  mergeId: string;
  type: MergeType;
  survivorId: string;
  restoredIds: string[];
}

/** One merge of a record, for its history ("Скасувати об'єднання"). */
export interface MergeSummary {
  id: string;
  type: MergeType;
  survivorId: string;
  mergedIds: string[];
  mergedAt: string;
  mergedBy: string;
  unmergedAt: string | null;
}

/** Why an unmerge was refused (`details.reason` of a `conflict`). */
export const UNMERGE_CHANGED = 'changed_since_merge';
/** A merge that was already undone (`details.reason` of a `conflict`). */
export const UNMERGE_DONE = 'already_unmerged';
