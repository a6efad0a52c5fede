/**
 * `zamok office serve`: runs the office sync server (src-server/, loaded on first use) on embedded
 * PostgreSQL (`--data DIR`, PGlite) or a real PostgreSQL >= 15 (`--database URL`, or the
 * ZAMOK_OFFICE_DATABASE_URL environment variable, which keeps a password out of the process list).
 * Prints where it listens, the one-time enrolment code while no owner device is enrolled, and the
 * certificate fingerprint (HTTPS); logs JSON lines on stderr; stops on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliAppContext } from '../context';
import { CliExit, EXIT, printResult } from '../io';
import { registerSyncCommands } from './sync';

interface ServeOptions {
  data?: string;
  database?: string;
  host: string;
  port: string;
  tlsCert?: string;
  tlsKey?: string;
}

/** The storage the options name: exactly one of a data folder and a database URL. */
function storageOf(cli: CliAppContext, o: ServeOptions): { data: string } | { database: string } {
  const database = o.database ?? cli.io.env.ZAMOK_OFFICE_DATABASE_URL;
  if (o.data && database) throw new CliExit(EXIT.usage, 'Give --data or --database, not both.');
  if (o.data) return { data: resolve(o.data) };
  if (database) return { database };
  throw new CliExit(EXIT.usage, 'Give --data DIR (embedded PostgreSQL) or --database URL.');
}

/** The certificate and key files (both or neither). */
function tlsOf(o: ServeOptions): { cert: string; key: string } | undefined {
  if (!o.tlsCert && !o.tlsKey) return undefined;
  if (!o.tlsCert || !o.tlsKey) throw new CliExit(EXIT.usage, 'Give both --tls-cert and --tls-key.');
  return { cert: readFileSync(o.tlsCert, 'utf8'), key: readFileSync(o.tlsKey, 'utf8') };
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise(done => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Registers `office serve` (and the laptop's `office enrol|approve`, `sync status|now`). */
export function registerOfficeCommands(program: Command, cli: CliAppContext): void {
  const office = program.command('office').description('the office sync server and joining it');
  office
    .command('serve')
    .description('run the office sync server (end-to-end encrypted; stores ciphertext only)')
    .option('--data <dir>', 'embedded PostgreSQL (PGlite) in this folder')
    .option('--database <url>', 'PostgreSQL >= 15 (or ZAMOK_OFFICE_DATABASE_URL)')
    .option('--host <address>', 'address to listen on (plain HTTP: loopback only)', '127.0.0.1')
    .option('--port <n>', 'port (0: any free one)', '8443')
    .option('--tls-cert <file>', 'PEM certificate (HTTPS); laptops pin its fingerprint')
    .option('--tls-key <file>', 'PEM private key of that certificate')
    .action(async (o: ServeOptions) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new CliExit(EXIT.usage, '--port must be a number from 0 to 65535.');
      }
      const storage = storageOf(cli, o);
      const tls = tlsOf(o);
      const { serveOffice, jsonLogger, isLoopback } = await import('../../../src-server/serve');
      if (!tls && !isLoopback(o.host)) {
        throw new CliExit(
          EXIT.usage,
          'Plain HTTP is allowed on loopback only: give --tls-cert and --tls-key.',
        );
      }
      const running = await serveOffice({
        storage,
        host: o.host,
        port,
        ...(tls ? { tls } : {}),
        log: jsonLogger(line => cli.io.err(line)),
      });
      // Loaded here, not at the top: `--help` loads the entry file and commander only (bin.test.ts).
      const { ownerCodeText } = await import('../../../src-shared/office/codes');
      const shown = {
        url: running.url,
        officeId: running.officeId,
        enrolmentCode: running.enrolmentCode,
        fingerprint: running.fingerprint,
      };
      printResult(cli, shown, () => [
        `Office server listening on ${running.url}`,
        ...(running.enrolmentCode
          ? [`Enrolment code for the first owner device (one use): ${running.enrolmentCode}`]
          : []),
        ...(running.fingerprint
          ? [`Certificate fingerprint (SHA-256): ${running.fingerprint}`]
          : []),
        ...(running.enrolmentCode && running.fingerprint
          ? [
              `Code for the app's office sync panel (with the fingerprint): ${ownerCodeText(running.enrolmentCode, running.fingerprint)}`,
            ]
          : []),
      ]);
      await untilStopped();
      await running.close();
    });
  registerSyncCommands(program, office, cli);
}
