/**
 * Which screen the app shows and who is signed in. Reset with every other store on lock; the lock
 * flow then records only the locked user's login and name for the lock screen.
 */
import type { AppStatus, SignedInUser } from '../../src-shared/ipc/auth';
import { createResettableStore } from './registry';

export const SCREENS = [
  'loading',
  'startup-error',
  'setup',
  'sign-in',
  'reset-password',
  'first-sign-in',
  'lock',
  'app',
] as const;
export type Screen = (typeof SCREENS)[number];

/** Why the lock screen is shown (for a one-line explanation). */
export type LockReason = 'manual' | 'idle' | 'system';

/** The person whose session is locked: enough to greet them, nothing more. */
export interface LockedUser {
  login: string;
  displayName?: string;
}

export interface SessionState {
  screen: Screen;
  /** Vault folder, auto-lock minutes, keychain availability: no client data. */
  status: AppStatus | null;
  user: SignedInUser | null;
  lockedUser: LockedUser | null;
  lockReason: LockReason | null;
  /** A one-off notice for the sign-in screen (an i18n key), e.g. after a password reset. */
  notice: string | null;
}

const initialState: SessionState = {
  screen: 'loading',
  status: null,
  user: null,
  lockedUser: null,
  lockReason: null,
  notice: null,
};

/** The session store. Use the actions in ../app/session-actions.ts to move between screens. */
export const useSessionStore = createResettableStore<SessionState>(() => initialState);

/** The first screen for a status from the main process. */
export function screenForStatus(status: AppStatus): Screen {
  if (status.state === 'no_vault') return 'setup';
  if (status.state === 'signed_in') return status.user?.setupRequired ? 'first-sign-in' : 'app';
  return status.lockedLogin ? 'lock' : 'sign-in';
}
