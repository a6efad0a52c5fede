/**
 * Handlers of the `backup` channels. The router has checked `backup.manage` / `backup.restore`
 * (restoreFirstRun is public and refuses whenever a vault exists). Restoring closes the open vault
 * first (its files are moved aside as the safety copy), writes `backup.restore` into the restored
 * vault's own audit log, and leaves the app signed out: the next step is signing in again.
 */
import type {
  BackupPreview,
  BackupVerifyResult,
  backupContract,
} from '../../../src-shared/ipc/backup';
import type { Manifest } from '../../backup/manifest';
import type { BackupSecret } from '../../backup/keys';
import { storedIdentity } from '../../backup/recipient';
import { restoreBackup } from '../../backup/restore';
import type { BackupService } from '../../backup/service';
import { verifyBackup, type VerifyResult } from '../../backup/verify';
import { CallFailure, type Handlers } from '../../ipc';
import { vaultExists, type OpenVault } from '../../vault';
import type { VaultState } from '../vault-state';
import { requireVault } from './kit';

/** What the backup handlers need from the app. */
export interface BackupHandlerDeps {
  state: VaultState;
  service: BackupService;
  deviceId: string;
  onVaultDirChange?: (dir: string) => void;
}

function previewOf(file: string, m: Manifest, schemaNewer: boolean): BackupPreview {
  return {
    file,
    vaultId: m.vaultId,
    createdAt: m.createdAt,
    createdBy: m.createdBy,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    counts: m.counts,
    schemaNewer,
  };
}

function verifyView(r: VerifyResult): BackupVerifyResult {
  return {
    ...previewOf(r.file, r.manifest, r.schemaNewer),
    databaseChecked: r.databaseChecked,
    verifiedAt: r.verifiedAt,
  };
}

function secretOf(input: {
  passphrase?: string | undefined;
  recoveryKey?: string | undefined;
}): BackupSecret | null {
  if (input.passphrase !== undefined) return { passphrase: input.passphrase };
  if (input.recoveryKey !== undefined) return { recoveryKey: input.recoveryKey };
  return null;
}

function vaultIdOption(input: { vaultId?: string | undefined }): { vaultId?: string } {
  return input.vaultId === undefined ? {} : { vaultId: input.vaultId };
}

/** The `backup` feature's handlers for the router. */
export function backupHandlers(
  deps: BackupHandlerDeps,
): Handlers<{ backup: typeof backupContract }>['backup'] {
  const { state, service } = deps;
  const { progress } = service;

  const vault = () => requireVault(state);

  return {
    getSettings: () => service.getSettings(),
    updateSettings: async (ctx, input) => {
      const saved = await service.updateSettings(input.settings, input.passphrase);
      // Folder paths and the schedule are recorded; the passphrase never is.
      ctx.audit.details = {
        destinations: saved.destinations.map(d => d.path),
        schedule: saved.schedule,
        retention: saved.retention,
        encryption: saved.encryption,
        passphraseChanged: input.passphrase !== undefined,
      };
      return saved;
    },
    status: () => service.status(),
    progress: () => service.progress.current(),
    runNow: async (ctx, input) => {
      const results = await service.runNow(input.destinationId, ctx.session?.login ?? 'app');
      ctx.audit.details = {
        results: results.map(r => ({
          destination: r.destinationId,
          ok: r.error === null,
          verified: r.verified,
          pruned: r.pruned,
        })),
      };
      return results;
    },
    list: (_ctx, input) => service.list(input.destinationId),
    verify: async (ctx, input) => {
      const open = vault();
      const secret = secretOf(input) ?? identitySecret(open);
      const result = await verifyBackup({
        file: input.file,
        secret,
        openVault: open,
        ...vaultIdOption(input),
      });
      ctx.audit.details = { file: input.file, databaseChecked: result.databaseChecked };
      return verifyView(result);
    },
    preview: async (_ctx, input) => {
      const secret = secretOf(input);
      if (!secret)
        throw new CallFailure('invalid_input', 'Give the passphrase or the recovery key.');
      const result = await verifyBackup({
        file: input.file,
        secret,
        openVault: state.openVault(),
        ...vaultIdOption(input),
      });
      return previewOf(result.file, result.manifest, result.schemaNewer);
    },
    restore: async (ctx, input) => {
      const secret = secretOf(input);
      if (!secret)
        throw new CallFailure('invalid_input', 'Give the passphrase or the recovery key.');
      const open = vault();
      // Keep a copy of the key (same-vault passphrase restores need it), then close the vault now:
      // its folder becomes the safety copy.
      const key = open.dataKey();
      const openInfo = { vaultId: open.vaultId, dataKey: () => Buffer.from(key) };
      const actor = {
        userId: ctx.session?.userId ?? null,
        userLogin: ctx.session?.login ?? null,
        deviceId: deps.deviceId,
      };
      // Check the file before anything closes: a wrong key or a damaged file leaves the session as is.
      await progress.track('verify', onBytes =>
        verifyBackup({
          file: input.file,
          secret,
          openVault: openInfo,
          onBytes,
          ...vaultIdOption(input),
        }),
      );
      state.end({ keepLogin: false, closeNow: true });
      try {
        const result = await progress.track('restore', onBytes =>
          restoreBackup({
            file: input.file,
            secret,
            targetDir: state.vaultDir,
            replace: true,
            openVault: openInfo,
            actor,
            onBytes,
            ...vaultIdOption(input),
          }),
        );
        return {
          vaultDir: result.vaultDir,
          safetyCopy: result.safetyCopy,
          createdAt: result.manifest.createdAt,
          databaseChecked: result.databaseChecked,
        };
      } finally {
        key.fill(0);
      }
    },
    restoreFirstRun: async (_ctx, input) => {
      const target = input.vaultDir ?? state.vaultDir;
      if (vaultExists(target) || vaultExists(state.vaultDir) || state.vault !== null) {
        throw new CallFailure(
          'vault_exists',
          'A vault already exists here; sign in and restore from the backup settings.',
        );
      }
      const secret = secretOf(input);
      if (!secret)
        throw new CallFailure('invalid_input', 'Give the passphrase or the recovery key.');
      const result = await progress.track('restore', onBytes =>
        restoreBackup({
          file: input.file,
          secret,
          targetDir: target,
          actor: { deviceId: deps.deviceId },
          onBytes,
          ...vaultIdOption(input),
        }),
      );
      state.vaultDir = target;
      deps.onVaultDirChange?.(target);
      return {
        vaultDir: result.vaultDir,
        safetyCopy: result.safetyCopy,
        createdAt: result.manifest.createdAt,
        databaseChecked: result.databaseChecked,
      };
    },
  };
}

function identitySecret(open: OpenVault): BackupSecret {
  const identity = storedIdentity(open);
  if (!identity) {
    throw new CallFailure(
      'invalid_input',
      'Give the passphrase or the recovery key to check this file.',
    );
  }
  return { identity };
}
