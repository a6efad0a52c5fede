/**
 * The one unlocked vault and signed-in session of an app instance (a desktop app serves one person at
 * a time). Services read it; only the auth service changes it.
 */
import type { Session, SessionSource } from '../ipc';
import type { OpenVault } from '../vault';

/** Mutable state of one app instance: which vault is open, who is signed in, who was locked out. */
export interface VaultState extends SessionSource {
  vaultDir: string;
  /** The open vault, or null when locked / signed out / no vault. */
  readonly vault: OpenVault | null;
  readonly session: Session | null;
  /** Login shown on the lock screen after `lock()`. */
  readonly lockedLogin: string | null;
  /**
   * The session that ended during the current call (sign-out, lock, a recovery-key flow), until
   * `flushPendingClose`: the audit wrapper records the call under it.
   */
  readonly endedSession: Session | null;
  /** Opens a session on an unlocked vault. */
  signIn(vault: OpenVault, session: Session): void;
  /**
   * Ends the session. The vault is closed once the current call has finished (so the audit wrapper
   * can still record the lock or sign-out), or at once with `closeNow`.
   */
  end(options: { keepLogin: boolean; closeNow?: boolean }): void;
  /** Closes a vault whose session ended during the current call. */
  flushPendingClose(): void;
  /** The open vault of a signed-in session, or null. */
  openVault(): OpenVault | null;
  /** Where the audit wrapper writes: the open vault, or the one closing after this call. */
  auditTarget(): OpenVault | null;
}

/** What else must go when a session ends. */
export interface VaultStateOptions {
  /**
   * Runs when a session ends: lock, sign-out, a forced end, or another user (or vault) signing in
   * over it. The composition clears the document transfer tickets here.
   */
  onSessionEnd?: () => void;
}

/** Creates the state for a vault folder. */
export function createVaultState(vaultDir: string, options: VaultStateOptions = {}): VaultState {
  let vault: OpenVault | null = null;
  let session: Session | null = null;
  let lockedLogin: string | null = null;
  let pendingClose: OpenVault | null = null;
  let endedSession: Session | null = null;

  function flushPendingClose(): void {
    const closing = pendingClose;
    pendingClose = null;
    endedSession = null;
    if (closing && closing !== vault) closing.close();
  }

  return {
    vaultDir,
    get vault() {
      return vault;
    },
    get session() {
      return session;
    },
    get lockedLogin() {
      return lockedLogin;
    },
    get endedSession() {
      return endedSession;
    },
    current: () => session,
    openVault: () => (vault && !vault.closed && session ? vault : null),
    auditTarget: () => {
      const target = vault ?? pendingClose;
      return target && !target.closed ? target : null;
    },
    signIn(next, nextSession) {
      // A refreshed session (same user, same vault) goes on; anything else ends the one before.
      if (session && (session.userId !== nextSession.userId || vault !== next))
        options.onSessionEnd?.();
      flushPendingClose();
      if (vault && vault !== next) vault.close();
      vault = next;
      session = nextSession;
      lockedLogin = null;
    },
    end({ keepLogin, closeNow }) {
      lockedLogin = keepLogin && session ? session.login : null;
      if (vault) {
        endedSession = session;
        pendingClose = vault;
        vault = null;
      }
      session = null;
      options.onSessionEnd?.();
      if (closeNow) flushPendingClose();
    },
    flushPendingClose,
  };
}
