/**
 * First start of a new version: migrations bundled with it that the previous start did not have
 * will run at the next unlock, so an automatic verified backup must succeed first
 * (src-main/update/backup-gate.ts `beforeMigrations`). The ids bundled at the last successful start
 * are recorded in `<userData>/app-state.json`; the database itself cannot be read before unlock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../vault/atomic-write';

/** The record's file name in userData. */
export const APP_STATE_FILE = 'app-state.json';

interface AppState {
  version: string;
  migrations: string[];
}

function readState(userDataDir: string): AppState | null {
  try {
    const json = JSON.parse(readFileSync(join(userDataDir, APP_STATE_FILE), 'utf8')) as unknown;
    if (
      typeof json === 'object' &&
      json !== null &&
      'version' in json &&
      typeof json.version === 'string' &&
      'migrations' in json &&
      Array.isArray(json.migrations) &&
      json.migrations.every(m => typeof m === 'string')
    ) {
      return { version: json.version, migrations: json.migrations as string[] };
    }
  } catch {
    // missing or unreadable: no baseline
  }
  return null;
}

/**
 * Migration ids bundled now but not at the last recorded start. No record (first install, or the
 * first start of a build with this guard) or no vault yet: nothing is pending (a new vault has no
 * data to lose; the record is written after this start).
 */
export function pendingSinceLastStart(
  userDataDir: string,
  bundled: readonly string[],
  vaultExists: boolean,
): string[] {
  const state = readState(userDataDir);
  if (!state || !vaultExists) return [];
  const known = new Set(state.migrations);
  return bundled.filter(id => !known.has(id));
}

/** Records this start (after the guard let it proceed). */
export function recordStart(
  userDataDir: string,
  version: string,
  bundled: readonly string[],
): void {
  const state: AppState = { version, migrations: [...bundled] };
  writeFileAtomic(join(userDataDir, APP_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
