/**
 * Moves between screens. Locking wipes every store first (so nothing with client data can render
 * again), then asks the main process to close the vault.
 */
import type { ZamokApi } from '../../src-shared/ipc';
import type { AppStatus, SignedInUser } from '../../src-shared/ipc/auth';
import { forgetRoute, holdRoute } from '../shell/route-hold';
import { claimDrafts, dropAllDrafts } from '../stores/drafts';
import { resetAllStores } from '../stores/registry';
import { screenForStatus, useSessionStore, type LockReason } from '../stores/session';

/** Asks the main process where we are and shows the matching screen. */
export async function loadStatus(api: ZamokApi): Promise<void> {
  const result = await api.auth.status({});
  if (!result.ok) {
    useSessionStore.setState({ screen: 'startup-error' });
    return;
  }
  applyStatus(result.value);
}

/** Shows the screen for a status (setup, sign-in, lock or the app). */
export function applyStatus(status: AppStatus): void {
  const screen = screenForStatus(status);
  if (status.user && (screen === 'app' || screen === 'first-sign-in')) claimDrafts(status.user.id);
  useSessionStore.setState({
    status,
    screen,
    user: screen === 'app' || screen === 'first-sign-in' ? (status.user ?? null) : null,
    lockedUser: status.lockedLogin ? { login: status.lockedLogin } : null,
  });
}

/**
 * After a successful sign-in or unlock (drafts kept only for the same person): refresh the status (auto-lock minutes) and open the app, or
 * the first sign-in screen while the account still has to set its password or 2FA.
 */
export async function enterApp(api: ZamokApi, user: SignedInUser): Promise<void> {
  claimDrafts(user.id);
  const result = await api.auth.status({});
  useSessionStore.setState({
    status: result.ok ? result.value : useSessionStore.getState().status,
    user,
    screen: user.setupRequired ? 'first-sign-in' : 'app',
    lockedUser: null,
    lockReason: null,
    notice: null,
  });
}

/**
 * Locks: wipe every store, show the lock screen, then close the vault in the main process. The UI is
 * cleared first and regardless of the call's outcome, so a failing call never leaves data on screen.
 */
export async function lockSession(api: ZamokApi, reason: LockReason): Promise<void> {
  const { user, lockedUser } = useSessionStore.getState();
  const locked = user ? { login: user.login, displayName: user.displayName } : lockedUser;
  holdRoute();
  resetAllStores();
  useSessionStore.setState(
    locked
      ? { screen: 'lock', lockedUser: locked, lockReason: reason }
      : { screen: 'sign-in', lockReason: null },
  );
  if (user) await api.auth.lock({});
}

/**
 * The main process says the session is gone (OS lock, suspend, restart): wipe the stores and show
 * the lock screen (or sign-in when no user is known).
 */
export function sessionLost(status: AppStatus | null): void {
  const { user } = useSessionStore.getState();
  const login = status?.lockedLogin ?? user?.login;
  const locked = login
    ? { login, displayName: user?.login === login ? user.displayName : undefined }
    : null;
  holdRoute();
  resetAllStores();
  if (status?.state === 'no_vault') {
    useSessionStore.setState({ status, screen: 'setup' });
    return;
  }
  useSessionStore.setState(
    locked ? { screen: 'lock', lockedUser: locked, lockReason: 'system' } : { screen: 'sign-in' },
  );
}

/** Ends the session and shows the sign-in screen. Stores are wiped whatever the call answers. */
export async function signOutSession(api: ZamokApi): Promise<void> {
  forgetRoute();
  dropAllDrafts();
  resetAllStores();
  useSessionStore.setState({ screen: 'sign-in' });
  await api.auth.signOut({});
}

/** Leaves the lock screen for the sign-in form ("Sign in as someone else"). */
export function switchUser(): void {
  forgetRoute();
  dropAllDrafts();
  resetAllStores();
  useSessionStore.setState({ screen: 'sign-in' });
}

/** Opens the sign-in screen, optionally with a one-off notice (an i18n key). */
export function showSignIn(notice: string | null = null): void {
  useSessionStore.setState({ screen: 'sign-in', notice, lockReason: null });
}

/** Opens the password reset screen (recovery key). */
export function showResetPassword(): void {
  useSessionStore.setState({ screen: 'reset-password', notice: null });
}
