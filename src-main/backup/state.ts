/**
 * backup-state.json in the vault folder: what the scheduler needs while the vault is locked — a copy
 * of the settings (the vault's settings table stays authoritative and refreshes it at each unlocked
 * run) and, per destination, the last attempt, success, verification and error. No secrets, no
 * personal data: times, file names and folder paths only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  BACKUP_ERROR_REASONS,
  backupSettingsSchema,
  type BackupSettings,
} from '../../src-shared/ipc/backup';
import { writeFileAtomic } from '../vault/atomic-write';

/** File name in the vault folder. */
export const BACKUP_STATE_FILE = 'backup-state.json';

const iso = z.string().max(40).nullable();
const destinationStateSchema = z
  .object({
    lastAttemptAt: iso,
    lastSuccessAt: iso,
    lastFile: z.string().max(300).nullable(),
    lastVerifiedAt: iso,
    lastVerifiedFile: z.string().max(300).nullable(),
    lastError: z.string().max(500).nullable(),
    /** Why the last run failed (absent in files written before reasons were kept). */
    lastErrorReason: z.enum(BACKUP_ERROR_REASONS).nullable().default(null),
    /** File name → verification time, for retention (only verified files are ever pruned). */
    verified: z.record(z.string().max(300), z.string().max(40)),
  })
  .strict();

/** A run made while the vault was locked: audited at the next sign-in (the log is inside the vault). */
const pendingRunSchema = z
  .object({
    destinationId: z.string().max(40),
    destinationPath: z.string().max(1000),
    file: z.string().max(300).nullable(),
    verified: z.boolean(),
    error: z.string().max(500).nullable(),
    reason: z.enum(BACKUP_ERROR_REASONS).nullable().default(null),
    at: z.string().max(40),
  })
  .strict();

/** At most this many locked runs wait for the log; older ones are dropped and counted. */
export const MAX_PENDING_RUNS = 100;

const stateSchema = z
  .object({
    format: z.literal('zamok-backup-state'),
    version: z.literal(1),
    vaultId: z.string().regex(/^[0-9a-f]{32}$/),
    /** When backups were first configured: "overdue" counts from here before the first success. */
    since: z.string().max(40),
    settings: backupSettingsSchema,
    destinations: z.record(z.string().max(40), destinationStateSchema),
    /** Locked runs not yet in the audit log, and how many were dropped beyond the cap. */
    pending: z.array(pendingRunSchema).max(MAX_PENDING_RUNS).default([]),
    pendingDropped: z.number().int().min(0).default(0),
  })
  .strict();

export type BackupLocalState = z.output<typeof stateSchema>;
export type PendingRun = z.output<typeof pendingRunSchema>;
export type DestinationState = z.output<typeof destinationStateSchema>;

/** A destination that has never run. */
export function emptyDestinationState(): DestinationState {
  return {
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastFile: null,
    lastVerifiedAt: null,
    lastVerifiedFile: null,
    lastError: null,
    lastErrorReason: null,
    verified: {},
  };
}

/** Reads the state; null when absent, unreadable, or of another vault (it is then rebuilt). */
export function readLocalState(vaultDir: string, vaultId: string): BackupLocalState | null {
  try {
    const parsed = stateSchema.safeParse(
      JSON.parse(readFileSync(join(vaultDir, BACKUP_STATE_FILE), 'utf8')),
    );
    return parsed.success && parsed.data.vaultId === vaultId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes the state atomically. */
export function writeLocalState(vaultDir: string, state: BackupLocalState): void {
  writeFileAtomic(
    join(vaultDir, BACKUP_STATE_FILE),
    `${JSON.stringify(stateSchema.parse(state), null, 2)}\n`,
  );
}

/** A fresh state for new settings (keeps the per-destination history of `previous`). */
export function stateWithSettings(
  previous: BackupLocalState | null,
  vaultId: string,
  settings: BackupSettings,
  now: Date,
): BackupLocalState {
  const destinations: Record<string, DestinationState> = {};
  for (const d of settings.destinations) {
    destinations[d.id] = previous?.destinations[d.id] ?? emptyDestinationState();
  }
  return {
    format: 'zamok-backup-state',
    version: 1,
    vaultId,
    since: previous?.since ?? now.toISOString(),
    settings,
    destinations,
    pending: previous?.pending ?? [],
    pendingDropped: previous?.pendingDropped ?? 0,
  };
}

/** Adds a locked run to the queue, dropping the oldest beyond {@link MAX_PENDING_RUNS}. */
export function queuePendingRun(state: BackupLocalState, run: PendingRun): void {
  state.pending.push(run);
  while (state.pending.length > MAX_PENDING_RUNS) {
    state.pending.shift();
    state.pendingDropped += 1;
  }
}
