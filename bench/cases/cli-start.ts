/**
 * Issue 19 point 6 (CLI start): `node out/cli/zamok.mjs --help` as a shell runs it, vs `node -e 0`
 * (Node's own start-up, the floor), interleaved. The compiled CLI is built first when missing or
 * stale (bin/zamok.mjs does that), so the timing is the start, never a build. Judged: the p95 of
 * `--help` at most 300 ms (the goal on a quiet machine). The ratio to bare Node is shown.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { measureInterleaved, summarize } from '../stats';

const REPO = resolve(import.meta.dirname, '..', '..');

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cli-start: ${args.join(' ')} exited ${result.status}`);
}

/** The CLI start case. */
export const cliStartCase: BenchCase<BenchContext> = {
  id: 'cli-start',
  title: 'zamok --help start-up vs bare node',
  goals: [{ kind: 'p95', maxMs: 300 }],
  async run(_ctx, loop) {
    // Builds out/cli/zamok.mjs if it is missing or older than its sources; not timed.
    run([join(REPO, 'bin', 'zamok.mjs'), '--help']);
    const cli = join(REPO, 'out', 'cli', 'zamok.mjs');
    const iterations = Math.min(loop.iterations, 40);
    const [help, bare] = await measureInterleaved(
      [() => run([cli, '--help']), () => run(['-e', '0'])],
      { iterations, warmup: Math.min(loop.warmup, 3) },
    );
    return {
      series: [
        { label: 'zamok --help (compiled CLI)', role: 'subject', stats: summarize(help ?? []) },
        { label: 'node -e 0', role: 'baseline', stats: summarize(bare ?? []) },
      ],
      notes: [`${iterations} runs each, interleaved; the build (if any) is not timed`],
    };
  },
};
