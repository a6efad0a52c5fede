/**
 * Idle auto-lock. Activity anywhere in the window restarts the clock; 30 seconds before it runs out
 * a warning with a countdown shows (any input, or «Продовжити роботу», cancels it); when it runs out the
 * session is locked exactly as with Ctrl+L (stores wiped, lock screen, vault closed in the main
 * process). The minutes are the office setting; the main process enforces them too (it locks on its
 * own when the window stops reporting input through `settings.touch`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { IDLE_WARNING_SECONDS } from '../../src-shared/settings/office';
import { useApi } from '../app/api';
import { lockSession } from '../app/session-actions';
import { useSessionStore } from '../stores/session';

/** Used when the status does not say (the product default). */
export const DEFAULT_AUTO_LOCK_MINUTES = 10;

/** How often input is reported to the main process at most (its grace covers this). */
export const TOUCH_INTERVAL_MS = 10_000;

/** What counts as the user being present. Passive listeners, captured before any handler can stop them. */
const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
] as const;

/** The warning's state: seconds until the lock while it shows (else null), and "stay". */
export interface IdleCountdown {
  secondsLeft: number | null;
  stay(): void;
}

/** Options of {@link useIdleTimer}. */
export interface IdleTimerOptions {
  /** Seconds of warning before `onIdle` (0: none). */
  warnSeconds?: number;
  /** Called on every input (throttle it yourself). */
  onActivity?: () => void;
}

/**
 * Calls `onIdle` once after `minutes` without activity (0 or less: never), with a countdown for the
 * last `warnSeconds`. Time is measured with Date.now() and checked every second and on visibility
 * changes, so a throttled background tab or a sleeping laptop still locks as soon as it is looked
 * at again.
 */
export function useIdleTimer(
  minutes: number,
  onIdle: () => void,
  options: IdleTimerOptions = {},
): IdleCountdown {
  const onIdleRef = useRef(onIdle);
  const onActivityRef = useRef(options.onActivity);
  useEffect(() => {
    onIdleRef.current = onIdle;
    onActivityRef.current = options.onActivity;
  });
  const warnMs = (options.warnSeconds ?? 0) * 1_000;
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastRef = useRef(Date.now());
  const warningRef = useRef(false);

  const activity = useCallback(() => {
    lastRef.current = Date.now();
    if (warningRef.current) {
      warningRef.current = false;
      setSecondsLeft(null);
    }
    onActivityRef.current?.();
  }, []);

  useEffect(() => {
    if (!(minutes > 0)) return;
    const timeoutMs = minutes * 60_000;
    lastRef.current = Date.now();
    let fired = false;
    const check = () => {
      if (fired) return;
      const left = timeoutMs - (Date.now() - lastRef.current);
      if (left <= 0) {
        fired = true;
        warningRef.current = false;
        setSecondsLeft(null);
        onIdleRef.current();
      } else if (left <= warnMs) {
        warningRef.current = true;
        setSecondsLeft(Math.ceil(left / 1_000));
      }
    };
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, activity, { passive: true, capture: true });
    }
    document.addEventListener('visibilitychange', check);
    const timer = window.setInterval(check, 1_000);
    return () => {
      for (const name of ACTIVITY_EVENTS) {
        window.removeEventListener(name, activity, { capture: true });
      }
      document.removeEventListener('visibilitychange', check);
      window.clearInterval(timer);
    };
  }, [minutes, warnMs, activity]);

  return { secondsLeft, stay: activity };
}

/**
 * Locks the signed-in session after the office's auto-lock minutes (default 10) of inactivity,
 * warning 30 seconds before; input is reported to the main process at most every 10 s.
 */
export function useIdleLock(): IdleCountdown {
  const api = useApi();
  const minutes = useSessionStore(
    state => state.status?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
  );
  const lastTouch = useRef(0);
  const touch = useCallback(() => {
    const now = Date.now();
    if (now - lastTouch.current < TOUCH_INTERVAL_MS) return;
    lastTouch.current = now;
    void api.settings.touch({});
  }, [api]);
  return useIdleTimer(minutes, () => void lockSession(api, 'idle'), {
    warnSeconds: IDLE_WARNING_SECONDS,
    onActivity: touch,
  });
}
