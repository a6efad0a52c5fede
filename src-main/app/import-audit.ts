/**
 * The audit entries of the records an import writes: each created or updated contact or company
 * (or deal) gets the entry a hand-made change gets (`contacts.create`, `companies.update`, …, entity and
 * field-level before/after of the same audit view), plus `details.importBatchId`. Written inside
 * the batch's transaction (src-main/import/commit.ts calls this from `onWrite`), so a record is
 * never stored without its entry. The import call itself gets its own entry from the audit wrapper.
 */
import { appendAudit, diffFields } from '../audit';
import type { ImportWrite } from '../import/commit';
import type { OpenVault } from '../vault';
import { COMPANY_ENTITY, companyAuditView } from './handlers/companies';
import { CONTACT_ENTITY, contactAuditView } from './handlers/contacts';
import { DEAL_ENTITY, dealAuditView } from './handlers/deals';

function prefixed(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([label, v]) => [`custom.${label}`, v]));
}

/** Appends the audit entry of one record an import wrote (its custom values too). */
export function auditImportWrite(
  vault: OpenVault,
  who: { userId: string; login: string; deviceId: string | null },
  write: ImportWrite,
  batchId: string,
  undo = false,
): void {
  const entityType =
    write.type === 'contacts'
      ? CONTACT_ENTITY
      : write.type === 'companies'
        ? COMPANY_ENTITY
        : DEAL_ENTITY;
  const changes =
    write.type === 'contacts'
      ? diffFields(write.before && contactAuditView(write.before), contactAuditView(write.after), {
          entityType,
        })
      : write.type === 'companies'
        ? diffFields(
            write.before && companyAuditView(write.before),
            companyAuditView(write.after),
            { entityType },
          )
        : diffFields(write.before && dealAuditView(write.before), dealAuditView(write.after), {
            entityType,
          });
  // Custom values by label, beside the built-in fields (`custom.Джерело`), as a hand edit shows them.
  const custom = write.custom
    ? diffFields(prefixed(write.custom.before), prefixed(write.custom.after), { entityType })
    : {};
  appendAudit(vault, {
    userId: who.userId,
    userLogin: who.login,
    deviceId: who.deviceId,
    action: `${write.type}.${write.action}`,
    outcome: 'ok',
    entityType,
    entityId: write.after.id,
    changes: { ...changes, ...custom },
    details: undo ? { importBatchId: batchId, undo: true } : { importBatchId: batchId },
  });
}
