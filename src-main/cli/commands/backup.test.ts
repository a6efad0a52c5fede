/**
 * `zamok backup …` end to end (in-process through `runCli`) on a real vault: create without sign-in (closed
 * files, recipient from backup.json) with JSON progress lines, list, verify with the recovery key,
 * restore into an empty folder, refuse an existing vault without --replace (exit 4), keep a safety
 * copy with --replace, and exit 6 for a damaged file or a wrong key — with nothing secret printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtureVault } from '../../backup/backup-vault.test-support';
import { makeTempDir, snapshotDir } from '../../vault/temp-vault.test-support';
import { zamokInProcess } from '../cli.test-support';

/** A file that is not a backup. */
const NOT_A_BACKUP = new URL(import.meta.url).pathname;

async function zamok(args: string[], input = '') {
  const r = await zamokInProcess(args, { input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let vaultDir: string;
let recoveryKey: string;
let file: string;
const dest = makeTempDir('zamok-cli-backup-');

beforeAll(async () => {
  const f = await makeFixtureVault();
  f.app.dispose(); // the CLI backs up the closed vault, as a cron job would
  vaultDir = f.dir;
  recoveryKey = f.recoveryKey;
  const r = await zamok(
    ['--vault', vaultDir, '--json', 'backup', 'create', '--out', dest, '--recovery-key-stdin'],
    `${recoveryKey}\n`,
  );
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines.some(l => l.includes('"progress"'))).toBe(true);
  file = (
    JSON.parse(
      lines.slice(lines.findIndex(l => l.startsWith('{') && !l.includes('"progress"'))).join('\n'),
    ) as { file: string }
  ).file;
}, 120_000);

describe('zamok backup', () => {
  it('create wrote one .zamokbackup; list shows it as locked with the recovery key', async () => {
    expect(readdirSync(dest)).toEqual([file.split('/').at(-1)]);
    const r = await zamok(['--json', 'backup', 'list', dest]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { file: string; lockedWith: string }[];
    expect(rows).toEqual([expect.objectContaining({ file, lockedWith: 'recipient' })]);
  });

  it('verify with the recovery key opens the database; nothing secret is printed', async () => {
    const r = await zamok(['backup', 'verify', file, '--recovery-key-stdin'], `${recoveryKey}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Backup OK/);
    expect(r.stdout).toMatch(/Database opened and checked/);
    expect(r.stdout + r.stderr).not.toContain(recoveryKey);
  });

  it('verify exits 6 for a wrong recovery key and for a damaged file', async () => {
    const other = 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA';
    const wrong = await zamok(['backup', 'verify', file, '--recovery-key-stdin'], `${other}\n`);
    expect(wrong.code).toBe(6);
    expect(wrong.stderr).toMatch(/^zamok: /);
    const damaged = join(makeTempDir('zamok-cli-bad-'), file.split('/').at(-1) ?? 'x');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 1;
    writeFileSync(damaged, bytes);
    const bad = await zamok(
      ['backup', 'verify', damaged, '--recovery-key-stdin'],
      `${recoveryKey}\n`,
    );
    expect(bad.code).toBe(6);
    const notBackup = await zamok(['backup', 'verify', NOT_A_BACKUP, '--passphrase-stdin'], 'x\n');
    expect(notBackup.code).toBe(6);
  });

  it('restore into an empty folder; an existing vault needs --replace, which keeps a safety copy', async () => {
    const target = join(makeTempDir('zamok-cli-restore-'), 'vault');
    const ok = await zamok(
      ['--vault', target, 'backup', 'restore', file, '--recovery-key-stdin'],
      `${recoveryKey}\n`,
    );
    expect(ok.code).toBe(0);
    expect(existsSync(join(target, 'zamok.db'))).toBe(true);

    const before = snapshotDir(target);
    const refused = await zamok(
      ['--vault', target, 'backup', 'restore', file, '--recovery-key-stdin'],
      `${recoveryKey}\n`,
    );
    expect(refused.code).toBe(4);
    expect(snapshotDir(target)).toEqual(before);

    const replaced = await zamok(
      ['--vault', target, '--json', 'backup', 'restore', file, '--recovery-key-stdin', '--replace'],
      `${recoveryKey}\n`,
    );
    expect(replaced.code).toBe(0);
    const result = JSON.parse(replaced.stdout) as { safetyCopy: string };
    expect(result.safetyCopy).toMatch(/vault\.before-restore-/);
    expect(snapshotDir(result.safetyCopy)).toEqual(before);
  });

  it('identity prints what age -d -i needs', async () => {
    const vaultId = file.split('/').at(-1)?.slice(6, 38) ?? '';
    const r = await zamok(
      ['backup', 'identity', '--vault-id', vaultId, '--recovery-key-stdin'],
      `${recoveryKey}\n`,
    );
    expect(r.code).toBe(0);
    const identityFile = join(makeTempDir('zamok-cli-id-'), 'identity.txt');
    writeFileSync(identityFile, r.stdout, { mode: 0o600 });
    const out = join(makeTempDir('zamok-cli-id-'), 'plain.tar');
    expect(spawnSync('age', ['-d', '-i', identityFile, '-o', out, file]).status).toBe(0);
    expect(spawnSync('tar', ['-tf', out], { encoding: 'utf8' }).stdout).toContain('manifest.json');
  });

  it('usage errors exit 2', async () => {
    expect((await zamok(['backup', 'verify', file])).code).toBe(2);
    expect(
      (
        await zamok([
          '--vault',
          vaultDir,
          'backup',
          'create',
          '--out',
          dest,
          '--recipient',
          'age1nope',
        ])
      ).code,
    ).toBe(2);
  });
});
