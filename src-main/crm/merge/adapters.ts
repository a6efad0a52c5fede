/**
 * How a merge reaches the records of each type: through the record modules' own scoped reads and
 * writes (edit, soft delete), so stamps, checks and the sync outbox are those of a hand-made change.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../vault/schema';
import type { Company, CompanyPatch } from '../../../src-shared/companies';
import type { Contact, ContactPatch } from '../../../src-shared/contacts';
import type { CompanyPickedField, ContactPickedField } from '../../../src-shared/merge';
import { deleteContact, getContact, readContact, updateContact } from '../contacts/repository';
import { deleteCompany, getCompany, readCompany, updateCompany } from '../companies/repository';
import type { Change } from '../record/changes';
import type { Viewer } from '../record/viewer';
import { companyMergePatch, contactMergePatch, type FieldChoice } from './fields';

/** A mergeable record, as far as the merge needs it. */
export interface MergeRecord {
  id: string;
  updatedAt: string;
}

/** One record type's reads and writes for a merge. */
export interface MergeAdapter<T extends MergeRecord, P> {
  /**
   * The record as `viewer` may change it: `use` for the survivor (its edit scope), `manage` for a
   * merged-away record (it gets deleted: a share is not enough). `deleted`: also a deleted one.
   */
  get(
    db: Kysely<Database>,
    viewer: Viewer,
    id: string,
    how: { manage: boolean; deleted: boolean },
  ): Promise<T>;
  /** The record without a scope (after an allowed write). */
  read(db: Kysely<Database>, viewer: Viewer, id: string): Promise<T>;
  /** The survivor's patch (records: survivor first), or null. */
  patch(records: readonly T[], choice: Record<string, string>): P | null;
  update(
    db: Kysely<Database>,
    viewer: Viewer,
    id: string,
    patch: P,
    expectedUpdatedAt: string,
    now: Date,
  ): Promise<Change<T>>;
  remove(db: Kysely<Database>, viewer: Viewer, id: string, now: Date): Promise<Change<T>>;
}

/** Contacts' reads and writes. */
export const contactMerging: MergeAdapter<Contact, ContactPatch> = {
  get: (db, viewer, id, how) =>
    getContact(db, viewer, id, {
      access: how.manage ? 'manage' : 'use',
      includeDeleted: how.deleted,
    }),
  read: (db, viewer, id) => readContact(db, id, viewer),
  patch: (records, choice) => contactMergePatch(records, choice as FieldChoice<ContactPickedField>),
  update: (db, viewer, id, patch, expected, now) =>
    updateContact(db, viewer, id, patch, expected, now),
  remove: (db, viewer, id, now) => deleteContact(db, viewer, id, now),
};

/** Companies' reads and writes. */
export const companyMerging: MergeAdapter<Company, CompanyPatch> = {
  get: (db, viewer, id, how) => getCompany(db, viewer, id, { includeDeleted: how.deleted }),
  read: (db, _viewer, id) => readCompany(db, id),
  patch: (records, choice) => companyMergePatch(records, choice as FieldChoice<CompanyPickedField>),
  update: (db, viewer, id, patch, expected, now) =>
    updateCompany(db, viewer, id, patch, expected, now),
  remove: (db, viewer, id, now) => deleteCompany(db, viewer, id, now),
};
