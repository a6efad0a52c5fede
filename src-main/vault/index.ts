/**
 * The vault storage layer: encrypted database, key slots, device binding, migrations, recovery key.
 * Format: docs/VAULT_FORMAT.md.
 */
export { VAULT_ERROR_CODES, VaultError, isVaultError, type VaultErrorCode } from './errors';
export { KDF_FLOOR, calibrateKdf, isBelowFloor, type KdfParams } from './kdf';
export {
  createKeychainStore,
  createMemoryDeviceStore,
  createNoKeychainStore,
  type DeviceSecretStore,
} from './device';
export { withTables, type OpenVault, type VaultDatabase } from './database';
export type * from './schema';
export { createVault, type CreateVaultOptions, type CreatedVault } from './create';
export { unlockWithPassword, unlockWithRecoveryKey } from './unlock';
export { removePasswordSlot, setPasswordSlot } from './slots';
export { hasPasswordSlot, readKeyringInfo, type KeyringInfo } from './info';
export { vaultExists, vaultPaths } from './files';
export { damagedError, isCorruption, DAMAGED_MESSAGE } from './commit-check';
export { COMMIT_RECORD_FILE, peekCommitRecord, type CommitMark } from './commit-record';
export { bundledMigrationIds } from './migrations';
export { normalizeLogin, VAULT_FILES } from './keyring';
export { decodeRecoveryKey, encodeRecoveryKey } from './recovery-key';
