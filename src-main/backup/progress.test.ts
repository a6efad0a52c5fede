/**
 * `backup.progress` (issue 19 point 1): a real backup run reports its write and verify phases with
 * byte counts that only grow, up to the run's total, and nothing once it is over; the tracker
 * itself never lets a phase go back or past its total.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupTransferProgress } from '../../src-shared/ipc/backup';
import { DEFAULT_BACKUP_SETTINGS } from '../../src-shared/ipc/backup';
import type { ZamokApp } from '../app/compose';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { makeFixtureVault } from './backup-vault.test-support';
import { createMemoryPassphraseStore } from './passphrase-store';
import { createProgressTracker } from './progress';
import { createBackupService } from './service';

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

describe('backup progress', () => {
  it('a phase never goes back nor past its total, and knows how long it has run', () => {
    let now = 1_000;
    const tracker = createProgressTracker(() => now);
    expect(tracker.current()).toBeNull();
    tracker.start('write', 100);
    now += 250;
    tracker.report(40);
    tracker.report(30); // a late, smaller report
    expect(tracker.current()).toEqual({
      phase: 'write',
      bytesDone: 40,
      bytesTotal: 100,
      startedAt: 1_000,
      elapsedMs: 250,
    });
    tracker.report(500, 120); // total known later; done capped at it
    expect(tracker.current()).toMatchObject({ bytesDone: 120, bytesTotal: 120 });
    tracker.end();
    expect(tracker.current()).toBeNull();
  });

  it('a run reports write then verify, growing to the total, and nothing when done', async () => {
    const f = await makeFixtureVault();
    apps.push(f.app);
    // Several 1 MiB buffers' worth, so the write reports many times.
    writeFileSync(join(f.dir, 'attachments', 'big.bin'), randomBytes(5 * 1024 * 1024 + 123));
    const dest = makeTempDir('zamok-progress-dest-');
    const service = createBackupService({
      vaultDir: () => f.dir,
      openVault: () => f.app.state.openVault(),
      passphrases: createMemoryPassphraseStore(),
    });
    await service.updateSettings({
      ...DEFAULT_BACKUP_SETTINGS,
      destinations: [{ id: 'disk', path: dest }],
    });
    const seen: BackupTransferProgress[] = [];
    let running = true;
    const run = service.runNow('disk', 'olena').finally(() => (running = false));
    while (running) {
      const p = service.progress.current();
      if (p) seen.push(p);
      await new Promise(resolve => setTimeout(resolve, 2));
    }
    const [result] = await run;
    expect(result?.verified).toBe(true);
    expect(service.progress.current()).toBeNull();

    const phases = [...new Set(seen.map(p => p.phase))];
    expect(phases).toEqual(['write', 'verify']);
    for (const phase of phases) {
      const series = seen.filter(p => p.phase === phase);
      expect(series.length).toBeGreaterThan(2);
      series.reduce((before, after) => {
        expect(after.bytesDone).toBeGreaterThanOrEqual(before.bytesDone);
        expect(after.elapsedMs).toBeGreaterThanOrEqual(before.elapsedMs);
        expect(after.bytesDone).toBeLessThanOrEqual(after.bytesTotal);
        return after;
      });
      expect(series.at(-1)?.bytesDone).toBeGreaterThan(5 * 1024 * 1024);
    }
    const write = seen.filter(p => p.phase === 'write');
    expect(write.at(-1)?.bytesTotal).toBeGreaterThan(5 * 1024 * 1024);
  });
});
