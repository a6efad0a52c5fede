/**
 * Test-only: a real office server (in process, loopback, PGlite or PostgreSQL 15) and laptops
 * (real vault files) that enrol, ask to join and get approved through the real HTTP client.
 */
import { execFileSync } from 'node:child_process';
import type { Kysely } from 'kysely';
import { afterAll } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createUser } from '../auth/accounts';
import { createContact } from '../crm/contacts/repository';
import type { OpenVault } from '../vault';
import type { Database } from '../vault/schema';
import { createTestVault } from '../vault/temp-vault.test-support';
import { insertTestTeams } from '../teams/teams.test-support';
import { silentLogger } from '../../src-server/log';
import { testEngines, type TestEngine } from '../../src-server/db/cluster.test-support';
import { serveOffice, type OfficeStorage, type RunningOffice } from '../../src-server/serve';
import { appendAudit } from '../audit';
import { approveJoin, enrolOwner, parseJoinRequest, requestToJoin, type OfficeRole } from './enrol';
import { createInviteCode, joinWithCode } from './invite';

/**
 * A test file's office engines (PGlite, and PostgreSQL 15 where it starts) and a list for the
 * laptops it opens: after the file's tests every listed laptop's vault closes and every engine stops.
 */
export async function officeTestBed(): Promise<{ engines: TestEngine[]; opened: Laptop[] }> {
  const engines = await testEngines();
  const opened: Laptop[] = [];
  afterAll(() => {
    for (const laptop of opened.splice(0)) laptop.vault.close();
    engines.forEach(engine => engine.stop());
  });
  return { engines, opened };
}

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

/** How many clients of `ownerId` the laptop's vault holds (read through its data key). */
export async function clientsOf(laptop: Laptop, ownerId: string): Promise<number> {
  const row = await laptop.db
    .selectFrom('contacts')
    .select(eb => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A laptop that joins with an invitation of `inviter` (not yet approved). */
export async function invitedLaptop(
  office: RunningOffice,
  inviter: Laptop,
  login: string,
): Promise<Laptop> {
  const laptop = await newLaptop(login);
  const { code } = await createInviteCode(inviter.db);
  await joinWithCode(laptop.db, {
    server: office.url,
    codeText: code,
    userId: laptop.userId,
    name: login.toUpperCase(),
  });
  return laptop;
}

/** One audited edit of `contact-<n>` on `laptop` (an entry for its office audit partition). */
export function auditedEdit(laptop: Laptop, n: number): void {
  appendAudit(laptop.vault, {
    userId: laptop.userId,
    userLogin: laptop.login,
    action: 'contacts.update',
    entityType: 'contact',
    entityId: `contact-${n}`,
    outcome: 'ok',
    changes: { notes: { before: `note ${n}`, after: `note ${n + 1}` } },
  });
}

/** A client of `laptop`'s user with `surname` (given name Олена); answers its id. */
export async function addClient(laptop: Laptop, surname: string): Promise<string> {
  const input = contactInputSchema.parse({ surname, givenName: 'Олена' });
  return (await createContact(laptop.db, { userId: laptop.userId }, input)).after.id;
}
