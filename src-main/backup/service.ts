/**
 * The backup service of one app instance: settings (vault settings table, mirrored to
 * backup-state.json), runs (create → verify → record → prune) for scheduled and manual backups, the
 * status the UI shows, and the history of a destination. Works while locked (closed-file snapshot,
 * the recipient from backup.json or the keychain passphrase) and better when unlocked (VACUUM INTO,
 * counts, full verification with the vault's own key).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_BACKUP_SETTINGS,
  backupSettingsSchema,
  type BackupDestination,
  type BackupListItem,
  type BackupRunResult,
  type BackupSettings,
  type BackupStatus,
  type BackupWarning,
} from '../../src-shared/ipc/backup';
import { readKeyringInfo, type OpenVault } from '../vault';
import { backupAuthKey } from './authenticity';
import { createBackup, type BackupEncryption } from './create';
import { BackupError } from './errors';
import { listBackupFiles } from './listing';
import type { BackupPassphraseStore } from './passphrase-store';
import { checkedRecipient, readPlainRecipient, storedIdentity } from './recipient';
import { isFile, pruneDestination, recordRun } from './run-steps';
import { dueRuns } from './scheduler';
import {
  emptyDestinationState,
  queuePendingRun,
  readLocalState,
  stateWithSettings,
  writeLocalState,
  type BackupLocalState,
} from './state';
import { verifyBackup } from './verify';
import { createProgressTracker } from './progress';

const SETTINGS_KEY = 'backup';

/** What the service needs from the app. */
export interface BackupServiceOptions {
  vaultDir: () => string;
  /** The open vault when someone is signed in, else null. */
  openVault: () => OpenVault | null;
  passphrases: BackupPassphraseStore;
  clock?: () => number;
  /** scrypt work factor for passphrase backups (age default 18; tests pass a low one). */
  scryptWorkFactor?: number;
}

