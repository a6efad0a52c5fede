/**
 * Retention: keep the newest backup of each of the last N days, weeks (ISO, Monday first) and months
 * (UTC calendar), like a grandfather-father-son rotation; everything else may go — but only a file
 * that is a backup of THIS vault (by its name), was verified after it was written, and is older than
 * the newest verified backup. An unverified, foreign or unrecognised file is never deleted.
 */

/** How many of each to keep (settings; defaults 7/4/12). */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** Default retention. */
export const DEFAULT_RETENTION: RetentionPolicy = Object.freeze({
  daily: 7,
  weekly: 4,
  monthly: 12,
});

/** One backup in a destination, as the pruner sees it. */
export interface BackupEntry {
  name: string;
  vaultId: string;
  createdAt: Date;
  verified: boolean;
}

function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function weekKey(d: Date): string {
  // ISO 8601 week: the week's Thursday decides the year.
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = t.getUTCDay() || 7; // Monday 1 … Sunday 7
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** ISO week key, exported for tests. */
export const isoWeekKey = weekKey;

function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

function newestPerBucket(sorted: BackupEntry[], key: (d: Date) => string, count: number): string[] {
  const buckets = new Set<string>();
  const kept: string[] = [];
  for (const b of sorted) {
    const k = key(b.createdAt);
    if (buckets.has(k)) continue;
    if (buckets.size >= count) break;
    buckets.add(k);
    kept.push(b.name);
  }
  return kept;
}

/** Names of the backups of `vaultId` that retention deletes (see the file comment). */
export function backupsToPrune(
  entries: readonly BackupEntry[],
  vaultId: string,
  policy: RetentionPolicy,
): string[] {
  const mine = entries
    .filter(e => e.vaultId === vaultId)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const newestVerified = mine.find(e => e.verified);
  if (!newestVerified) return [];
  // Only verified backups count towards what is kept: an unverified one must not push a good one out.
  const verified = mine.filter(e => e.verified);
  const keep = new Set<string>([
    newestVerified.name,
    ...newestPerBucket(verified, dayKey, policy.daily),
    ...newestPerBucket(verified, weekKey, policy.weekly),
    ...newestPerBucket(verified, monthKey, policy.monthly),
  ]);
  return mine
    .filter(
      e =>
        e.verified &&
        !keep.has(e.name) &&
        e.createdAt.getTime() < newestVerified.createdAt.getTime(),
    )
    .map(e => e.name);
}
