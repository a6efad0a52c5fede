/**
 * The bench office: a real vault made through the app (setup wizard channels, low KDF — key
 * derivation is not what the bench times), N managers created by the owner, their contacts
 * bulk-inserted in one transaction with the product's own column mapping (sort key, search text),
 * and one manager signed in through the router. Everything lives in one temp folder.
 */
import { newRecordId } from '../src-main/crm/record-id';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Result } from '../src-shared/ipc/contract';
import type { SetupResult, TotpEnrollment } from '../src-shared/ipc/auth';
import type { UserSummary } from '../src-shared/ipc/users';
import { createZamokApp, type ZamokApp } from '../src-main/app/compose';
import { setBackgroundCheckpoints } from '../src-main/vault/database';
import { generateTotp } from '../src-main/auth/totp';
import { fieldsToColumns } from '../src-main/crm/contacts/tables';
import { APP_ORIGIN, type CallerContext } from '../src-main/ipc';
import { createNoKeychainStore, vaultPaths } from '../src-main/vault';
import { TEST_KDF } from '../src-main/vault/temp-vault.test-support';
import { generateVolumes, type Volumes } from './cases/volumes';
import { fakeContactFields, seededRandom } from './names';

/** Calls made as the Electron window would make them (the sender check runs too). */
export const WINDOW_CALLER: CallerContext = Object.freeze({
  host: 'electron',
  sender: { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true },
});

const OWNER = {
  login: 'vlasnyk',
  displayName: 'Власник',
  password: 'quiet river under old bridges',
};
const SETUP_PASSWORD = 'amber fields of late summer';
const MANAGER_PASSWORD = 'seven lanterns over the harbour';

/** How big an office to build. */
export interface BenchOfficeOptions {
  contacts: number;
  managers: number;
  /** Parent folder of the temp folder (default: the OS temp dir). Pick a disk to bench its fsync. */
  root?: string;
  seed?: number;
  log?: (line: string) => void;
}

/** A built office, signed in as `manager` on `app`. Call `dispose()` when done. */
export interface BenchOffice {
  /** The temp folder holding everything (vault, plain copy). */
  root: string;
  /** The vault folder. */
  dir: string;
  app: ZamokApp;
  manager: { id: string; login: string };
  managerIds: string[];
  contacts: number;
  /** Contacts of other managers shared with `manager`. */
  sharedWithManager: number;
  /** The value of a router call as `WINDOW_CALLER`; throws with the error code on failure. */
  call<T>(channel: string, input: unknown): Promise<T>;
  /** An unencrypted copy of zamok.db with the same schema and rows (made on first use). */
  plainCopy(): string;
  /**
   * Adds the companies, deals and activities of bench/cases/volumes.ts (once; later calls return the
   * first result). A plain copy made before is dropped, so the next `plainCopy()` has them too.
   */
  volumes(): Volumes;
  dispose(): void;
}

