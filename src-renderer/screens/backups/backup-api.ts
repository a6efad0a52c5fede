/**
 * The backup calls, their error sentences and small formatters shared by the backups page and the
 * restore wizards. The backup channels may not be in the merged contract of every build yet, so
 * `backupApi` returns null when the bridge lacks them and the screens say so instead of failing.
 */
import type { TFunction } from 'i18next';
import type { ZamokApi } from '../../../src-shared/ipc';
import {
  BACKUP_ERROR_REASONS,
  type BackupErrorReason,
  type backupContract,
} from '../../../src-shared/ipc/backup';
import type { BridgeApi, CallError } from '../../../src-shared/ipc/contract';
import { errorText } from '../../app/errors';

/** The typed `window.zamok.backup` calls. */
export type BackupApi = BridgeApi<{ backup: typeof backupContract }>['backup'];

/** The bridge's backup calls, or null when this build has none. */
export function backupApi(api: ZamokApi): BackupApi | null {
  // The merged contract may not list `backup` yet: read it as an optional feature.
  const maybe = (api as unknown as { backup?: BackupApi }).backup;
  return maybe ?? null;
}

const REASONS = BACKUP_ERROR_REASONS;

/** Error codes that, from a backup call, mean one precise reason even without `details.reason`. */
const REASON_OF_CODE: Partial<Record<CallError['code'], (typeof REASONS)[number]>> = {
  auth_failed: 'wrong_key',
  vault_corrupt: 'corrupt',
  vault_newer: 'newer_schema',
  vault_not_writable: 'destination_not_writable',
};

/** One sentence for a failed backup call: the backup reason when known, else the shared text. */
export function backupErrorText(t: TFunction, error: CallError): string {
  const reason = error.details?.['reason'];
  const known = REASONS.find(r => r === reason) ?? REASON_OF_CODE[error.code];
  return known ? t(`backups.errors.${known}`) : errorText(t, error);
}

/**
 * The sentence for a failed run in the interface language. A run without a known reason (written
 * by an older version, or a failure main did not foresee) reads as the generic sentence, never as
 * main's English message.
 */
export function runErrorText(t: TFunction, reason: BackupErrorReason | null | undefined): string {
  return t(`backups.errors.${reason ?? 'unexpected'}`);
}

/** A date and time in the interface language, or the "never" text for null. */
export function formatWhen(t: TFunction, language: string, iso: string | null): string {
  if (!iso) return t('backups.never');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return t('backups.none');
  return date.toLocaleString(language === 'uk' ? 'uk-UA' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A file size as "12.3 MB" (decimal units, one decimal). */
export function formatSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** The file name at the end of a path (either separator). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** A new destination id (the contract allows [a-z0-9-]{1,40}). */
export function newDestinationId(): string {
  return `d-${crypto.randomUUID().slice(0, 18)}`;
}
