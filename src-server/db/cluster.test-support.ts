/**
 * Test databases for the office server: an in-process PGlite in a temp folder, and a private
 * PostgreSQL 15 cluster started for the test run (Debian's postgresql-15, initdb/pg_ctl as the
 * `postgres` user through runuser: initdb refuses root). The PostgreSQL side is unavailable — with
 * a printed reason — only where postgresql-15 is not installed or the tests do not run as root.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OfficeStorage } from '../serve';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Why a real PostgreSQL cannot be started here, or null when it can. */
export function postgresUnavailable(): string | null {
  if (!existsSync(join(PG_BIN, 'initdb'))) {
    return 'postgresql-15 is not installed (sudo npm run setup:system installs it)';
  }
  if (process.getuid?.() !== 0) return 'not root: initdb must run as the postgres user via runuser';
  return null;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A running private cluster: its URL, data folder, and how to stop it. */
export interface TestCluster {
  url: string;
  dir: string;
  /** Creates a fresh database in the cluster and returns its URL. */
  createDatabase(name: string): string;
  stop(): void;
}

/** Starts a private PostgreSQL 15 cluster in a temp folder (trust auth, loopback, user zamok). */
export async function startCluster(): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'zamok-pg-'));
  chmodSync(dir, 0o755);
  execFileSync('chown', ['postgres', dir]);
  const asPostgres = (command: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  asPostgres('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'zamok', '--no-sync']);
  const port = await freePort();
  asPostgres('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-o',
    `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  const url = (name: string) => `postgres://zamok@127.0.0.1:${port}/${name}`;
  return {
    url: url('postgres'),
    dir,
    createDatabase(name) {
      execFileSync(join(PG_BIN, 'createdb'), [
        '-h',
        '127.0.0.1',
        '-p',
        `${port}`,
        '-U',
        'zamok',
        name,
      ]);
      return url(name);
    },
    stop() {
      spawnSync('runuser', [
        '-u',
        'postgres',
        '--',
        join(PG_BIN, 'pg_ctl'),
        '-D',
        join(dir, 'data'),
        '-m',
        'immediate',
        'stop',
      ]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One engine under test: a fresh, empty office storage, and the folder its files live in. */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** A new empty storage (PGlite folder or PostgreSQL database) and where its bytes land on disk. */
  create(): { storage: OfficeStorage; dataDir: string };
  stop(): void;
}

let databases = 0;

/** The engines to run a suite against: PGlite always; PostgreSQL 15 where it can start. */
export async function testEngines(): Promise<TestEngine[]> {
  const folders: string[] = [];
  const engines: TestEngine[] = [
    {
      name: 'pglite',
      create() {
        const folder = mkdtempSync(join(tmpdir(), 'zamok-pglite-'));
        folders.push(folder);
        const dataDir = join(folder, 'data');
        return { storage: { data: dataDir }, dataDir };
      },
      // Each PGlite folder is tens of MB: removed when the file's tests are done.
      stop: () => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })),
    },
  ];
  const reason = postgresUnavailable();
  if (reason) {
    console.warn(`office server tests: the PostgreSQL 15 runs are left out: ${reason}`);
    return engines;
  }
  const cluster = await startCluster();
  engines.push({
    name: 'postgres',
    create() {
      databases += 1;
      const url = cluster.createDatabase(`office_${process.pid}_${databases}`);
      return { storage: { database: url }, dataDir: join(cluster.dir, 'data') };
    },
    stop: () => cluster.stop(),
  });
  return engines;
}
