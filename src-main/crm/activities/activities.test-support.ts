/**
 * Test-only: the contacts test office plus activity viewers and quick record makers.
 */
import { contactInputSchema } from '../../../src-shared/contacts';
import type { Scope } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS, grantOf } from '../../../src-shared/roles';
import { createContact } from '../contacts';
import { createContactsTestVault } from '../contacts/contacts.test-support';
import type { ActivityViewer } from './tables';

/** A viewer with a built-in role's scopes (activities scope from `permission`). */
export function roleViewer(
  userId: string,
  role: 'owner' | 'head' | 'manager',
  permission: 'activities.read' | 'activities.update' | 'activities.delete' = 'activities.read',
  teamId: string | null = null,
): ActivityViewer {
  const grants = BUILT_IN_GRANTS[role];
  const scope = (p: Parameters<typeof grantOf>[1]): Scope | undefined => {
    const g = grantOf(grants, p);
    return g === true ? undefined : g;
  };
  return {
    userId,
    teamId,
    scope: scope(permission) ?? 'own',
    records: {
      contact: scope('contacts.read'),
      company: scope('companies.read'),
      deal: scope('deals.read'),
    },
  };
}

/** The contacts test office with the activities tables and a contact maker. */
export async function createActivitiesTestVault() {
  const t = await createContactsTestVault();
  const db = t.vault.db;
  async function contact(ownerId: string, surname = 'Коваль'): Promise<string> {
    const input = contactInputSchema.parse({ surname, givenName: 'Олена' });
    return (await createContact(db, { userId: ownerId }, input)).after.id;
  }
  return { ...t, db, contact };
}
