/**
 * A 100 MB document goes in and out in a process of its own (bundled first, as the app's main
 * process is) and the process never holds more than a small multiple of a chunk: peak RSS stays
 * below 120 MiB, where holding the file once would already pass 150 MiB. The bytes come back equal
 * and the stored file is the plaintext plus 16 bytes per 64 KiB chunk and the 36-byte header.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../vault/temp-vault.test-support';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = join(ROOT, 'node_modules', '.zamok-documents-test', `child-${process.pid}.mjs`);
const dirs: string[] = [];

beforeAll(() => {
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      join(ROOT, 'src-main', 'crm', 'documents', 'child.fixture.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${CHILD}`,
      '--log-level=warning',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
}, 120_000);

afterAll(() => {
  rmSync(CHILD, { force: true });
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('documents under a memory bound', () => {
  it('round-trips 100 MB below 120 MiB peak RSS', () => {
    const dir = makeTempDir('zamok-docs-big-');
    dirs.push(dir);
    const r = spawnSync('node', [CHILD, 'roundtrip', dir, '100'], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (r.status !== 0) throw new Error(`child failed (${r.status} ${r.signal}): ${r.stderr}`);
    const out = JSON.parse(r.stdout) as {
      size: number;
      staged: number;
      sha256Staged: string;
      sha256In: string;
      sha256Out: string;
      storedSize: number;
      maxRssMiB: number;
    };
    const bytes = 100 * 1024 * 1024;
    expect(out.size).toBe(bytes);
    expect(out.staged).toBe(bytes);
    expect(out.sha256Out).toBe(out.sha256In);
    expect(out.sha256Staged).toBe(out.sha256In);
    expect(out.storedSize).toBe(36 + bytes + 16 * (Math.floor(bytes / 65536) + 1));
    expect(out.maxRssMiB).toBeLessThan(120);
  }, 300_000);
});
