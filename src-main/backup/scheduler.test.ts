/**
 * Scheduling with a fake clock: what is due after a normal day, after the laptop was off for days
 * (one catch-up run at start), after a failed attempt (retried after an hour), weekly slots, and the
 * warnings (overdue after 24 h past a due run, last failed, same disk). Then the service on a real
 * vault driven by the runner with fake timers: a present and an unplugged destination, and three
 * weeks of daily runs pruned by retention down to verified backups of this vault only.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../src-shared/ipc/backup';
import type { ZamokApp } from '../app/compose';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { createMemoryPassphraseStore } from './passphrase-store';
import { dueRuns, lastSlot, nextSlot, startScheduler, type SchedulerTimers } from './scheduler';
import { createBackupService } from './service';
import { emptyDestinationState, stateWithSettings, type BackupLocalState } from './state';
import { makeFixtureVault, TEST_SCRYPT } from './backup-vault.test-support';

const VAULT = 'c'.repeat(32);
const local = (y: number, mo: number, d: number, h: number, mi = 0) =>
  new Date(y, mo - 1, d, h, mi);
const settings: BackupSettings = {
  ...DEFAULT_BACKUP_SETTINGS,
  destinations: [{ id: 'usb', path: '/media/usb' }],
  schedule: { kind: 'daily', time: '13:00', weekday: 1 },
};

function stateWith(
  patch: Partial<ReturnType<typeof emptyDestinationState>>,
  since: Date,
): BackupLocalState {
  const s = stateWithSettings(null, VAULT, settings, since);
  s.destinations.usb = { ...emptyDestinationState(), ...patch };
  return s;
}

describe('dueRuns', () => {
  it('daily: not due before the time, due after it; nothing due once it succeeded', () => {
    const yesterday = stateWith(
      { lastSuccessAt: local(2026, 3, 1, 13, 5).toISOString() },
      local(2026, 2, 1, 9),
    );
    expect(dueRuns(yesterday, settings, local(2026, 3, 2, 12, 59)).due).toEqual([]);
    expect(dueRuns(yesterday, settings, local(2026, 3, 2, 13, 0)).due).toEqual(['usb']);
    const today = stateWith(
      { lastSuccessAt: local(2026, 3, 2, 13, 1).toISOString() },
      local(2026, 2, 1, 9),
    );
    expect(dueRuns(today, settings, local(2026, 3, 2, 20)).due).toEqual([]);
    expect(nextSlot(settings.schedule, local(2026, 3, 2, 20))).toEqual(local(2026, 3, 3, 13));
  });

  it('laptop off for three days: due at the next start, with the overdue warning', () => {
    const s = stateWith(
      { lastSuccessAt: local(2026, 3, 1, 13, 5).toISOString() },
      local(2026, 2, 1, 9),
    );
    const plan = dueRuns(s, settings, local(2026, 3, 4, 8, 30)); // before today's 13:00
    expect(plan.due).toEqual(['usb']); // yesterday's slot was missed
    expect(plan.warnings.usb).toContain('overdue');
    const fresh = dueRuns(s, settings, local(2026, 3, 2, 14));
    expect(fresh.warnings.usb).not.toContain('overdue');
  });

  it('a failed attempt (drive unplugged) is retried after an hour and flagged', () => {
    const s = stateWith(
      {
        lastSuccessAt: local(2026, 3, 1, 13, 5).toISOString(),
        lastAttemptAt: local(2026, 3, 2, 13, 0).toISOString(),
        lastError: 'The backup folder is not there.',
      },
      local(2026, 2, 1, 9),
    );
    expect(dueRuns(s, settings, local(2026, 3, 2, 13, 30)).due).toEqual([]);
    expect(dueRuns(s, settings, local(2026, 3, 2, 14, 1)).due).toEqual(['usb']);
    expect(dueRuns(s, settings, local(2026, 3, 2, 13, 30)).warnings.usb).toContain('last_failed');
    // 24 h after the missed day's due run without a good backup: overdue.
    expect(dueRuns(s, settings, local(2026, 3, 3, 13, 6)).warnings.usb).toContain('overdue');
  });

  it('weekly on Mondays: the latest slot is last Monday; a never-run destination is due', () => {
    const weekly = { ...settings.schedule, kind: 'weekly' as const, weekday: 1 };
    expect(lastSlot(weekly, local(2026, 3, 5, 10))).toEqual(local(2026, 3, 2, 13)); // Thu → Mon
    expect(lastSlot(weekly, local(2026, 3, 2, 12))).toEqual(local(2026, 2, 23, 13));
    expect(nextSlot(weekly, local(2026, 3, 2, 14))).toEqual(local(2026, 3, 9, 13));
    const never = stateWithSettings(
      null,
      VAULT,
      { ...settings, schedule: weekly },
      local(2026, 3, 1, 9),
    );
    expect(dueRuns(never, { ...settings, schedule: weekly }, local(2026, 3, 5, 10)).due).toEqual([
      'usb',
    ]);
  });
});

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

/** Timers the test fires by hand. */
function manualTimers(): SchedulerTimers & { fire(): void } {
  let fn: (() => void) | null = null;
  return {
    setInterval: f => {
      fn = f;
      return 1;
    },
    clearInterval: () => {
      fn = null;
    },
    fire: () => fn?.(),
  };
}

