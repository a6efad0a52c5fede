/**
 * The idle auto-lock, enforced in the main process (issue 18 point 8). The renderer reports input
 * through `settings.touch` (at most every {@link TOUCH_INTERVAL_MS}); other calls do not count as
 * presence (background polls would keep a forgotten session open). When the office's
 * `autoLockMinutes` plus {@link IDLE_GRACE_MS} pass without a touch, the session is locked: at the
 * next call (which is refused as `unauthenticated`), or by {@link IdleLock.check}, which the app runs
 * on a timer so a renderer that stopped talking does not keep the vault open.
 *
 * The renderer shows the 30-second warning and locks at `autoLockMinutes` itself; the grace only
 * covers the touch interval, so the main process is the backstop, never the first to lock.
 */
import { CallFailure, type Session, type Wrapper } from '../ipc';
import { readOfficeSettings } from '../settings/office-settings';
import type { VaultState } from './vault-state';

/** How often the renderer reports input at most. */
export const TOUCH_INTERVAL_MS = 10_000;
/** Past the setting: covers a touch still on its way. */
export const IDLE_GRACE_MS = 20_000;

const TOUCH_CHANNEL = 'zamok:settings.touch';

/** The idle clock of one app instance. */
export interface IdleLock {
  /** The router wrapper: refuses (and locks) a call past the deadline; a touch restarts the clock. */
  wrapper: Wrapper;
  /** Locks when the deadline has passed; answers true when it locked. For the app's timer. */
  check(): Promise<boolean>;
  /** When the session locks without a touch (ms since the epoch), or null without a session. */
  deadline(): Promise<number | null>;
}

/** What the idle lock needs. */
export interface IdleLockOptions {
  state: VaultState;
  clock: () => number;
  /** After a lock made outside a call (the timer): the clean-close record. */
  onLocked?: () => void;
}

/** Creates the idle clock; `wrapper` goes after the audit wrapper (so refusals are recorded). */
export function createIdleLock(o: IdleLockOptions): IdleLock {
  const { state, clock } = o;
  let tracked: Session | null = null;
  let lastTouch = 0;

  /** Starts the clock for a session seen for the first time (a sign-in, an unlock). */
  function follow(session: Session | null): void {
    if (!session) {
      tracked = null;
      return;
    }
    if (tracked === null || session.userId !== tracked.userId) lastTouch = clock();
    tracked = session;
  }

  async function deadline(): Promise<number | null> {
    const vault = state.openVault();
    follow(state.session);
    if (!vault || !state.session) return null;
    const { autoLockMinutes } = await readOfficeSettings(vault.db);
    return lastTouch + autoLockMinutes * 60_000 + IDLE_GRACE_MS;
  }

  async function expired(): Promise<boolean> {
    const at = await deadline();
    return at !== null && clock() >= at;
  }

  const wrapper: Wrapper = (meta, next) => async (ctx, input) => {
    if (ctx.session && state.session === ctx.session && (await expired())) {
      tracked = null;
      // An unaudited call has no audit wrapper to close the vault after it: close it now.
      state.end({ keepLogin: true, closeNow: meta.spec.audit === false });
      if (meta.spec.permission === 'public') return next({ ...ctx, session: null }, input);
      throw new CallFailure('unauthenticated', 'The session was locked after a time without use.');
    }
    if (meta.name === TOUCH_CHANNEL && ctx.session) lastTouch = clock();
    const result = await next(ctx, input);
    follow(state.session);
    return result;
  };

  return {
    wrapper,
    deadline,
    async check() {
      if (!(await expired())) return false;
      tracked = null;
      state.end({ keepLogin: true, closeNow: true });
      o.onLocked?.();
      return true;
    },
  };
}

/** Runs `idle.check()` every `intervalMs` (unref'd: never keeps a process alive); answers a stop. */
export function startIdleTimer(idle: Pick<IdleLock, 'check'>, intervalMs = 5_000): () => void {
  const timer = setInterval(() => {
    idle.check().catch(() => undefined);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
