/**
 * `npm run bench`: runs every case in bench/cases/ in one process, prints a table and writes
 * bench/.data/last.json. Exits 1 only when a goal is missed by more than MISS_MARGIN× (noise on a
 * busy machine must not fail it), 2 on bad arguments. Not part of `npm test`.
 *
 *   npm run bench -- [--only ID]... [--contacts N] [--managers N] [--iterations N] [--warmup N]
 *                    [--backup-mb N] [--backup-runs N] [--dir PARENT] [--quick] [--big [--big-mb N]]
 *
 * `--big` adds the cases of BIG_CASES (the 1 GB backup memory check) to the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_CASES, BIG_CASES } from './cases';
import { createBenchContext, type BenchOptions } from './context';
import { formatReport, reportJson } from './report';
import { runCase, type CaseResult } from './runner';

const USAGE =
  'usage: npm run bench -- [--only ID]... [--contacts N] [--managers N] [--iterations N] ' +
  '[--warmup N] [--backup-mb N] [--backup-runs N] [--dir PARENT] [--quick] [--big [--big-mb N]]';

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: a whole number >= 1`);
  return value;
}

function parse(argv: string[]): { options: BenchOptions; only: string[]; big: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      contacts: { type: 'string' },
      managers: { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      'backup-mb': { type: 'string' },
      'backup-runs': { type: 'string' },
      dir: { type: 'string' },
      quick: { type: 'boolean' },
      big: { type: 'boolean' },
      'big-mb': { type: 'string' },
    },
    strict: true,
  });
  const quick = values.quick === true;
  const only = values.only ?? [];
  const known = new Set([...BENCH_CASES, ...BIG_CASES].map(c => c.id));
  const unknown = only.filter(id => !known.has(id));
  if (unknown.length > 0) {
    throw new Error(`unknown case ${unknown.join(', ')}; cases: ${[...known].join(', ')}`);
  }
  return {
    only,
    big: values.big === true,
    options: {
      contacts: positive('contacts', values.contacts, quick ? 10_000 : 100_000),
      managers: positive('managers', values.managers, 10),
      iterations: positive('iterations', values.iterations, quick ? 40 : 300),
      warmup: positive('warmup', values.warmup, quick ? 5 : 20),
      backupMegabytes: positive('backup-mb', values['backup-mb'], quick ? 50 : 500),
      backupRuns: positive('backup-runs', values['backup-runs'], quick ? 3 : 5),
      bigBackupMegabytes: positive('big-mb', values['big-mb'], 1000),
      ...(values.dir ? { root: values.dir } : {}),
    },
  };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 2;
  }
  const { options, only, big } = parsed;
  const log = (line: string) => console.log(`[bench] ${line}`);
  const ctx = createBenchContext(options, log);
  const all = big
    ? [...BENCH_CASES, ...BIG_CASES]
    : [...BENCH_CASES, ...BIG_CASES.filter(c => only.includes(c.id))];
  const cases = all.filter(
    c => only.length === 0 || only.includes(c.id) || (big && BIG_CASES.includes(c)),
  );
  const results: CaseResult[] = [];
  const started = new Date();
  const loadBefore = loadavg();
  log(`load average ${loadBefore.map(l => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  try {
    for (const bench of cases) {
      log(
        bench.ownLoop
          ? `${bench.id}…`
          : `${bench.id}: ${options.warmup} warm-up + ${options.iterations} iterations…`,
      );
      results.push(
        await runCase(bench, ctx, { warmup: options.warmup, iterations: options.iterations }),
      );
    }
  } finally {
    await ctx.close();
  }
  console.log(`\n${formatReport(results)}`);
  const loadAfter = loadavg();
  if (Math.max(loadBefore[0] ?? 0, loadAfter[0] ?? 0) > cpus().length) {
    console.log(
      `\nnote: the machine was busy (load average above ${cpus().length}): p95 values are noisy; ` +
        'ratios are measured interleaved and hold up better.',
    );
  }
  const out = fileURLToPath(new URL('./.data/last.json', import.meta.url));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    reportJson(results, {
      startedAt: started.toISOString(),
      seconds: Math.round((Date.now() - started.getTime()) / 1000),
      node: process.version,
      cpus: cpus().length,
      loadavgBefore: loadBefore,
      loadavgAfter: loadAfter,
      options,
    }),
  );
  console.log(`\nwritten ${out}`);
  return results.some(r => r.verdict === 'fail') ? 1 : 0;
}

process.exitCode = await main();