async function valueOf<T>(result: Promise<Result<unknown>>, what: string): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${what}: ${r.error.code} (${r.error.message})`);
  return r.value as T;
}

/** Creation times spread over about three years ending a day ago; an edit within 90 days after. */
function timestamps(random: () => number): { created: string; updated: string } {
  const end = Date.now() - 86_400_000;
  const created = end - Math.floor(random() * 3 * 365 * 86_400_000);
  const updated = Math.min(end, created + Math.floor(random() * 90 * 86_400_000));
  return { created: new Date(created).toISOString(), updated: new Date(updated).toISOString() };
}

/**
 * Inserts `count` contacts round-robin over `ownerIds` in one transaction with one prepared
 * statement, columns mapped by the product's `fieldsToColumns`. Returns the ids in insert order.
 */
export function bulkInsertContacts(
  sqlite: Database.Database,
  ownerIds: readonly string[],
  count: number,
  seed = 1,
): string[] {
  const random = seededRandom(seed);
  const insert = sqlite.prepare(
    `INSERT INTO contacts (id, owner_id, surname, given_name, patronymic, company_name, address,
       source, notes, phones, emails, messengers, tags, sort_key, search_text, created_at,
       created_by, updated_at, updated_by, deleted_at, deleted_by)
     VALUES (@id, @owner_id, @surname, @given_name, @patronymic, @company_name, @address, @source,
       @notes, @phones, @emails, @messengers, @tags, @sort_key, @search_text, @created_at,
       @owner_id, @updated_at, @owner_id, NULL, NULL)`,
  );
  const ids: string[] = [];
  // A big page cache while loading (random UUID keys and six indexes touch pages all over the
  // file; each miss decrypts a page), back to the product's setting before anything is measured.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  try {
    insertAll();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return ids;

  function insertAll(): void {
    sqlite.transaction(() => {
      for (let i = 0; i < count; i++) {
        const ownerId = ownerIds[i % ownerIds.length];
        if (ownerId === undefined) throw new Error('bulkInsertContacts: no owners');
        const id = newRecordId();
        const at = timestamps(random);
        insert.run({
          id,
          owner_id: ownerId,
          ...fieldsToColumns(fakeContactFields(random, i)),
          created_at: at.created,
          updated_at: at.updated,
        });
        ids.push(id);
      }
    })();
  }
}

/** Shares `count` contacts (owned by others) with `userId`, as the owner would. */
function shareWith(sqlite: Database.Database, ids: readonly string[], userId: string, by: string) {
  const insert = sqlite.prepare(
    'INSERT INTO contact_shares (contact_id, user_id, granted_by, granted_at) VALUES (?, ?, ?, ?)',
  );
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    for (const id of ids) insert.run(id, userId, by, at);
  })();
}

/**
 * Writes an unencrypted copy of the vault database at `target`: the same schema (taken from
 * sqlite_master, so the same indexes and no ANALYZE statistics) and the same rows. Uses its own
 * connection to the vault so the app's connection and its pragmas stay untouched.
 */
export function writePlainCopy(vaultDbPath: string, dataKey: Buffer, target: string): void {
  const plain = new Database(target);
  const source = new Database(vaultDbPath, { readonly: true, fileMustExist: true });
  try {
    source.pragma("cipher='sqlcipher'");
    source.pragma('legacy=4');
    const keyText = Buffer.from(`x'${dataKey.toString('hex')}'`, 'latin1');
    try {
      source.key(keyText);
    } finally {
      keyText.fill(0);
    }
    const objects = source
      .prepare(
        `SELECT type, name, sql FROM sqlite_master
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
         ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END`,
      )
      .all() as { type: string; name: string; sql: string }[];
    // FTS5 tables (migration 0013): CREATE VIRTUAL TABLE makes their shadow tables (which only
    // FTS5 may write), so their rows go in through the virtual table, rowid included.
    const virtual = objects.filter(o => /^CREATE VIRTUAL TABLE/i.test(o.sql)).map(o => o.name);
    const isShadow = (name: string) => virtual.some(v => name.startsWith(`${v}_`));
    const tables = objects.filter(o => o.type === 'table' && !isShadow(o.name));
    plain.transaction(() => {
      // Tables, then their rows, then indexes and triggers (faster than indexing row by row).
      for (const o of tables) plain.exec(o.sql);
      for (const o of tables) {
        const select = virtual.includes(o.name)
          ? `SELECT rowid, * FROM "${o.name}"`
          : `SELECT * FROM "${o.name}"`;
        const stmt = source.prepare(select);
        const names = stmt.columns().map(c => `"${c.name}"`);
        const insert = plain.prepare(
          `INSERT INTO "${o.name}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        );
        for (const row of stmt.raw().iterate() as Iterable<unknown[]>) insert.run(...row);
      }
      for (const o of objects.filter(x => x.type !== 'table')) plain.exec(o.sql);
    })();
  } finally {
    source.close();
    plain.close();
  }
}

