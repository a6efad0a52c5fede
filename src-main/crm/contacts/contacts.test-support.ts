/**
 * Test-only: a real vault with staff accounts for contact tests (managers in teams, a head, the
 * owner, an administrator), and viewers for them.
 */
import { type Viewer } from '../record/viewer';
import type { Database } from '../../vault/schema';
import type { Kysely } from 'kysely';
import { createUser, setStatus } from '../../auth/accounts';
import { type OpenVault } from '../../vault';
import { createTestVault } from '../../vault/temp-vault.test-support';
import { insertTestTeams } from '../../teams/teams.test-support';
import type { Scope } from '../../../src-shared/permissions';

/** The tables contact tests touch. */
export type ContactsTestDb = Kysely<Database>;

/** Staff of the test office. */
export interface TestStaff {
  owner: string;
  /** Manager in team "north". */
  anna: string;
  /** Manager in team "south". */
  borys: string;
  /** Manager in team "north". */
  vira: string;
  head: string;
  /** A dismissed manager. */
  gone: string;
}

/** A fresh vault with the staff above. Close `vault` when done. */
export async function createContactsTestVault(): Promise<{
  vault: OpenVault;
  db: ContactsTestDb;
  staff: TestStaff;
}> {
  const { vault } = await createTestVault();
  const db = vault.db;
  await insertTestTeams(db, ['north', 'south']);
  const add = async (login: string, role: string, team: string | null) => {
    const user = await createUser(db, { login, displayName: login.toUpperCase(), role });
    await db.updateTable('users').set({ team_id: team }).where('id', '=', user.id).execute();
    return user.id;
  };
  const staff: TestStaff = {
    owner: await add('owner', 'owner', null),
    anna: await add('anna', 'manager', 'north'),
    borys: await add('borys', 'manager', 'south'),
    vira: await add('vira', 'manager', 'north'),
    head: await add('head', 'head', null),
    gone: await add('gone', 'manager', 'north'),
  };
  await setStatus(db, staff.gone, 'dismissed');
  return { vault, db, staff };
}

/** A viewer for a member of the test staff. */
export function viewerOf(userId: string, scope: Scope, teamId: string | null = null): Viewer {
  return { userId, teamId, scope };
}
