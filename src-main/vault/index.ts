/**
 * The vault storage layer: encrypted database, key slots, device binding, migrations, recovery key.
 * Format: docs/VAULT_FORMAT.md.
 */
export {
  DeviceSecretMissingError,
  VAULT_ERROR_CODES,
  VaultError,
  isVaultError,
  type VaultErrorCode,
} from './errors';
export {
  KDF_FLOOR,
  calibrateKdf,
  isBelowFloor,
  kdfUpgrade,
  type CpuMeter,
  type KdfParams,
} from './kdf';
export {
  createKeychainStore,
  createMemoryDeviceStore,
  createNoKeychainStore,
  type DeviceSecretStore,
} from './device';
export type { OpenVault, VaultDatabase } from './database';
export type * from './schema';
export { createVault, type CreateVaultOptions, type CreatedVault } from './create';
export { unlockMeasured, unlockWithPassword, unlockWithRecoveryKey, type SlotCost } from './unlock';
export { removePasswordSlot, setPasswordSlot } from './slots';
export { settleKeyring, settleStagedChanges } from './keyring-changes';
export { hasPasswordSlot, readKeyringInfo, type KeyringInfo } from './info';
export { vaultExists, vaultPaths } from './files';
export { damagedError, isCorruption, DAMAGED_MESSAGE } from './commit-check';
export { COMMIT_RECORD_FILE, peekCommitRecord, type CommitMark } from './commit-record';
export { bundledMigrationIds } from './migrations';
export { normalizeLogin, VAULT_FILES } from './keyring';
export { decodeRecoveryKey, encodeRecoveryKey } from './recovery-key';
