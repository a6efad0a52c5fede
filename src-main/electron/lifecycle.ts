/**
 * When the vault closes and locks, whatever ends the session: app quit, SIGTERM (logout, package
 * upgrade, `kill`), OS shutdown, screen lock and suspend. No Electron import: the app, power monitor
 * and process are passed in (stand-ins in tests).
 */

/** Something events can be subscribed on (Electron's app and powerMonitor, Node's process). */
export interface Emitter {
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** What the lifecycle drives. */
export interface LifecycleTargets {
  app: Emitter & { quit(): void };
  powerMonitor: Emitter;
  process: Emitter;
  /** Closes the vault and wipes keys (ZamokApp.dispose). Must be safe to call twice. */
  closeVault(): void;
  /** Locks the session (auth.lock): the vault closes, the user signs in again. */
  lock(): void;
  /** Optional hook on quit before the vault closes; return true to take over quitting. */
  beforeQuit?: () => boolean;
}

/** Windows ends sessions through the window ('session-end'): close the vault there too. */
export function wireWindowSessionEnd(window: Emitter, closeVault: () => void): void {
  window.on('session-end', () => closeVault());
}

/** Subscribes every close/lock trigger. */
export function wireVaultLifecycle(t: LifecycleTargets): void {
  t.app.on('before-quit', ((event: { preventDefault(): void }) => {
    if (t.beforeQuit?.()) {
      event.preventDefault();
      return;
    }
    t.closeVault();
  }) as (...args: never[]) => void);
  t.app.on('will-quit', () => t.closeVault());
  // SIGTERM: close first (the process may be killed soon after), then quit normally.
  t.process.on('SIGTERM', () => {
    t.closeVault();
    t.app.quit();
  });
  // OS shutdown (Linux, macOS): Electron may not get to before-quit; close, then quit promptly.
  t.powerMonitor.on('shutdown', () => {
    t.closeVault();
    t.app.quit();
  });
  t.powerMonitor.on('lock-screen', () => t.lock());
  t.powerMonitor.on('suspend', () => t.lock());
}
