/**
 * Backup channels: settings, status, run now, history, verify, preview and restore. Managing needs
 * `backup.manage` (owner and administrator); restoring needs `backup.restore` (owner). Restoring on a
 * new computer, before any vault exists, is a `public` call (`restoreFirstRun`): the handler
 * refuses it whenever the app's vault folder already holds a vault. `progress` (byte counts of the
 * running backup or restore) is public too.
 */
import { z } from 'zod';
import { channel } from './contract';
import { recoveryKeySchema, vaultDirSchema } from './auth';

/** A destination folder: an external drive, a synced cloud folder, a network share. */
export const backupDestinationSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    path: z.string().trim().min(1).max(4096),
  })
  .strict();

/** When scheduled backups run (local time of this computer). */
export const backupScheduleSchema = z
  .object({
    kind: z.enum(['daily', 'weekly']),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time: HH:MM'),
    /** 0 = Sunday … 6 = Saturday; used when weekly. */
    weekday: z.number().int().min(0).max(6),
  })
  .strict();

/** How many daily, weekly and monthly backups to keep per destination. */
export const backupRetentionSchema = z
  .object({
    daily: z.number().int().min(1).max(366),
    weekly: z.number().int().min(0).max(520),
    monthly: z.number().int().min(0).max(1200),
  })
  .strict();

/** The backup settings (stored in the vault's settings table, key 'backup'). */
export const backupSettingsSchema = z
  .object({
    destinations: z.array(backupDestinationSchema).max(10),
    schedule: backupScheduleSchema,
    retention: backupRetentionSchema,
    /** age allows one kind per file: the recovery key's X25519 recipient, or a passphrase (scrypt). */
    encryption: z.enum(['recovery_key', 'passphrase']),
  })
  .strict()
  .refine(s => new Set(s.destinations.map(d => d.id)).size === s.destinations.length, {
    message: 'destination ids must be unique',
  });

export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export type BackupDestination = z.infer<typeof backupDestinationSchema>;
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

/** Defaults: no destination yet, daily at 13:00, keep 7/4/12, encrypted to the recovery key. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  destinations: [],
  schedule: { kind: 'daily', time: '13:00', weekday: 1 },
  retention: { daily: 7, weekly: 4, monthly: 12 },
  encryption: 'recovery_key',
};

/**
 * Why a backup call or run failed (the backup layer's `BackupError.reason`, sent as
 * `error.details.reason` and in run results). The UI words each one in the owner's language.
 */
export const BACKUP_ERROR_REASONS = [
  'not_a_backup',
  'wrong_key',
  'corrupt',
  'truncated',
  'other_vault',
  'newer_schema',
  'destination_missing',
  'destination_not_writable',
  'destination_full',
  'target_not_empty',
  'target_not_writable',
  'target_full',
  'no_recipient',
  'recipient_mismatch',
  'vault_busy',
  'not_authentic',
  'needs_key',
  'vault_damaged',
  'vault_unchecked',
  // Anything the backup layer did not foresee (a bug, an unreadable vault): one generic sentence.
  'unexpected',
] as const;
export type BackupErrorReason = (typeof BACKUP_ERROR_REASONS)[number];

/** Why a destination needs attention. */
export const BACKUP_WARNINGS = [
  'destination_missing',
  'overdue',
  'same_disk',
  'last_failed',
  'unverified',
  'no_key',
] as const;
export type BackupWarning = (typeof BACKUP_WARNINGS)[number];

/** One destination's state. Times are ISO 8601 UTC. */
export interface BackupDestinationStatus {
  id: string;
  path: string;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastFile: string | null;
  lastVerifiedAt: string | null;
  lastVerifiedFile: string | null;
  /** The last failure's English message (names files only), or null. */
  lastError: string | null;
  /** Why the last run failed, when the backup layer knew (null or absent: not known). */
  lastErrorReason?: BackupErrorReason | null;
  warnings: BackupWarning[];
}

export interface BackupStatus {
  destinations: BackupDestinationStatus[];
  /** "Last verified backup: …" — the newest verified file over all destinations. */
  lastVerified: { file: string; at: string } | null;
  nextRunAt: string | null;
}

/** What a backup holds, shown before a restore. */
export interface BackupPreview {
  file: string;
  vaultId: string;
  createdAt: string;
  createdBy: string;
  appVersion: string;
  schemaVersion: string[] | null;
  counts: { users: number; contacts: number | null; auditEntries: number } | null;
  /** True when the backup has migrations this Zamok does not know (restore refuses). */
  schemaNewer: boolean;
}

export interface BackupVerifyResult extends BackupPreview {
  databaseChecked: boolean;
  verifiedAt: string;
}

export interface BackupRunResult {
  destinationId: string;
  file: string | null;
  verified: boolean;
  pruned: number;
  /** The failure's English message (names files only), or null when the run succeeded. */
  error: string | null;
  /** Why it failed, when known: `destination_full`, `destination_missing`, … (null or absent: not known). */
  reason?: BackupErrorReason | null;
}