/** True when two folders are on the same device (a backup there dies with the disk). */
export function sameDisk(a: string, b: string): boolean {
  try {
    return statSync(a).dev === statSync(b).dev;
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Creates the service. */
export function createBackupService(o: BackupServiceOptions) {
  const now = (): Date => new Date((o.clock ?? Date.now)());
  const vaultId = (): string => readKeyringInfo(o.vaultDir()).vaultId;
  // The manifest-signing key of the last vault signed in to (authenticity.ts): it decrypts nothing,
  // and lets scheduled runs sign backups while the app is locked. Memory only, never written.
  let remembered: { vaultId: string; key: Buffer } | null = null;
  // What the running backup (or a restore, through the handlers) has done: `backup.progress`.
  const progress = createProgressTracker(o.clock);

  /** The signing key for `id`: from the open vault (remembered for later), else the remembered one. */
  function authKeyFor(id: string): Buffer | null {
    const vault = o.openVault();
    if (vault && vault.vaultId === id) {
      const dataKey = vault.dataKey();
      remembered?.key.fill(0);
      remembered = { vaultId: id, key: backupAuthKey(dataKey, id) };
      dataKey.fill(0);
    }
    return remembered?.vaultId === id ? remembered.key : null;
  }

  function readSettings(vault: OpenVault): BackupSettings {
    const row = vault.sqlite
      .prepare('SELECT value FROM settings WHERE key = ?')
      .pluck()
      .get(SETTINGS_KEY) as string | undefined;
    if (row === undefined) return DEFAULT_BACKUP_SETTINGS;
    const parsed = backupSettingsSchema.safeParse(JSON.parse(row));
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
  }

  /** Settings from the vault when open (refreshing the plain copy), else the plain copy. */
  function currentSettings(): { settings: BackupSettings; state: BackupLocalState | null } {
    const vault = o.openVault();
    const id = vaultId();
    const state = readLocalState(o.vaultDir(), id);
    if (!vault) return { settings: state?.settings ?? DEFAULT_BACKUP_SETTINGS, state };
    authKeyFor(id);
    const settings = readSettings(vault);
    if (JSON.stringify(state?.settings) !== JSON.stringify(settings)) {
      const next = stateWithSettings(state, id, settings, now());
      writeLocalState(o.vaultDir(), next);
      return { settings, state: next };
    }
    return { settings, state };
  }

  async function updateSettings(
    settings: BackupSettings,
    passphrase?: string,
  ): Promise<BackupSettings> {
    const vault = o.openVault();
    if (!vault) throw new BackupError('no_recipient', 'Sign in to change the backup settings.');
    authKeyFor(vault.vaultId);
    if (passphrase !== undefined) await o.passphrases.set(vault.vaultId, passphrase);
    vault.sqlite
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(SETTINGS_KEY, JSON.stringify(settings));
    const previous = readLocalState(o.vaultDir(), vault.vaultId);
    writeLocalState(o.vaultDir(), stateWithSettings(previous, vault.vaultId, settings, now()));
    return settings;
  }

  async function encryption(settings: BackupSettings, id: string): Promise<BackupEncryption> {
    if (settings.encryption === 'passphrase') {
      const passphrase = await o.passphrases.get(id);
      if (!passphrase) {
        throw new BackupError(
          'no_recipient',
          'The backup passphrase is not in the OS keychain; set it again in the backup settings.',
        );
      }
      return {
        kind: 'passphrase',
        passphrase,
        ...(o.scryptWorkFactor !== undefined ? { scryptWorkFactor: o.scryptWorkFactor } : {}),
      };
    }
    const vault = o.openVault();
    const recipient = vault ? checkedRecipient(vault) : readPlainRecipient(o.vaultDir(), id);
    if (!recipient)
      throw new BackupError('no_recipient', 'This vault has no backup key (backup.json).');
    return { kind: 'recipient', recipient };
  }

  /** Verifies a file with what this app has; false when it cannot (locked, recovery-key backup). */
  async function verifyOwn(
    file: string,
    enc: BackupEncryption,
    onBytes: (done: number, total: number) => void,
  ): Promise<boolean> {
    const vault = o.openVault();
    if (enc.kind === 'passphrase') {
      const secret = { passphrase: enc.passphrase };
      await verifyBackup({ file, secret, openVault: vault, onBytes });
      return true;
    }
    const identity = vault ? storedIdentity(vault) : null;
    if (!vault || !identity) return false;
    await verifyBackup({ file, secret: { identity }, openVault: vault, onBytes });
    return true;
  }

  async function runDestination(
    dest: BackupDestination,
    settings: BackupSettings,
    createdBy: string,
  ): Promise<BackupRunResult> {
    const id = vaultId();
    const started = now();
    const state =
      readLocalState(o.vaultDir(), id) ?? stateWithSettings(null, id, settings, started);
    const st = state.destinations[dest.id] ?? emptyDestinationState();
    state.destinations[dest.id] = st;
    st.lastAttemptAt = started.toISOString();
    const result: BackupRunResult = {
      destinationId: dest.id,
      file: null,
      verified: false,
      pruned: 0,
      error: null,
      reason: null,
    };
    try {
      const enc = await encryption(settings, id);
      const created = await progress.track('write', onBytes =>
        createBackup({
          vaultDir: o.vaultDir(),
          vault: o.openVault(),
          authKey: authKeyFor(id),
          destination: dest.path,
          encryption: enc,
          createdBy,
          now: started,
          onProgress: p => onBytes(p.bytesDone, p.bytesTotal),
        }),
      );
      const name = created.file.split(/[\\/]/).at(-1) ?? created.file;
      st.lastSuccessAt = started.toISOString();
      st.lastFile = name;
      st.lastError = null;
      st.lastErrorReason = null;
      result.file = created.file;
      if (await progress.track('verify', onBytes => verifyOwn(created.file, enc, onBytes))) {
        st.lastVerifiedAt = now().toISOString();
        st.lastVerifiedFile = name;
        st.verified[name] = st.lastVerifiedAt;
        result.verified = true;
        result.pruned = pruneDestination(dest.path, settings.retention, st.verified, id);
        st.verified = Object.fromEntries(
          Object.entries(st.verified).filter(([n]) => isFile(join(dest.path, n))),
        );
      }
    } catch (error) {
      // A full, missing or read-only destination arrives here as a typed BackupError (create.ts);
      // anything else is a bug or an unreadable vault, kept as one generic line.
      st.lastError =
        error instanceof BackupError
          ? error.message
          : 'The backup failed (the vault could not be read?).';
      st.lastErrorReason = error instanceof BackupError ? error.reason : 'unexpected';
      result.error = st.lastError;
      result.reason = st.lastErrorReason;
    }
    const open = o.openVault();
    if (!open) {
      // The log lives inside the vault: a locked run is queued and audited at the next sign-in.
      queuePendingRun(state, {
        destinationId: dest.id,
        destinationPath: dest.path,
        file: result.file?.split(/[\\/]/).at(-1) ?? null,
        verified: result.verified,
        error: result.error,
        reason: result.reason ?? null,
        at: started.toISOString(),
      });
    }
    writeLocalState(o.vaultDir(), state);
    if (open) recordRun(open, dest, result, createdBy, now());
    return result;
  }

  /**
   * Writes the runs made while locked into the audit log (as `scheduler`, at their own times) and
   * empties the queue. Called right after a sign-in; returns how many entries were written.
   */
  function recordPendingRuns(): number {
    const vault = o.openVault();
    if (!vault) return 0;
    authKeyFor(vault.vaultId); // called at each sign-in: remember the signing key for locked runs
    const state = readLocalState(o.vaultDir(), vault.vaultId);
    if (!state || (state.pending.length === 0 && state.pendingDropped === 0)) return 0;
    const runs = state.pending;
    for (const run of runs) {
      recordRun(
        vault,
        { id: run.destinationId, path: run.destinationPath },
        {
          destinationId: run.destinationId,
          file: run.file,
          verified: run.verified,
          error: run.error,
          reason: run.reason,
          pruned: 0,
        },
        'scheduler',
        new Date(run.at),
        state.pendingDropped,
      );
      state.pendingDropped = 0;
    }
    writeLocalState(o.vaultDir(), { ...state, pending: [], pendingDropped: 0 });
    return runs.length;
  }

  async function runNow(
    destinationId: string | undefined,
    createdBy: string,
  ): Promise<BackupRunResult[]> {
    const { settings } = currentSettings();
    const targets = settings.destinations.filter(
      d => destinationId === undefined || d.id === destinationId,
    );
    if (destinationId !== undefined && targets.length === 0) {
      throw new BackupError('destination_missing', 'There is no backup destination with this id.');
    }
    const results: BackupRunResult[] = [];
    for (const d of targets) results.push(await runDestination(d, settings, createdBy));
    return results;
  }

  /** The scheduler's work: run what is due (missed runs included). */
  async function runDue(): Promise<BackupRunResult[]> {
    const { settings, state } = currentSettings();
    const plan = dueRuns(state, settings, now());
    const results: BackupRunResult[] = [];
    for (const d of settings.destinations) {
      if (plan.due.includes(d.id)) results.push(await runDestination(d, settings, 'scheduler'));
    }
    return results;
  }

  function status(): BackupStatus {
    const { settings, state } = currentSettings();
    const plan = dueRuns(state, settings, now());
    let lastVerified: BackupStatus['lastVerified'] = null;
    const destinations = settings.destinations.map(d => {
      const st = state?.destinations[d.id] ?? emptyDestinationState();
      const warnings: BackupWarning[] = [...(plan.warnings[d.id] ?? [])];
      if (!isFolder(d.path)) warnings.unshift('destination_missing');
      else if (sameDisk(o.vaultDir(), d.path)) warnings.push('same_disk');
      if (
        st.lastVerifiedAt &&
        st.lastVerifiedFile &&
        (!lastVerified || st.lastVerifiedAt > lastVerified.at)
      ) {
        lastVerified = { file: join(d.path, st.lastVerifiedFile), at: st.lastVerifiedAt };
      }
      return { id: d.id, path: d.path, ...pickStatus(st), warnings };
    });
    return { destinations, lastVerified, nextRunAt: plan.nextRunAt.toISOString() };
  }

  function list(destinationId: string): BackupListItem[] {
    const { settings, state } = currentSettings();
    const dest = settings.destinations.find(d => d.id === destinationId);
    if (!dest)
      throw new BackupError('destination_missing', 'There is no backup destination with this id.');
    if (!isFolder(dest.path))
      throw new BackupError('destination_missing', 'The backup folder is not there.');
    const id = vaultId();
    const verified = state?.destinations[destinationId]?.verified ?? {};
    return listBackupFiles(dest.path)
      .filter(b => b.vaultId === id)
      .map(b => ({
        file: b.file,
        createdAt: b.createdAt,
        size: b.size,
        verifiedAt: verified[b.name] ?? null,
        condition: b.condition,
      }));
  }

  return {
    getSettings: () => currentSettings().settings,
    updateSettings,
    runNow,
    runDue,
    recordPendingRuns,
    status,
    list,
    /** The running backup's or restore's progress (restores report through the handlers). */
    progress,
  };
}

function pickStatus(st: ReturnType<typeof emptyDestinationState>) {
  return {
    lastAttemptAt: st.lastAttemptAt,
    lastSuccessAt: st.lastSuccessAt,
    lastFile: st.lastFile,
    lastVerifiedAt: st.lastVerifiedAt,
    lastVerifiedFile: st.lastVerifiedFile,
    lastError: st.lastError,
    lastErrorReason: st.lastErrorReason,
  };
}

/** The backup service type. */
export type BackupService = ReturnType<typeof createBackupService>;