describe('backup service with the runner', () => {
  it('runs the missed backup at start, retries an unplugged drive, shows warnings', async () => {
    const f = await makeFixtureVault();
    apps.push(f.app);
    const present = makeTempDir('zamok-sched-');
    const unplugged = join(makeTempDir('zamok-sched-'), 'not-mounted');
    const service = createBackupService({
      vaultDir: () => f.dir,
      openVault: () => f.app.state.openVault(),
      passphrases: createMemoryPassphraseStore(),
      clock: f.clock.now,
      scryptWorkFactor: TEST_SCRYPT,
    });
    await service.updateSettings({
      ...DEFAULT_BACKUP_SETTINGS,
      destinations: [
        { id: 'disk', path: present },
        { id: 'usb', path: unplugged },
      ],
    });
    const timers = manualTimers();
    const scheduler = startScheduler({
      runDue: () => service.runDue().then(() => undefined),
      timers,
    });
    await scheduler.tick();
    const files = readdirSync(present).filter(n => n.endsWith('.zamokbackup'));
    expect(files).toHaveLength(1);
    const status = service.status();
    const disk = status.destinations.find(d => d.id === 'disk');
    const usb = status.destinations.find(d => d.id === 'usb');
    expect(disk?.lastVerifiedFile).toBe(files[0]);
    expect(status.lastVerified?.file).toBe(join(present, files[0] ?? ''));
    expect(disk?.warnings).toContain('same_disk'); // both under the OS temp dir
    expect(usb?.warnings).toEqual(expect.arrayContaining(['destination_missing', 'last_failed']));
    expect(usb?.lastError).toMatch(/not there/);

    // Within the hour nothing runs again; the drive comes back and the hourly retry succeeds.
    f.clock.advance(30 * 60);
    timers.fire();
    await scheduler.tick();
    expect(service.status().destinations.find(d => d.id === 'usb')?.lastSuccessAt).toBeNull();
    mkdirSync(unplugged);
    f.clock.advance(31 * 60);
    await scheduler.tick();
    const after = service.status().destinations.find(d => d.id === 'usb');
    expect(after?.lastSuccessAt).not.toBeNull();
    expect(after?.warnings).toEqual(['same_disk']);
    scheduler.stop();
  });

  it('three weeks of daily runs keep only what retention allows, and never touch other files', async () => {
    const f = await makeFixtureVault();
    apps.push(f.app);
    const dest = makeTempDir('zamok-retention-');
    const foreign = `zamok-${'d'.repeat(32)}-20260101T010000Z.zamokbackup`;
    writeFileSync(join(dest, foreign), 'another vault');
    writeFileSync(join(dest, 'notes.txt'), 'mine');
    const service = createBackupService({
      vaultDir: () => f.dir,
      openVault: () => f.app.state.openVault(),
      passphrases: createMemoryPassphraseStore(),
      clock: f.clock.now,
    });
    await service.updateSettings({
      ...DEFAULT_BACKUP_SETTINGS,
      destinations: [{ id: 'disk', path: dest }],
      retention: { daily: 3, weekly: 2, monthly: 1 },
    });
    for (let day = 0; day < 21; day++) {
      const [result] = await service.runNow('disk', 'olena');
      expect(result?.verified).toBe(true);
      f.clock.advance(24 * 3600);
    }
    const left = readdirSync(dest).sort();
    expect(left).toContain(foreign);
    expect(left).toContain('notes.txt');
    const mine = left.filter(n => n.startsWith(`zamok-${f.vaultId}`));
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.length).toBeLessThanOrEqual(3 + 2 + 1);
    expect(service.list('disk').every(b => b.verifiedAt !== null)).toBe(true);
  });
});
