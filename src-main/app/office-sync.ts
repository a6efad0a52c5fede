/**
 * The office sync loop of a running app (src-main/sync/background.ts), started and stopped with
 * the session. Hosts that stay running (Electron, the browser test host) call `enable()` once; the
 * CLI never does (a command syncs with `zamok sync now`). From then on, after every audited call
 * (audit-wrapper.ts `afterCall`, still in that call's turn) the service looks at the state: a
 * session open on a vault that has joined an office starts the loop for that vault; unsent changes
 * in the outbox kick it. A session that ends (lock, sign-out, idle lock, another user) stops it.
 * Rounds take their turn in the app's write queue (call-queue.ts), the one audited calls use.
 *
 * Off the hot path: whether a vault is an office member is read once per opened vault, and again
 * only after a committed `sync` or `office` call (joining is one of those), so calls on a vault
 * that is in no office run no office query. The outbox is looked at only in a member vault with
 * its loop running, after a call that committed (a rolled-back call wrote no change to send).
 * A vault joined by another process (the CLI) is noticed at its next session.
 */
import {
  startBackgroundSync,
  type BackgroundSync,
  type BackgroundSyncOptions,
} from '../sync/background';
import type { OpenVault } from '../vault';
import type { CallEnd } from './audit-wrapper';
import type { CallQueue } from './call-queue';
import type { VaultState } from './vault-state';

/** Loop settings a host or a test may change (timers, waits, the badge's round hook). */
export type OfficeSyncTuning = Omit<BackgroundSyncOptions, 'source' | 'turn'>;

/** The service (see the file comment). */
export interface OfficeSync {
  /** Lets the loop run from now on (hosts that stay running). */
  enable(tuning?: OfficeSyncTuning): void;
  /**
   * Starts, stops or kicks the loop as the state asks: after each audited call (`call`: how it
   * ended) and at a session's end (no call).
   */
  refresh(call?: CallEnd): void;
  /** Whether a loop is running now. */
  readonly running: boolean;
  /** Stops the loop; resolves when its pass in flight has ended. */
  stop(): Promise<void>;
}

/** One row the statement finds, or none. */
function has(vault: OpenVault, sql: string): boolean {
  try {
    return vault.sqlite.prepare(sql).get() !== undefined;
  } catch {
    return false; // a vault from before office sync's tables: not a member
  }
}

/** The features whose calls can make a vault an office member (or stop it being one). */
const MEMBERSHIP_FEATURES: ReadonlySet<string> = new Set(['sync', 'office']);

/** Creates the service for an app instance. */
export function createOfficeSync(o: { state: VaultState; queue: CallQueue }): OfficeSync {
  let tuning: OfficeSyncTuning | null = null;
  let loop: { vault: OpenVault; sync: BackgroundSync } | null = null;
  let stopping: Promise<void> = Promise.resolve();
  // The last vault looked at and whether it had joined an office then.
  let known: { vault: OpenVault; member: boolean } | null = null;

  function isMember(vault: OpenVault, call: CallEnd | undefined): boolean {
    const mayHaveJoined = call?.committed === true && MEMBERSHIP_FEATURES.has(call.feature);
    if (known?.vault !== vault || mayHaveJoined) {
      known = { vault, member: has(vault, 'SELECT 1 FROM office_settings LIMIT 1') };
    }
    return known.member;
  }

  function stop(): Promise<void> {
    const current = loop;
    loop = null;
    if (current) stopping = Promise.all([stopping, current.sync.stop()]).then(() => undefined);
    return stopping;
  }

  function refresh(call?: CallEnd): void {
    if (!tuning) return;
    const vault = o.state.openVault();
    if (loop && loop.vault !== vault) void stop();
    if (!vault) {
      known = null;
      return;
    }
    if (loop) {
      // The office was forgotten (src-main/sync/forget.ts, a committed office.* call): stop.
      if (!isMember(vault, call)) void stop();
      else {
        const unsent = 'SELECT 1 FROM sync_outbox WHERE seq IS NULL LIMIT 1';
        if (call?.committed !== false && has(vault, unsent)) loop.sync.kick();
      }
      return;
    }
    if (!isMember(vault, call)) return;
    const sync = startBackgroundSync({
      ...tuning,
      // Only this session's vault: after a lock or another sign-in the loop has nothing to do.
      source: () => (o.state.openVault() === vault ? vault : null),
      turn: work => o.queue.run(work),
    });
    loop = { vault, sync };
  }

  return {
    enable(next = {}) {
      tuning = next;
      refresh();
    },
    refresh,
    get running() {
      return loop !== null;
    },
    stop,
  };
}
