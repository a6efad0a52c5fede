/**
 * `zamok office serve`: opens the office database (PGlite in a data folder, or PostgreSQL by URL),
 * applies the server's migrations, issues the one-time enrolment code while no owner device is
 * enrolled, and listens. The code and the certificate fingerprint are returned for the caller to
 * show once; logs (JSON lines) never carry them.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Db } from './db/db';
import { migrateServer } from './db/migrate';
import { certificateFingerprint, createOfficeServer, type TlsFiles } from './http/server';
import type { Logger } from './log';
import { issueEnrolmentCode, loadOffice } from './office';
import type { PublicBudgets } from './rate-limit';

export { isLoopback } from './http/server';
export { jsonLogger } from './log';

/** Where the office keeps its data: a PGlite folder or a PostgreSQL URL. */
export type OfficeStorage = { data: string } | { database: string };

/** How to start the server. */
export interface ServeOptions {
  storage: OfficeStorage;
  host: string;
  port: number;
  tls?: TlsFiles;
  log: Logger;
  /** The clock (tests move it; default `Date.now`). */
  now?: () => number;
  /** Budgets of the calls made before sign-in (./rate-limit.ts; default `DEFAULT_BUDGETS`). */
  budgets?: PublicBudgets;
}

/** A running office server. */
export interface RunningOffice {
  url: string;
  officeId: string;
  /** The one-time enrolment code, when no owner device is enrolled yet. */
  enrolmentCode: string | null;
  /** SHA-256 fingerprint of the certificate (HTTPS), for laptops to pin. */
  fingerprint: string | null;
  db: Db;
  close(): Promise<void>;
}

/** Opens the office database the options name (the adapters are loaded only when used). */
export async function openOfficeDatabase(storage: OfficeStorage): Promise<Db> {
  if ('data' in storage) {
    mkdirSync(storage.data, { recursive: true });
    const { openPglite } = await import('./db/pglite');
    return openPglite(storage.data);
  }
  const { openPostgres } = await import('./db/postgres');
  return openPostgres(storage.database);
}

/** Starts the office server; resolves once it listens. */
export async function serveOffice(options: ServeOptions): Promise<RunningOffice> {
  const db = await openOfficeDatabase(options.storage);
  try {
    await migrateServer(db);
    const ctx = await loadOffice(db, options.now, options.budgets);
    const enrolmentCode = await issueEnrolmentCode(ctx);
    const server = createOfficeServer(ctx, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const scheme = options.tls ? 'https' : 'http';
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    options.log('listening', { engine: db.engine, scheme, port, enrolled: enrolmentCode === null });
    return {
      url: `${scheme}://${host}:${port}`,
      officeId: ctx.officeId,
      enrolmentCode,
      fingerprint: options.tls ? certificateFingerprint(options.tls.cert) : null,
      db,
      async close() {
        server.closeAllConnections();
        await new Promise<void>(resolve => server.close(() => resolve()));
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
