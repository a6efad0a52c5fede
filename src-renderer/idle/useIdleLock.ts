/**
 * Idle auto-lock. Activity anywhere in the window restarts the clock; when it runs out the session
 * is locked exactly as with Ctrl+L (stores wiped, lock screen, vault closed in the main process).
 */
import { useEffect, useRef } from 'react';
import { useApi } from '../app/api';
import { lockSession } from '../app/session-actions';
import { useSessionStore } from '../stores/session';

/** Used when the status does not say (the product default). */
export const DEFAULT_AUTO_LOCK_MINUTES = 10;

/** What counts as the user being present. Passive listeners, captured before any handler can stop them. */
const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
] as const;

/**
 * Calls `onIdle` once after `minutes` without activity (0 or less: never). Time is measured with
 * Date.now() and checked every few seconds and on visibility changes, so a throttled background tab
 * or a sleeping laptop still locks as soon as it is looked at again.
 */
export function useIdleTimer(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });
  useEffect(() => {
    if (!(minutes > 0)) return;
    const timeoutMs = minutes * 60_000;
    let last = Date.now();
    let fired = false;
    const activity = () => {
      last = Date.now();
    };
    const check = () => {
      if (!fired && Date.now() - last >= timeoutMs) {
        fired = true;
        onIdleRef.current();
      }
    };
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, activity, { passive: true, capture: true });
    }
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, Math.min(5_000, timeoutMs));
    return () => {
      for (const name of ACTIVITY_EVENTS) {
        window.removeEventListener(name, activity, { capture: true });
      }
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [minutes]);
}

/** Locks the signed-in session after `status.autoLockMinutes` (default 10) of inactivity. */
export function useIdleLock(): void {
  const api = useApi();
  const minutes = useSessionStore(
    state => state.status?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
  );
  useIdleTimer(minutes, () => void lockSession(api, 'idle'));
}
