/**
 * Vitest global setup: builds the compiled CLI (out/cli/zamok.mjs) once, before any test file runs,
 * when it is missing or older than its sources. Tests that run `node bin/zamok.mjs` compare its
 * stderr exactly; without this, whichever ran first on a fresh checkout (CI) or after a source
 * change also printed bin/zamok.mjs's "building the CLI…" note and failed.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Runs `zamok --help`, which builds the CLI first when it needs to. */
export default function setup(): void {
  const repo = resolve(import.meta.dirname, '..');
  const run = spawnSync(process.execPath, ['bin/zamok.mjs', '--help'], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.status !== 0) {
    throw new Error(
      `building the CLI for the tests failed (npm run build:cli shows why):\n${run.stderr}`,
    );
  }
}
