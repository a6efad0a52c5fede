/**
 * Issue 19 point 5 (list scrolling) inside `npm run bench`: runs `bench/scroll-frames.ts` as a
 * child (the test host, Chromium, 2,000 contacts with two custom fields shown in the list, the app's
 * contact list and a plain list of the same markup scrolled alternately in one page) and judges its
 * two ratios: the main thread's script time per frame and the frame p95, app / plain, each ≤ 2×.
 * The renderer is built first (not timed). Needs Chromium (as the e2e tests do).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { summarize } from '../stats';

const REPO = resolve(import.meta.dirname, '..', '..');

/** What scroll-frames.ts writes with `--json`. */
interface ScrollResult {
  rows: number;
  custom: number;
  runs: number;
  framesPerRun: number;
  app: { frames: number[]; scriptPerFrameMs: number };
  plain: { frames: number[]; scriptPerFrameMs: number };
  scriptRatio: number;
  frameRatio: number;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-2000);
    throw new Error(`scroll: ${[command, ...args].join(' ')} exited ${result.status}\n${tail}`);
  }
}

/** The list scrolling case. */
export const scrollCase: BenchCase<BenchContext> = {
  id: 'scroll',
  title: 'contact list scrolling in Chromium vs a plain list of the same markup',
  goals: [
    { kind: 'metric', metric: 'script per frame, app / plain', max: 2, unit: '×' },
    { kind: 'metric', metric: 'frame p95, app / plain', max: 2, unit: '×' },
  ],
  async run() {
    run('npm', ['run', '--silent', 'build:renderer']);
    const dir = await mkdtemp(join(tmpdir(), 'zamok-bench-scroll-case-'));
    try {
      const file = join(dir, 'scroll.json');
      run(process.execPath, [
        '--import',
        'tsx',
        'bench/scroll-frames.ts',
        '--custom',
        '2',
        '--json',
        file,
      ]);
      const result = JSON.parse(await readFile(file, 'utf8')) as ScrollResult;
      return {
        series: [
          {
            label: 'frame interval, contact list (app)',
            role: 'subject',
            stats: summarize(result.app.frames),
          },
          {
            label: 'frame interval, plain list',
            role: 'baseline',
            stats: summarize(result.plain.frames),
          },
        ],
        metrics: {
          'script per frame, app / plain': result.scriptRatio,
          'frame p95, app / plain': result.frameRatio,
        },
        notes: [
          `${result.rows} contacts, ${result.custom} custom fields in the list, ${result.runs} runs × ${result.framesPerRun} frames each, alternating`,
          `script per frame (ms): app ${result.app.scriptPerFrameMs.toFixed(2)}, plain ${result.plain.scriptPerFrameMs.toFixed(2)}`,
        ],
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
