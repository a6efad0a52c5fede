/**
 * What the session actions (lock, sign-out) tell the hash-route sync (./use-hash-route.ts). Apart
 * from it so the lock and sign-in screens' chunk does not carry the route table and its stores.
 */

let stopSync: (() => void) | null = null;

/** Registers the running sync's stop (the shell's hash-route hook); returns its unregister. */
export function onRouteHold(stop: () => void): () => void {
  stopSync = stop;
  return () => {
    if (stopSync === stop) stopSync = null;
  };
}

/**
 * Stops writing the hash before the stores are wiped (lock, session lost), so the address keeps
 * the page the user was on and the next unlock opens it again.
 */
export function holdRoute(): void {
  const stop = stopSync;
  stopSync = null;
  stop?.();
}

/** Stops syncing and clears the hash (sign-out, another user): the next person starts afresh. */
export function forgetRoute(): void {
  holdRoute();
  if (window.location.hash === '') return;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
