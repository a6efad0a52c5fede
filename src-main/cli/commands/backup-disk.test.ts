/**
 * `zamok backup create` onto a full disk (a real tmpfs) prints one sentence and exits 7, with no
 * stack trace and no temp file left (before, an unhandled ENOSPC printed Node's stack); `backup
 * list` marks a file cut short instead of listing it like a good one.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtureVault } from '../../backup/backup-vault.test-support';
import { backupFileName } from '../../backup/manifest';
import {
  mountSmallDisk,
  reportTmpfsSkip,
  TMPFS,
  type SmallDisk,
} from '../../backup/tmpfs.test-support';
import { makeTempDir } from '../../vault/temp-vault.test-support';

const BIN = fileURLToPath(new URL('../../../bin/zamok.mjs', import.meta.url));

function zamok(args: string[], input = '') {
  const r = spawnSync('node', [BIN, ...args], { encoding: 'utf8', timeout: 120_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

reportTmpfsSkip('zamok backup create onto a full disk');

let vaultDir: string;
let vaultId: string;
let recoveryKey: string;
let disk: SmallDisk | null = null;

beforeAll(async () => {
  const f = await makeFixtureVault();
  f.app.dispose();
  vaultDir = f.dir;
  vaultId = f.vaultId;
  recoveryKey = f.recoveryKey;
}, 60_000);

afterAll(() => disk?.unmount());

describe('zamok backup and the disk', () => {
  it.skipIf(!TMPFS.available)(
    'create onto a full disk: one sentence, exit 7, no stack trace, nothing left',
    () => {
      const dbKiB = Math.ceil(statSync(join(vaultDir, 'zamok.db')).size / 1024);
      disk = mountSmallDisk(dbKiB + 40);
      const r = zamok(
        ['--vault', vaultDir, 'backup', 'create', '--out', disk.dir, '--recovery-key-stdin'],
        `${recoveryKey}\n`,
      );
      expect(r.code).toBe(7);
      expect(r.stderr).toBe(
        'zamok: The backup folder’s disk is full. Free some space there (or choose another folder), then back up again; the vault was not changed.\n',
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(disk.dir)).toEqual([]);
    },
    120_000,
  );

  it('list marks a backup cut short (text and --json); the good one is complete', () => {
    const dir = makeTempDir('zamok-cli-list-');
    const good = zamok(
      ['--vault', vaultDir, '--json', 'backup', 'create', '--out', dir, '--recovery-key-stdin'],
      `${recoveryKey}\n`,
    );
    expect(good.code).toBe(0);
    const [whole] = readdirSync(dir);
    const cut = join(dir, backupFileName(vaultId, new Date('2099-01-01T00:00:00Z')));
    copyFileSync(join(dir, whole ?? ''), cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));

    const text = zamok(['backup', 'list', dir]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/2099-01-01T00:00:00.000Z .* TRUNCATED$/);
    expect(lines[1]).not.toMatch(/TRUNCATED|UNREADABLE/);

    const json = zamok(['--json', 'backup', 'list', dir]);
    const rows = JSON.parse(json.stdout) as { file: string; condition: string }[];
    expect(rows.map(r => r.condition)).toEqual(['truncated', 'complete']);
  }, 120_000);
});
