/**
 * Test-only: a real office server (in process, loopback, PGlite or PostgreSQL 15) and laptops
 * (real vault files) that enrol, ask to join and get approved through the real HTTP client.
 */
import { execFileSync } from 'node:child_process';
import type { Kysely } from 'kysely';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createUser } from '../auth/accounts';
import { createContact } from '../crm/contacts/repository';
import type { OpenVault } from '../vault';
import type { Database } from '../vault/schema';
import { createTestVault } from '../vault/temp-vault.test-support';
import { insertTestTeams } from '../teams/teams.test-support';
import { silentLogger } from '../../src-server/log';
import { serveOffice, type OfficeStorage, type RunningOffice } from '../../src-server/serve';
import { approveJoin, enrolOwner, parseJoinRequest, requestToJoin, type OfficeRole } from './enrol';

/** Starts an office server on loopback (`port` 0: any free one). */
export function startOffice(storage: OfficeStorage, port = 0): Promise<RunningOffice> {
  return serveOffice({ storage, host: '127.0.0.1', port, log: silentLogger() });
}

/** A laptop: its vault and the vault user it syncs as. */
export interface Laptop {
  vault: OpenVault;
  db: Kysely<Database>;
  dir: string;
  userId: string;
  login: string;
}

/** A fresh vault with one user `login` (who will sync). */
export async function newLaptop(login: string, teamId: string | null = null): Promise<Laptop> {
  const created = await createTestVault({ ownerLogin: login });
  const db = created.vault.db;
  const user = await createUser(db, { login, displayName: login.toUpperCase(), role: 'owner' });
  if (teamId) {
    await insertTestTeams(db, [teamId]);
    await db.updateTable('users').set({ team_id: teamId }).where('id', '=', user.id).execute();
  }
  return { vault: created.vault, db, dir: created.dir, userId: user.id, login };
}

/** The owner's laptop, enrolled as the office's first owner device. */
export async function enrolledOwner(office: RunningOffice): Promise<Laptop> {
  const owner = await newLaptop('owner');
  await enrolOwner(owner.db, {
    endpoint: { url: office.url, fingerprint: null },
    code: office.enrolmentCode ?? '',
    userId: owner.userId,
  });
  return owner;
}

/** A laptop that asked to join and was approved by `owner` with `role` and `teamId`. */
export async function joinedLaptop(
  office: RunningOffice,
  owner: Laptop,
  login: string,
  role: OfficeRole,
  teamId: string | null = null,
): Promise<Laptop> {
  const laptop = await newLaptop(login, teamId);
  const text = await requestToJoin(laptop.db, {
    endpoint: { url: office.url, fingerprint: null },
    userId: laptop.userId,
    name: login.toUpperCase(),
  });
  const request = parseJoinRequest(text);
  if (!request) throw new Error('join request did not parse');
  await approveJoin(owner.db, { request, role, teamId });
  return laptop;
}

/** How many files under `dir` hold `needle` (grep over the bytes: tables, indexes, WAL). */
export function filesHolding(dir: string, needle: string): number {
  try {
    return execFileSync('grep', ['-rlaF', needle, dir], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean).length;
  } catch (error) {
    if ((error as { status?: number }).status === 1) return 0;
    throw error;
  }
}

/** A client of `laptop`'s user with `surname` (given name Олена); answers its id. */
export async function addClient(laptop: Laptop, surname: string): Promise<string> {
  const input = contactInputSchema.parse({ surname, givenName: 'Олена' });
  return (await createContact(laptop.db, { userId: laptop.userId }, input)).after.id;
}
