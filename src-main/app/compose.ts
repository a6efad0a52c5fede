/**
 * The composition root: one app instance = one vault folder, its auth service, the session state and
 * the router that every host (Electron, CLI, browser test host) calls.
 */
import { contract } from '../../src-shared/ipc';
import { createPermissionWrapper, createRouter, type Router } from '../ipc';
import {
  calibrateKdf,
  createKeychainStore,
  type DeviceSecretStore,
  type KdfParams,
} from '../vault';
import { documentTransfers, type TransferRegistry } from '../crm/documents';
import { appVersion } from '../backup/files';
import { createKeychainPassphraseStore } from '../backup/passphrase-store';
import { recoverInterruptedRestore } from '../backup/restore-journal';
import { createBackupService, type BackupService } from '../backup/service';
import { createDeviceIdentity } from '../guard/devices-identity';
import { installAlertRules, machineFacts } from '../guard/engine';
import { recordCleanClose } from '../guard/vault-files';
import { createAuditWrapper } from './audit-wrapper';
import { createExportLimitsWrapper } from './export-limits';
import { createExportPrecount } from './export-precount';
import { createCallQueue, type CallQueue } from './call-queue';
import { createOfficeSync, type OfficeSync } from './office-sync';
import { createAuthService, type AuthService } from './auth-service';
import { withBackupRecipient, withLockedRunAudit } from './backup-hooks';
import { withErasureReplay } from './erasure-hooks';
import { createGuardWrapper } from './guard-wrapper';
import { alertsHandlers } from './handlers/alerts';
import { analyticsHandlers } from './handlers/analytics';
import { auditHandlers } from './handlers/audit';
import { backupHandlers } from './handlers/backup';
import { activitiesHandlers } from './handlers/activities';
import { companiesHandlers } from './handlers/companies';
import { dealsHandlers } from './handlers/deals';
import { devicesHandlers } from './handlers/devices';
import { authHandlers } from './handlers/auth';
import { contactsHandlers } from './handlers/contacts';
import { documentsHandlers } from './handlers/documents';
import { erasureHandlers } from './handlers/erasure';
import { importsHandlers } from './handlers/imports';
import { createImportUploads } from '../import/uploads';
import { mergesHandlers } from './handlers/merges';
import { privacyHandlers } from './handlers/privacy';
import { recordsHandlers } from './handlers/records';
import { bulkHandlers } from './handlers/bulk';
import { viewsHandlers } from './handlers/views';
import { reportsHandlers } from './handlers/reports';
import { rolesHandlers } from './handlers/roles';
import { searchHandlers } from './handlers/search';
import { securityHandlers, type SecurityHandlerDeps } from './handlers/security';
import { teamsHandlers } from './handlers/teams';
import { customFieldsHandlers } from './handlers/custom-fields';
import { settingsHandlers } from './handlers/settings';
import { createIdleLock, type IdleLock } from './idle-lock';
import { syncHandlers } from './handlers/sync';
import { officeHandlers } from './handlers/office';
import { usersHandlers } from './handlers/users';
import { vaultHandlers } from './handlers/vault';
import { createSessionGuard } from './session-guard';
import { vaultFactsOf } from './vault-facts';
import { createVaultState, type VaultState } from './vault-state';

/** Which host runs the app. */
export type ZamokHost = 'electron' | 'preview' | 'cli';

/** What an app instance needs. */
export interface ZamokAppOptions {
  vaultDir: string;
  host: ZamokHost;
  /**
   * Fixed Argon2id parameters for new key slots. Only tests and the dev test host pass this; the app
   * and the CLI calibrate on the machine (0.5–1 s, never below the floor).
   */
  kdf?: KdfParams;
  /** The OS keychain by default; `createNoKeychainStore()` for `--no-device-binding`. */
  deviceStore?: DeviceSecretStore;
  clock?: () => number;
  onVaultDirChange?: (dir: string) => void;
  /** The running version (default: package.json's); the security check reminder follows it. */
  appVersion?: () => string;
  /** Security check inputs (update server certificate, backup status, disk detection); tests fix them. */
  securityCheck?: Omit<SecurityHandlerDeps, 'openVault' | 'now' | 'appVersion'>;
  /**
   * Browser test host only (refused for other hosts): act as another computer, so an end-to-end test
   * can sign in from a second device id on one machine (ZAMOK_TEST_DEVICE_ID, src-main/host/main.ts).
   */
  testDeviceId?: string;
  /** The document ticket book the host's transfer route reads (default: the process's one). */
  transfers?: TransferRegistry;
}

