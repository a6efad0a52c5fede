/**
 * First-sync progress, in memory: while a device's first pull runs (no round has finished yet),
 * how many changes were applied and how many the server holds past this laptop's cursors (from
 * its partition list), so `sync.status` can show a progress bar. Keyed by the vault's connection;
 * gone when the round ends, however it ends.
 */

/** Changes applied so far, and the total the server reported (null: unknown). */
export interface SyncProgress {
  applied: number;
  total: number | null;
}

const running = new WeakMap<object, SyncProgress>();
const listeners = new Set<(progress: SyncProgress) => void>();

/** The progress of the round running on `db`, or null. */
export function progressOf(db: object): SyncProgress | null {
  const progress = running.get(db);
  return progress ? { ...progress } : null;
}

/** Starts counting a first pull on `db`. */
export function startProgress(db: object, total: number | null): void {
  running.set(db, { applied: 0, total });
  notify(db);
}

/** Counts `applied` more changes (nothing when no first pull is being counted). */
export function addProgress(db: object, applied: number): void {
  const progress = running.get(db);
  if (!progress) return;
  progress.applied += applied;
  notify(db);
}

/** Ends the count (the round finished or failed). */
export function endProgress(db: object): void {
  running.delete(db);
}

/** Calls `listener` on every change of any count; answers the unsubscribe. */
export function onProgress(listener: (progress: SyncProgress) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(db: object): void {
  const progress = progressOf(db);
  if (progress) for (const listener of listeners) listener(progress);
}
