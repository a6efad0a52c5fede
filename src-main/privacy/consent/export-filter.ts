/**
 * Which contacts an export may hold, as SQL on `contacts`: never one who objected; for an export
 * made "for purpose P", only contacts whose current basis for P is not withdrawn — and, when P's
 * own ground is consent, who have one at all (missing consent = no consent). A purpose id that does
 * not exist matches nobody (fail closed). No imports from crm: crm/contacts/export-rows uses this.
 */
import { sql, type Expression, type SqlBool } from 'kysely';

/** The privacy condition of an export (for `purposeId` when given). */
export function exportableSql(purposeId: string | undefined): Expression<SqlBool> {
  const notObjected = sql<SqlBool>`not exists (select 1 from privacy_objections o
    where o.contact_id = contacts.id)`;
  if (purposeId === undefined) return notObjected;
  // The newest basis row of the pair: 1 current, 0 withdrawn, NULL none (then the purpose's ground
  // decides: consent needs one).
  return sql<SqlBool>`${notObjected} and exists (select 1 from privacy_purposes p
    where p.id = ${purposeId} and p.archived_at is null and (case (
      select c.withdrawn_at is null from privacy_consents c
      where c.contact_id = contacts.id and c.purpose_id = p.id order by c.id desc limit 1)
    when 1 then 1 when 0 then 0 else p.ground <> 'consent' end))`;
}