/** The composed app: the router every host calls, and how to shut it down. */
export interface ZamokApp {
  router: Router;
  state: VaultState;
  auth: AuthService;
  /** Backups: hosts that stay running (Electron) start `startScheduler({ runDue: backup.runDue })`. */
  backup: BackupService;
  /** The idle auto-lock: hosts that stay running call `idle.check()` on a timer (startIdleTimer). */
  idle: IdleLock;
  /**
   * The write queue of the vault's one connection: audited calls and office sync rounds take turns
   * here; other work that writes through the connection outside a call must too.
   */
  queue: CallQueue;
  /** Office sync in the background: hosts that stay running call `officeSync.enable()` once. */
  officeSync: OfficeSync;
  dispose(): void;
}

/** Builds the app for a vault folder. */
export function createZamokApp(opts: ZamokAppOptions): ZamokApp {
  // A restore killed mid-swap is finished before anything looks at the folder (no setup wizard).
  recoverInterruptedRestore(opts.vaultDir);
  // The alert rules watch every audit append (one listener per process).
  installAlertRules();
  // Document tickets (and the file keys they hold) end with the session: lock, sign-out, switch.
  const transfers = opts.transfers ?? documentTransfers;
  // The office sync loop stops with the session (office-sync.ts); bound once it exists below.
  let officeSync: OfficeSync | null = null;
  const state = createVaultState(opts.vaultDir, {
    onSessionEnd: () => {
      transfers.clear();
      officeSync?.refresh();
    },
  });
  // Audited calls and office sync rounds write through one connection: one queue for both.
  const queue = createCallQueue();
  officeSync = createOfficeSync({ state, queue });
  // The wizard's staged import files: deleted with the ticket book at the session's end.
  const uploads = createImportUploads({ transfers, vaultDir: () => state.vaultDir });
  const deviceStore = opts.deviceStore ?? createKeychainStore();
  if (opts.testDeviceId !== undefined && opts.host !== 'preview') {
    throw new Error('A fixed device id is for the browser test host only.');
  }
  // This machine's id in sessions and the audit log: keychain-bound for device-bound vaults, else a
  // hash of host and OS user (src-main/guard/devices-identity.ts). Resolved at each unlock; the
  // wrappers and handlers below read it when they record, hence the getters.
  const device = createDeviceIdentity({
    deviceStore,
    ...(opts.testDeviceId !== undefined ? { fixedId: opts.testDeviceId } : {}),
  });
  const clockNow = opts.clock ?? Date.now;
  const version = opts.appVersion ?? appVersion;
  let calibrated: Promise<KdfParams> | null = null;
  let keychain: Promise<boolean> | null = null;
  const backup = createBackupService({
    vaultDir: () => state.vaultDir,
    openVault: () => state.openVault(),
    passphrases: createKeychainPassphraseStore(),
    clock: clockNow,
  });
  // Vault creation is the only moment the recovery key is in memory: withBackupRecipient stores the
  // backups' public age recipient then (vault_meta + backup.json), so backups run while locked; runs
  // made while locked reach the audit log at the next sign-in (withLockedRunAudit).
  // Erasures made after the backup a vault was restored from are replayed at sign-in.
  const auth = withErasureReplay(
    state,
    withLockedRunAudit(
      withBackupRecipient(
        state,
        createAuthService({
          state,
          deviceStore,
          deviceId: device.current(),
          deviceIdentity: device,
          kdf: () => (opts.kdf ? Promise.resolve(opts.kdf) : (calibrated ??= calibrateKdf())),
          keychainAvailable: () => (keychain ??= deviceStore.isAvailable().catch(() => false)),
          ...(opts.clock ? { clock: opts.clock } : {}),
          ...(opts.onVaultDirChange ? { onVaultDirChange: opts.onVaultDirChange } : {}),
        }),
      ),
      backup,
    ),
    () => new Date(clockNow()),
  );
  // The idle auto-lock (office setting), enforced here; the renderer only warns and locks first.
  const idle = createIdleLock({
    state,
    clock: clockNow,
    onLocked: () => recordCleanClose(state.vaultDir),
  });
  const router = createRouter({
    contract,
    handlers: {
      auth: authHandlers(auth),
      vault: vaultHandlers(auth),
      audit: auditHandlers({ openVault: () => state.openVault() }),
      users: usersHandlers({ state, tools: auth.staffTools }),
      roles: rolesHandlers({ state, now: () => auth.staffTools.now() }),
      teams: teamsHandlers({ state, now: () => auth.staffTools.now() }),
      fields: customFieldsHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      activities: activitiesHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      companies: companiesHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      contacts: contactsHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      ...dealsHandlers({ openVault: () => state.openVault(), now: () => new Date(clockNow()) }),
      alerts: alertsHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
        appVersion: version,
      }),
      backup: backupHandlers({
        state,
        service: backup,
        get deviceId() {
          return device.current();
        },
        ...(opts.onVaultDirChange ? { onVaultDirChange: opts.onVaultDirChange } : {}),
      }),
      devices: devicesHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
        deviceId: () => device.current(),
        facts: machineFacts,
      }),
      documents: documentsHandlers({
        openVault: () => state.openVault(),
        transfers,
        now: () => new Date(clockNow()),
      }),
      analytics: analyticsHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      reports: reportsHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
        appVersion: version,
        autoLockMinutes: async () => (await auth.status()).autoLockMinutes,
      }),
      search: searchHandlers({ openVault: () => state.openVault() }),
      erasure: erasureHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      sync: syncHandlers({ openVault: () => state.openVault() }),
      office: officeHandlers({ openVault: () => state.openVault() }),
      imports: importsHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
        deviceId: () => device.current(),
        uploads,
      }),
      privacy: privacyHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      records: recordsHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      bulk: bulkHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      views: viewsHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      settings: settingsHandlers({ openVault: () => state.openVault(), idle }),
      merges: mergesHandlers({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
      }),
      security: securityHandlers({
        ...opts.securityCheck,
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
        appVersion: version,
      }),
    },
    sessions: state,
    // The audit wrapper sits outside the permission check so that denials are recorded too.
    authorize: (_meta, next) => next,
    // The session guard re-reads the account each call: a dismissed user's session ends, a changed
    // role's grants apply before the permission check.
    wrappers: [
      // Outermost: compares vault files before a sign-in, records a clean close after lock/sign-out.
      createGuardWrapper({
        state,
        get deviceId() {
          return device.current();
        },
      }),
      createAuditWrapper({
        state,
        get deviceId() {
          return device.current();
        },
        queue,
        afterCall: call => officeSync.refresh(call),
      }),
      createSessionGuard({ state }),
      // Interactive hosts only: a CLI process runs one command and ends with it.
      ...(opts.host === 'cli' ? [] : [idle.wrapper]),
      // Declared conditions may read the opened vault (an owner device's office.forget).
      createPermissionWrapper({ vault: vaultFactsOf(() => state.openVault()) }),
      // Inside the permission check: exports a channel declares (`exportLimit`) wait for approval.
      createExportLimitsWrapper({
        openVault: () => state.openVault(),
        now: () => new Date(clockNow()),
        precount: createExportPrecount({ openVault: () => state.openVault() }),
      }),
    ],
  });
  return {
    router,
    state,
    auth,
    backup,
    idle,
    queue,
    officeSync,
    dispose() {
      void officeSync.stop();
      const wasOpen = state.vault !== null;
      state.end({ keepLogin: false, closeNow: true });
      if (wasOpen) recordCleanClose(state.vaultDir);
    },
  };
}
