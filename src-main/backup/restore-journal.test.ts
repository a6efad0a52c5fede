/**
 * The restore journal's recovery moves only what a restore of that vault makes: a journal naming a
 * folder elsewhere (written by someone with access to the folder) moves nothing and is dropped; a
 * journal of a restore still running in another process is left alone; a swap killed half-way is
 * finished, and running the recovery again changes nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { journalPath, recoverInterruptedRestore, writeJournal } from './restore-journal';

function folderWith(path: string, file: string): string {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, file), file);
  return path;
}

describe('recovering an interrupted restore', () => {
  it('a journal naming folders that are not the restore’s own moves nothing', () => {
    const root = makeTempDir('zamok-journal-');
    const target = folderWith(join(root, 'vault'), 'old');
    const elsewhere = folderWith(join(makeTempDir('zamok-elsewhere-'), 'data'), 'precious');
    writeJournal(target, { pid: 999_999_999, work: elsewhere, safetyCopy: null });
    expect(recoverInterruptedRestore(target).outcome).toBe('rolled_back');
    expect(readFileSync(join(target, 'old'), 'utf8')).toBe('old');
    expect(readFileSync(join(elsewhere, 'precious'), 'utf8')).toBe('precious');
    expect(existsSync(journalPath(target))).toBe(false);
  });

  it('a restore still running in another process is left alone', async () => {
    const root = makeTempDir('zamok-journal-');
    const target = folderWith(join(root, 'vault'), 'old');
    const work = folderWith(join(root, '.zamok-backup-1-0000000000000000.tmp'), 'new');
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      writeJournal(target, { pid: other.pid ?? 0, work, safetyCopy: `${target}.before-restore-x` });
      expect(recoverInterruptedRestore(target).outcome).toBe('in_progress');
      expect(existsSync(journalPath(target))).toBe(true);
      expect(existsSync(work)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('a swap killed after the vault was moved aside is finished, once', () => {
    const root = makeTempDir('zamok-journal-');
    const target = join(root, 'vault');
    const safetyCopy = folderWith(`${target}.before-restore-20260302T090000Z`, 'old');
    const work = folderWith(join(root, '.zamok-backup-999999999-0000000000000000.tmp'), 'new');
    writeJournal(target, { pid: 999_999_999, work, safetyCopy });
    expect(recoverInterruptedRestore(target)).toEqual({ outcome: 'finished', safetyCopy });
    expect(readdirSync(target)).toEqual(['new']);
    expect(readdirSync(root).sort()).toEqual(['vault', 'vault.before-restore-20260302T090000Z']);
    expect(recoverInterruptedRestore(target).outcome).toBe('none');
    expect(readdirSync(target)).toEqual(['new']);
  });
});
