/**
 * Every benchmark, in the order the table shows them. A new case is a module in this folder that
 * exports a `BenchCase<BenchContext>`, added here.
 */
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { auditedUpdateCase } from './audited-update';
import { backupCase } from './backup';
import { backupBigCase } from './backup-big';
import { bulkInsertCase } from './bulk-insert';
import { cliStartCase } from './cli-start';
import { firstPageScopedCase } from './first-page-scoped';
import { importCase } from './import';
import { listFilterCase } from './list-filter';
import { lockCase } from './lock';
import { officeChangeCase, officeInitialSyncCase } from './office-sync';
import { scrollCase } from './scroll';
import { searchCase } from './search';

/** All cases of `npm run bench`. */
export const BENCH_CASES: readonly BenchCase<BenchContext>[] = [
  auditedUpdateCase,
  firstPageScopedCase,
  listFilterCase,
  searchCase,
  bulkInsertCase,
  importCase,
  backupCase,
  cliStartCase,
  lockCase,
  scrollCase,
  officeInitialSyncCase,
  officeChangeCase,
];

/** Cases run only when asked for (`--big`, or by id with `--only`): they take minutes to set up. */
export const BIG_CASES: readonly BenchCase<BenchContext>[] = [backupBigCase];
