/**
 * Retention with a fake clock: a year of daily backups keeps 7 daily + 4 weekly + 12 monthly; never
 * deletes an unverified file, another vault's file, or anything newer than the newest verified one.
 */
import { describe, expect, it } from 'vitest';
import { backupsToPrune, DEFAULT_RETENTION, isoWeekKey, type BackupEntry } from './retention';

const ME = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);
const DAY = 86_400_000;

function daily(from: Date, days: number, vaultId = ME): BackupEntry[] {
  return Array.from({ length: days }, (_, i) => {
    const createdAt = new Date(from.getTime() + i * DAY);
    return { name: `${vaultId}-${createdAt.toISOString()}`, vaultId, createdAt, verified: true };
  });
}

describe('retention', () => {
  it('ISO weeks: 2026-01-01 (Thursday) is W01, 2027-01-01 (Friday) belongs to 2026-W53', () => {
    expect(isoWeekKey(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeekKey(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekKey(new Date('2026-03-02T00:00:00Z'))).toBe('2026-W10'); // a Monday
  });

  it('a year of daily backups keeps the last 7 days, 4 weeks and 12 months', () => {
    const all = daily(new Date('2025-03-01T02:00:00Z'), 365);
    const pruned = new Set(backupsToPrune(all, ME, DEFAULT_RETENTION));
    const kept = all
      .filter(e => !pruned.has(e.name))
      .map(e => e.createdAt.toISOString().slice(0, 10));
    // 7 newest days; weekly and monthly picks overlap them partly.
    expect(kept.slice(-7)).toEqual([
      '2026-02-22',
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
    ]);
    // Month ends are kept for the last 12 months (newest of each month).
    for (const m of ['2025-03-31', '2025-06-30', '2025-12-31', '2026-01-31'])
      expect(kept).toContain(m);
    // Sundays (newest of each ISO week) of the last 4 weeks.
    for (const s of ['2026-02-08', '2026-02-15']) expect(kept).toContain(s);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(12);
  });

  it('never deletes unverified files, other vaults, or newer than the newest verified', () => {
    const mine = daily(new Date('2026-01-01T02:00:00Z'), 60);
    const unverified = mine.map((e, i) => (i % 5 === 0 ? { ...e, verified: false } : e));
    const newest = unverified.at(-1);
    if (!newest) throw new Error('fixture');
    newest.verified = false; // the very newest failed verification
    const others = daily(new Date('2025-01-01T02:00:00Z'), 30, OTHER);
    const pruned = new Set(backupsToPrune([...unverified, ...others], ME, DEFAULT_RETENTION));
    expect(pruned.size).toBeGreaterThan(0);
    for (const e of [...unverified, ...others]) {
      if (pruned.has(e.name)) {
        expect(e.vaultId).toBe(ME);
        expect(e.verified).toBe(true);
      }
    }
    expect(pruned.has(newest.name)).toBe(false);
    // The newest verified one (second newest) is kept.
    expect(pruned.has(unverified.at(-2)?.name ?? '')).toBe(false);
  });

  it('nothing verified → nothing deleted; smaller policy keeps fewer', () => {
    const all = daily(new Date('2026-01-01T02:00:00Z'), 30).map(e => ({ ...e, verified: false }));
    expect(backupsToPrune(all, ME, DEFAULT_RETENTION)).toEqual([]);
    const verified = daily(new Date('2026-01-01T02:00:00Z'), 30);
    const pruned = backupsToPrune(verified, ME, { daily: 2, weekly: 0, monthly: 0 });
    expect(pruned).toHaveLength(28);
  });
});
