/** The sync badge value: off, pending approval, conflict, offline, N waiting, or synced. */
import type { Kysely } from 'kysely';
import type { SyncStatusView } from '../../src-shared/ipc/sync';
import type { Database } from '../vault/schema';
import { pendingJobs } from './office-jobs';
import { progressOf } from './progress';
import { loadOfficeSettings, syncCounts } from './store';

/** This laptop's sync status (conflicts first: they need a person). */
export async function syncStatus(db: Kysely<Database>): Promise<SyncStatusView> {
  const settings = await loadOfficeSettings(db);
  if (!settings) {
    return {
      state: 'off',
      waiting: 0,
      conflicts: 0,
      lastSyncAt: null,
      serverUrl: null,
      fingerprint: null,
      deviceId: null,
    };
  }
  const { waiting, conflicts } = await syncCounts(db);
  const progress = progressOf(db);
  const jobs = await pendingJobs(db);
  const state =
    settings.status === 'pending'
      ? 'pending'
      : conflicts > 0
        ? 'conflict'
        : settings.last_error !== null
          ? 'offline'
          : waiting > 0
            ? 'waiting'
            : 'synced';
  return {
    state,
    waiting,
    conflicts,
    lastSyncAt: settings.last_sync_at,
    serverUrl: settings.server_url,
    fingerprint: settings.fingerprint,
    deviceId: settings.device_id,
    ...(settings.status === 'active' && settings.role === 'owner' ? { ownerDevice: true } : {}),
    ...(progress ? { progress } : {}),
    ...(jobs.waiting > 0 ? { dismissals: jobs } : {}),
  };
}
