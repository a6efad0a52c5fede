/**
 * Names for the records the audit log refers to (`audit.names`). Each type is read with the
 * caller's own grant for it and that grant's scope — the same scoped `get` the record's screens use
 * — so a deleted record, one outside the scope, or a type the role cannot read gets no name and
 * stays an id on screen. The audit log's reader learns no name they could not read elsewhere.
 */
import type { AuditRecordName } from '../../../src-shared/ipc/audit';
import type { Scope } from '../../../src-shared/permissions';
import { getCompany } from '../../crm/companies';
import { getContact } from '../../crm/contacts';
import { getDeal, listPipelines } from '../../crm/deals';
import { isRecordError } from '../../crm/record/errors';
import type { HandlerContext } from '../../ipc';
import type { OpenVault } from '../../vault';
import { COMPANY_ENTITY } from './companies';
import { CONTACT_ENTITY } from './contacts';
import { DEAL_ENTITY, PIPELINE_ENTITY } from './deals';
import { reachOf } from './kit';

/** The grants `audit.names` declares. */
export type NameGrants = 'contacts.read' | 'companies.read' | 'deals.read';

type Ref = { entityType: string; entityId: string };

/** The name of one record in the caller's scope, or null (missing, deleted, out of scope). */
async function recordName(
  vault: OpenVault,
  ctx: HandlerContext<NameGrants>,
  ref: Ref,
): Promise<string | null> {
  const viewer = (scope: Scope | undefined) => reachOf(ctx, scope);
  try {
    if (ref.entityType === CONTACT_ENTITY) {
      const who = viewer(ctx.grants['contacts.read']);
      if (!who) return null;
      const c = await getContact(vault.db, who, ref.entityId);
      // As the contact screens write it ("Surname Given Patronymic", the official order).
      return [c.surname, c.givenName, c.patronymic].filter(Boolean).join(' ') || null;
    }
    if (ref.entityType === COMPANY_ENTITY) {
      const who = viewer(ctx.grants['companies.read']);
      return who ? (await getCompany(vault.db, who, ref.entityId)).name : null;
    }
    if (ref.entityType === DEAL_ENTITY) {
      const who = viewer(ctx.grants['deals.read']);
      return who ? (await getDeal(vault.db, who, ref.entityId)).title : null;
    }
  } catch (error) {
    if (isRecordError(error, 'not_found')) return null;
    throw error;
  }
  return null;
}

/** Names for `refs` the caller may read (see the module comment); unknown types are left out. */
export async function auditRecordNames(
  vault: OpenVault,
  ctx: HandlerContext<NameGrants>,
  refs: readonly Ref[],
): Promise<AuditRecordName[]> {
  const unique = new Map(refs.map(r => [`${r.entityType}:${r.entityId}`, r]));
  const out: AuditRecordName[] = [];
  // Pipelines are named for whoever reads deals (the board shows them all); no page of their own.
  const pipelines =
    ctx.grants['deals.read'] !== undefined &&
    [...unique.values()].some(r => r.entityType === PIPELINE_ENTITY)
      ? new Map((await listPipelines(vault.db)).map(p => [p.id, p.name]))
      : new Map<string, string>();
  for (const ref of unique.values()) {
    if (ref.entityType === PIPELINE_ENTITY) {
      const name = pipelines.get(ref.entityId);
      if (name) out.push({ ...ref, name, openable: false });
      continue;
    }
    const name = await recordName(vault, ctx, ref);
    if (name) out.push({ ...ref, name, openable: true });
  }
  return out;
}
