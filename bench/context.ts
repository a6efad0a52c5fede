/**
 * What every bench case receives: the run's options and the shared office fixture, built once on
 * first use (cases that need no vault, e.g. a future backup-vs-tar case, never pay for it).
 */
import { createBenchOffice, type BenchOffice } from './fixtures';

/** Options of one `npm run bench` run. */
export interface BenchOptions {
  /** Contacts in the office (100 000 for the stated targets). */
  contacts: number;
  managers: number;
  warmup: number;
  iterations: number;
  /** Size of the backup case's generated vault in MB (500 for the stated target). */
  backupMegabytes: number;
  /** Timed runs per side of the backup case (after one warm-up each). */
  backupRuns: number;
  /** Size of the `backup-big` case's vault in MB (1000: the 1 GB memory check). */
  bigBackupMegabytes: number;
  /** Parent folder for the temp vault (default: the OS temp dir). */
  root?: string;
}

/** The shared context of a run. */
export interface BenchContext {
  options: BenchOptions;
  /** The office fixture, built on first call and reused by every case. */
  office(): Promise<BenchOffice>;
  log(line: string): void;
  /** Disposes whatever was built (and removes the temp folder). */
  close(): Promise<void>;
}

/** A context whose office is built lazily from `options`. */
export function createBenchContext(
  options: BenchOptions,
  log: (line: string) => void,
): BenchContext {
  let office: Promise<BenchOffice> | null = null;
  return {
    options,
    log,
    office() {
      office ??= createBenchOffice({
        contacts: options.contacts,
        managers: options.managers,
        ...(options.root ? { root: options.root } : {}),
        log,
      });
      return office;
    },
    async close() {
      const built = await office?.catch(() => null);
      built?.dispose();
    },
  };
}
