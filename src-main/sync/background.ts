/**
 * Office sync in the background of the main process. A round (./worker.ts `syncNow`) runs at once,
 * then the loop waits for the server to announce a change: a long poll (`/v1/pull` with `waitMs`,
 * woken on the server by LISTEN/NOTIFY or its in-process notification) whose answer only says "go"
 * — the next round pulls. A local change calls `kick()`, which cuts the wait short so the outbox
 * goes up at once. A failed round waits with exponential backoff (first, ×2, up to the maximum);
 * a success resets it. While nobody is signed in or the vault has not joined an office, the loop
 * looks again after `idleMs`. A removed device wipes its vault (./wipe.ts). Time is injected
 * (`timers`): tests drive the waits, nothing sleeps for real there.
 *
 * Every use of the vault — the whole round, and reading the cursors the wait sends — runs inside
 * `turn`: in the app that is the audit wrapper's queue (src-main/app/call-queue.ts), so a round
 * never writes inside an audited call's transaction on the shared connection, nor the reverse. The
 * long poll itself holds no turn.
 */
import { MAX_PULL_WAIT_MS } from '../../src-shared/office/contracts';
import type { OpenVault } from '../vault';
import { vaultPaths } from '../vault';
import { vaultEraser } from './erasure-in';
import { isOfficeMember } from './outbox';
import { OfficeSession } from './session';
import { heldPartitions, loadOfficeSettings } from './store';
import { DeviceRemovedError, wipeRemovedVault } from './wipe';
import { syncNow, type SyncReport } from './worker';

/** How the loop waits; `sleep` ends early (resolves) when `signal` fires. */
export interface SyncTimers {
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** Real time. */
export const REAL_TIMERS: SyncTimers = {
  sleep: (ms, signal) =>
    new Promise(resolve => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    }),
};

/** What one pass of the loop did. */
export type RoundOutcome =
  | { kind: 'synced'; report: SyncReport }
  | { kind: 'failed'; error: string; retryInMs: number }
  | { kind: 'idle' }
  | { kind: 'removed' };

/** What the loop needs. */
export interface BackgroundSyncOptions {
  /** The vault of the signed-in session, or null. */
  source(): OpenVault | null;
  timers?: SyncTimers;
  /** Look again after this long while signed out or not joined (default 30 s). */
  idleMs?: number;
  /** Long poll length (default 25 s, at most the server's 30 s). */
  waitMs?: number;
  /** First backoff after a failure (default 2 s), doubled up to `maxBackoffMs` (default 5 min). */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  /** Runs work that uses the vault, one at a time with the app's calls (default: at once). */
  turn?<T>(work: () => Promise<T>): Promise<T>;
  /** Called after every pass (the badge refreshes from it). */
  onRound?(outcome: RoundOutcome): void;
}

/** The running loop. */
export interface BackgroundSync {
  /** Run a round now (a local change is waiting): cuts the current wait short. */
  kick(): void;
  /** Stops the loop; resolves when the pass in flight has ended. */
  stop(): Promise<void>;
}

/** The backoff before retry number `failures` (1, 2, …). */
export function backoffMs(failures: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, failures - 1));
}

/** What the wait asks the server about, read from the vault (in a turn). */
async function waitRequest(vault: OpenVault) {
  if (vault.closed) return null;
  const settings = await loadOfficeSettings(vault.db);
  const held = await heldPartitions(vault.db);
  if (!settings || held.length === 0) return null;
  const cursors = held.map(p => ({ partitionId: p.partition_id, after: p.after_seq }));
  return { settings, cursors };
}

/** Waits for the server to announce a change in a held partition (or `signal`, or the time). */
async function waitForChanges(
  request: Awaited<ReturnType<typeof waitRequest>>,
  waitMs: number,
  signal: AbortSignal,
) {
  if (!request || signal.aborted) return;
  const session = await OfficeSession.signIn(request.settings);
  await session.post('/v1/pull', { cursors: request.cursors, limit: 1, waitMs }, signal);
}

const AT_ONCE = <T>(work: () => Promise<T>): Promise<T> => work();

/** Starts the loop (see the file comment). */
export function startBackgroundSync(o: BackgroundSyncOptions): BackgroundSync {
  const timers = o.timers ?? REAL_TIMERS;
  const idleMs = o.idleMs ?? 30_000;
  const waitMs = Math.min(o.waitMs ?? 25_000, MAX_PULL_WAIT_MS);
  const firstMs = o.firstBackoffMs ?? 2_000;
  const maxMs = o.maxBackoffMs ?? 5 * 60_000;
  const turn = o.turn ?? AT_ONCE;
  let stopped = false;
  let wake = new AbortController();
  let failures = 0;

  async function pass(): Promise<{ outcome: RoundOutcome; vault: OpenVault | null }> {
    if (stopped) return { outcome: { kind: 'idle' }, vault: null };
    const vault = o.source();
    if (!vault || vault.closed || !(await isOfficeMember(vault.db))) {
      return { outcome: { kind: 'idle' }, vault: null };
    }
    try {
      const report = await syncNow(vault.db, {
        attachments: vaultPaths(vault.dir).attachments,
        eraser: vaultEraser(vault),
        audit: vault,
      });
      failures = 0;
      return { outcome: { kind: 'synced', report }, vault };
    } catch (error) {
      if (error instanceof DeviceRemovedError) {
        await wipeRemovedVault(vault);
        return { outcome: { kind: 'removed' }, vault: null };
      }
      failures += 1;
      const code = error instanceof Error ? error.name : 'error';
      const retryInMs = backoffMs(failures, firstMs, maxMs);
      return { outcome: { kind: 'failed', error: code, retryInMs }, vault: null };
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      const { outcome, vault } = await turn(pass);
      o.onRound?.(outcome);
      if (stopped) return;
      const signal = wake.signal;
      if (outcome.kind === 'synced' && vault) {
        // Any failure of the wait (offline, token) shows in the next round, which backs off.
        const request = await turn(() => waitRequest(vault)).catch(() => null);
        await waitForChanges(request, waitMs, signal).catch(() => undefined);
      } else {
        await timers.sleep(outcome.kind === 'failed' ? outcome.retryInMs : idleMs, signal);
      }
      if (wake.signal.aborted) wake = new AbortController();
    }
  }

  const done = loop();
  return {
    kick: () => wake.abort(),
    stop: async () => {
      stopped = true;
      wake.abort();
      await done;
    },
  };
}
