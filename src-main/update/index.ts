/**
 * Signed auto-update: manifest verification, the HTTPS channel, the update workflow and the backup
 * gate before installs and migrations. Electron glue: src-main/electron/updater.ts.
 */
export { UPDATE_ERROR_CODES, UpdateError, isUpdateError, type UpdateErrorCode } from './errors';
export {
  channelOf,
  compareVersions,
  parseManifest,
  verifyManifest,
  type ManifestExpectation,
  type ManifestFile,
  type VerifiedManifest,
} from './manifest';
export { certificateExpiry, fetchHttps, httpsUrl, type HttpsOptions } from './https';
export {
  beforeMigrations,
  runBackupGate,
  type BackupNow,
  type BackupOutcome,
  type GateResult,
} from './backup-gate';
export {
  DAILY_MS,
  createUpdateService,
  type EngineRelease,
  type UpdateEngine,
  type UpdateService,
  type UpdateServiceOptions,
  type UpdateStatus,
} from './service';
export { UPDATE_PUBLIC_KEY_PEM } from './public-key';
