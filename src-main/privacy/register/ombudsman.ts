/**
 * The owner's task "notify the Ombudsman" for high-risk processing (health, criminal records,
 * biometric, location data…), due in 30 working days. A task must hang on a record (activities'
 * CHECK), so it hangs on a company card for the Ombudsman's Secretariat, owned by the owner and
 * made once; its id is kept in `settings` ('privacy.ombudsman'). Task text: no personal data.
 */
import type { Kysely } from 'kysely';
import { addWorkingDays, OMBUDSMAN_WORKING_DAYS } from '../../../src-shared/privacy/dates';
import { createActivity } from '../../crm/activities';
import { createCompany } from '../../crm/companies';
import { CallFailure } from '../../calls';
import type { Database } from '../../vault/schema';

const SETTING = 'privacy.ombudsman';
/** The card's name (the Ombudsman's office as the counterparty of the notification). */
export const OMBUDSMAN_COMPANY = 'Уповноважений Верховної Ради України з прав людини';

async function vaultOwner(db: Kysely<Database>): Promise<string> {
  const owner = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!owner) throw new CallFailure('conflict', 'The vault has no active owner.');
  return owner.id;
}

async function ombudsmanCompany(db: Kysely<Database>, ownerId: string, now: Date) {
  const kept = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SETTING)
    .executeTakeFirst();
  const id = kept ? (JSON.parse(kept.value) as { companyId?: unknown }).companyId : undefined;
  if (typeof id === 'string') {
    const live = await db
      .selectFrom('companies')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (live) return live.id;
  }
  const made = await createCompany(
    db,
    { userId: ownerId },
    { name: OMBUDSMAN_COMPANY, website: 'https://ombudsman.gov.ua' },
    now,
  );
  const value = JSON.stringify({ companyId: made.after.id });
  await db
    .insertInto('settings')
    .values({ key: SETTING, value })
    .onConflict(oc => oc.column('key').doUpdateSet({ value }))
    .execute();
  return made.after.id;
}

/** Creates the owner's task for the purpose `name`; answers the task's activity id. */
export async function createOmbudsmanTask(
  db: Kysely<Database>,
  purposeName: string,
  now: Date,
): Promise<string> {
  const ownerId = await vaultOwner(db);
  const companyId = await ombudsmanCompany(db, ownerId, now);
  const viewer = {
    userId: ownerId,
    teamId: null,
    scope: 'all' as const,
    records: { company: 'all' as const },
  };
  const task = await createActivity(
    db,
    viewer,
    {
      kind: 'task',
      subject: `Повідомити Уповноваженого про обробку високого ризику: ${purposeName}`.slice(
        0,
        200,
      ),
      body:
        'Закон № 2297-VI, ст. 9: повідомити Уповноваженого Верховної Ради України з прав людини ' +
        'про обробку персональних даних, що становить особливий ризик, протягом 30 робочих днів.',
      dueAt: addWorkingDays(now, OMBUDSMAN_WORKING_DAYS).toISOString(),
      companyId,
    },
    now,
  );
  return task.after.id;
}
