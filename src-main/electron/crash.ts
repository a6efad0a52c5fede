/**
 * Uncaught errors in the main process: logged without personal data (error class and a code, never
 * the message or stack, which may hold names, paths or query text), then the app's recovery path
 * (close the vault, show app://zamok/recovery.html). No Electron import: tested with a stand-in
 * process.
 */

/** Where crash lines go (electron-log's file transport in the app). */
export interface CrashLog {
  error(message: string): void;
}

/** `TypeError`, `VaultError[vault_corrupt]`, `SqliteError[SQLITE_FULL]`: class and code only. */
export function errorLabel(err: unknown): string {
  if (!(err instanceof Error)) return typeof err === 'object' ? 'non-Error object' : typeof err;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  // Codes are identifiers; anything else could be free text from the error's origin.
  return /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? `${err.name}[${code}]` : err.name;
}

/** The part of `process` used here. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (err: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Logs each uncaught exception / unhandled rejection and calls `onCrash` once (later errors are
 * logged only: the recovery screen is already up).
 */
export function installCrashHandlers(
  proc: ProcessEvents,
  opts: { log: CrashLog; onCrash: () => void },
): void {
  let crashed = false;
  const handle = (kind: string) => (err: unknown) => {
    opts.log.error(`${kind}: ${errorLabel(err)}`);
    if (crashed) return;
    crashed = true;
    try {
      opts.onCrash();
    } catch (recoveryError) {
      opts.log.error(`recovery failed: ${errorLabel(recoveryError)}`);
    }
  };
  proc.on('uncaughtException', handle('uncaught exception'));
  proc.on('unhandledRejection', handle('unhandled rejection'));
}
