/**
 * Notices a lock made by the main process (OS lock screen, suspend, another window): when the window
 * comes back into view or gains focus, and every 30 s, the status is checked; if the session is no
 * longer signed in, every store is wiped and the lock screen shown.
 */
import { useEffect } from 'react';
import { useApi } from '../app/api';
import { sessionLost } from '../app/session-actions';

/** How often the status is polled while the app is open. */
export const SESSION_CHECK_INTERVAL_MS = 30_000;

/** Watches the main process's session state while the app shell is shown. */
export function useSessionWatch(): void {
  const api = useApi();
  useEffect(() => {
    let active = true;
    const check = async () => {
      const result = await api.auth.status({});
      // A failed status call is not proof of a lock; the next check or call will tell.
      if (active && result.ok && result.value.state !== 'signed_in') sessionLost(result.value);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    const onFocus = () => void check();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onFocus);
    const timer = window.setInterval(() => void check(), SESSION_CHECK_INTERVAL_MS);
    return () => {
      active = false;
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onFocus);
      window.clearInterval(timer);
    };
  }, [api]);
}
