/** A seconds countdown for lockouts: "try again in 4 min 05 s", ticking once a second. */
import { useEffect, useState } from 'react';

/**
 * Remaining whole seconds until `until` (a Date.now() timestamp), 0 when passed or null.
 * Re-renders once a second while running.
 */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