/**
 * What a quick look at a backup file (no key, no decryption) says: `complete` when its age header
 * reads and its length fits age's chunk framing and a whole tar; `truncated` when it was cut short;
 * `unreadable` when it is not an age file or cannot be opened. Only a verification proves a file good.
 */
export type BackupFileCondition = 'complete' | 'truncated' | 'unreadable';

export interface BackupListItem {
  file: string;
  createdAt: string;
  size: number;
  verifiedAt: string | null;
  /** The quick look at the file (the app's list always sets it). */
  condition?: BackupFileCondition;
}

export interface BackupRestoreResult {
  vaultDir: string;
  safetyCopy: string | null;
  createdAt: string;
  databaseChecked: boolean;
}

/** A phase of a running backup or restore: writing the file, reading it back, unpacking it. */
export type BackupTransferPhase = 'write' | 'verify' | 'restore';

/** Progress of the backup or restore running now (`backup.progress`): byte counts and times only. */
export interface BackupTransferProgress {
  phase: BackupTransferPhase;
  bytesDone: number;
  bytesTotal: number;
  /** When the phase started (ms since the epoch, main's clock). */
  startedAt: number;
  /** Milliseconds since the phase started, when this answer was made (speed = done / elapsed). */
  elapsedMs: number;
}

const fileSchema = z.string().trim().min(1).max(4096);
const passphraseSchema = z.string().min(1).max(1024);

/** The secret that opens a backup: its passphrase or the recovery key (exactly one). */
const secretFields = {
  passphrase: passphraseSchema.optional(),
  recoveryKey: recoveryKeySchema.optional(),
  /** The vault id, when the file was renamed and the recovery key is used. */
  vaultId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
};
const exactlyOneSecret = (v: {
  passphrase?: string | undefined;
  recoveryKey?: string | undefined;
}) => (v.passphrase === undefined) !== (v.recoveryKey === undefined);
const oneSecretMessage = { message: 'give passphrase or recoveryKey (exactly one)' };

export const backupContract = {
  getSettings: channel<BackupSettings>()({
    input: z.object({}).strict(),
    permission: 'backup.manage',
    audit: false,
  }),
  /**
   * Saves the settings; `passphrase` (when encryption is 'passphrase') goes to the OS keychain.
   * Passphrase encryption — choosing it, keeping it, or a new passphrase — needs
   * `backup.encryption` (the owner): whoever knows the passphrase reads every backup, and with their
   * own key slot inside it the whole vault. Backups to the recovery key stay `backup.manage`'s.
   */
  updateSettings: channel<BackupSettings>()({
    input: z
      .object({ settings: backupSettingsSchema, passphrase: passphraseSchema.optional() })
      .strict(),
    permission: 'backup.manage',
    also: [
      {
        when: input =>
          input.passphrase !== undefined || input.settings.encryption !== 'recovery_key',
        permission: 'backup.encryption',
        message: 'Only the owner may choose passphrase encryption for backups.',
      },
    ],
  }),
  status: channel<BackupStatus>()({
    input: z.object({}).strict(),
    permission: 'backup.manage',
    audit: false,
  }),
  /** Backs up to one destination (or all) now, verifies, prunes; returns when done. */
  runNow: channel<BackupRunResult[]>()({
    input: z.object({ destinationId: z.string().max(40).optional() }).strict(),
    permission: 'backup.manage',
  }),
  /** The backups of this vault in a destination, newest first. */
  list: channel<BackupListItem[]>()({
    input: z.object({ destinationId: z.string().max(40) }).strict(),
    permission: 'backup.manage',
    audit: false,
  }),
  /** Verifies a file; with neither secret, the vault's own backup key (recovery-key backups) is used. */
  verify: channel<BackupVerifyResult>()({
    input: z
      .object({ file: fileSchema, ...secretFields })
      .strict()
      .refine(v => v.passphrase === undefined || v.recoveryKey === undefined, oneSecretMessage),
    permission: 'backup.manage',
  }),
  preview: channel<BackupPreview>()({
    input: z
      .object({ file: fileSchema, ...secretFields })
      .strict()
      .refine(exactlyOneSecret, oneSecretMessage),
    permission: 'backup.restore',
    audit: false,
  }),
  /** Replaces the open vault (kept as a safety copy) and signs out: sign in again afterwards. */
  restore: channel<BackupRestoreResult>()({
    input: z
      .object({ file: fileSchema, ...secretFields })
      .strict()
      .refine(exactlyOneSecret, oneSecretMessage),
    permission: 'backup.restore',
  }),
  /** "Restore from a backup" on the first-run screen: only while no vault exists in the folder. */
  restoreFirstRun: channel<BackupRestoreResult>()({
    input: z
      .object({ file: fileSchema, vaultDir: vaultDirSchema.optional(), ...secretFields })
      .strict()
      .refine(exactlyOneSecret, oneSecretMessage),
    permission: 'public',
  }),
  /**
   * The running backup's or restore's progress (null when none runs), polled by the progress bars.
   * Public: a restore ends the session before it unpacks, and the first-run restore has none; the
   * answer holds only byte counts and times.
   */
  progress: channel<BackupTransferProgress | null>()({
    input: z.object({}).strict(),
    permission: 'public',
    audit: false,
  }),
} as const;
