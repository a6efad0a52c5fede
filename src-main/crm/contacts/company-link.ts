/**
 * The contact → company link (contacts.company_id, migration 0007). A contact may be linked only to
 * a live company the caller's own `companies.read` scope reaches — anything else answers the same
 * `not_found` as a missing id, so a manager cannot link to (or probe for) a colleague's company.
 * A contact's page shows the linked company only to readers whose scope reaches it.
 */
import { inScope, type Viewer } from '../record/viewer';
import type { Database } from '../../vault/schema';
import { RecordError } from '../record/errors';
import type { Kysely } from 'kysely';
import type { ContactCompany } from '../../../src-shared/contacts';

/** Who links: their id, team and `companies.read` scope (no scope: nothing is linkable). */
export type LinkingActor = Pick<Viewer, 'userId' | 'teamId' | 'companyScope'>;

/** Refuses (`not_found`) a company the actor may not read, or a deleted one. */
export async function requireLinkableCompany(
  db: Kysely<Database>,
  actor: LinkingActor,
  companyId: string,
): Promise<void> {
  const scope = actor.companyScope;
  const found =
    scope === undefined
      ? undefined
      : await db
          .selectFrom('companies')
          .select('companies.id')
          .where('companies.id', '=', companyId)
          .where('companies.deleted_at', 'is', null)
          .where(inScope('companies', { userId: actor.userId, teamId: actor.teamId, scope }))
          .executeTakeFirst();
  if (!found) throw new RecordError('not_found', 'No such company.');
}

/** The linked company as this viewer may see it (deleted ones too), or null. */
export async function linkedCompany(
  db: Kysely<Database>,
  viewer: Viewer,
  companyId: string | null,
): Promise<ContactCompany | null> {
  const scope = viewer.companyScope;
  if (companyId === null || scope === undefined) return null;
  const row = await db
    .selectFrom('companies')
    .select(['companies.id', 'companies.name', 'companies.deleted_at'])
    .where('companies.id', '=', companyId)
    .where(inScope('companies', { userId: viewer.userId, teamId: viewer.teamId, scope }))
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, deletedAt: row.deleted_at } : null;
}