/** Builds the office described in the module comment. */
export async function createBenchOffice(opts: BenchOfficeOptions): Promise<BenchOffice> {
  const log = opts.log ?? (() => undefined);
  // The vault runs as in the desktop app: WAL checkpoints on a worker thread (vault/checkpointer.ts).
  setBackgroundCheckpoints(true);
  const root = mkdtempSync(join(opts.root ?? tmpdir(), 'zamok-bench-'));
  const dir = join(root, 'vault');
  const open = () =>
    createZamokApp({
      vaultDir: dir,
      host: 'electron',
      kdf: TEST_KDF,
      deviceStore: createNoKeychainStore(),
    });
  const apps: ZamokApp[] = [];
  const callOn =
    (app: ZamokApp) =>
    <T>(channel: string, input: unknown): Promise<T> =>
      valueOf<T>(app.router.call(`zamok:${channel}`, input, WINDOW_CALLER), channel);
  try {
    // The setup wizard: owner with 2FA, then the owner creates the managers.
    const setupApp = open();
    apps.push(setupApp);
    const asOwner = callOn(setupApp);
    const enrollment = await asOwner<TotpEnrollment>('auth.beginTotpEnrollment', {
      login: OWNER.login,
    });
    const setup = await asOwner<SetupResult>('auth.createVault', {
      vaultDir: dir,
      ...OWNER,
      totpCode: generateTotp(enrollment.secret),
      deviceBinding: false,
    });
    const managers: UserSummary[] = [];
    for (let m = 1; m <= opts.managers; m++) {
      managers.push(
        await asOwner<UserSummary>('users.create', {
          login: `menedzher${m}`,
          displayName: `Менеджер ${m}`,
          role: 'manager',
          setupPassword: SETUP_PASSWORD,
        }),
      );
    }
    const manager = managers[0];
    const vault = setupApp.state.vault;
    if (!manager || !vault) throw new Error('bench office: no manager or no open vault');
    const managerIds = managers.map(u => u.id);

    const started = Date.now();
    const ids = bulkInsertContacts(vault.sqlite, managerIds, opts.contacts, opts.seed ?? 1);
    // A few of the other managers' contacts are shared with the measured one (the list's share branch).
    const shared = ids.filter((_, i) => i % managerIds.length !== 0).slice(0, 25);
    shareWith(vault.sqlite, shared, manager.id, setup.user.id);
    log(`inserted ${opts.contacts} contacts in ${Date.now() - started} ms`);
    const dataKey = vault.dataKey();
    await asOwner('auth.signOut', {});

    // The manager's first sign-in on a fresh app instance, as on their own screen.
    const app = open();
    apps.push(app);
    const asManager = callOn(app);
    await asManager('auth.signIn', { login: manager.login, password: SETUP_PASSWORD });
    const own = await asManager<TotpEnrollment>('auth.beginTotpEnrollment', {
      login: manager.login,
    });
    await asManager('auth.completeFirstSignIn', {
      newPassword: MANAGER_PASSWORD,
      totpCode: generateTotp(own.secret),
    });

    let plainPath: string | null = null;
    let volumes: Volumes | null = null;
    return {
      root,
      dir,
      app,
      manager: { id: manager.id, login: manager.login },
      managerIds,
      contacts: opts.contacts,
      sharedWithManager: shared.length,
      call: asManager,
      plainCopy() {
        if (plainPath === null) {
          const target = join(root, 'plain.db');
          writePlainCopy(vaultPaths(dir).database, dataKey, target);
          plainPath = target;
        }
        return plainPath;
      },
      volumes() {
        const open = app.state.vault;
        if (!open) throw new Error('bench office: the vault is closed');
        volumes ??= generateVolumes(open.sqlite, managerIds, ids);
        if (plainPath !== null) rmSync(plainPath, { force: true });
        plainPath = null;
        return volumes;
      },
      dispose() {
        dataKey.fill(0);
        for (const a of apps) a.dispose();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const a of apps) a.dispose();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
