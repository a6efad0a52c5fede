/**
 * The office audit view for an audit reader: the entries other laptops sent, as held in
 * `office_audit` (apart from this vault's own chain), newest received first, keyset-paged by row
 * id, each mapped as the local log's entries are (rows.ts) plus the device it came from and its
 * verification problem.
 */
import { sql, type Kysely } from 'kysely';
import type { OfficeAuditPage } from '../../src-shared/ipc/audit';
import { toEntryView } from '../audit/history';
import { rowToEntry } from '../audit/rows';
import type { Database } from '../vault/schema';
import { isOfficeMember } from './outbox';

/** One page of the office's audit entries (`before`: the previous page's `nextBefore`). */
export async function listOfficeAudit(
  db: Kysely<Database>,
  o: { limit: number; before?: number | undefined },
): Promise<OfficeAuditPage> {
  if (!(await isOfficeMember(db))) {
    return { joined: false, entries: [], nextBefore: null, problems: 0 };
  }
  let query = db
    .selectFrom('office_audit')
    .selectAll()
    .select(sql<number>`rowid`.as('row'));
  if (o.before !== undefined) query = query.where(sql<boolean>`rowid < ${o.before}`);
  const rows = await query
    .orderBy(sql`rowid`, 'desc')
    .limit(o.limit)
    .execute();
  const problems = await db
    .selectFrom('office_audit')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('problem', 'is not', null)
    .executeTakeFirstOrThrow();
  const entries = rows.map(row => ({
    ...toEntryView(rowToEntry({ ...row, device_id: row.local_device_id })),
    officeDeviceId: row.device_id,
    userId: row.user_id,
    problem: row.problem,
  }));
  const last = rows.at(-1);
  return {
    joined: true,
    entries,
    nextBefore: rows.length === o.limit && last ? Number(last.row) : null,
    problems: Number(problems.n),
  };
}
