/**
 * Sign-in throttling per login, kept in the vault folder so it survives a restart.
 *
 * Policy: failures 1–4 cost nothing; the 5th makes the login wait 30 s, doubling (60 s, 120 s);
 * from the 8th every failure locks the login for 15 minutes. A success clears the counter. After a
 * day without failures the counter starts again from zero. Failures are kept (times, count) until
 * the next successful sign-in of anyone, which returns them so they can be written to the audit log.
 *
 * A file that does not verify is replaced by one that locks EVERY login for 15 minutes and is
 * flagged `tampered` until the next success reports it. So is a verified file older than the
 * keychain's high-water mark, or a missing one (a device-bound vault: ./lockout-counter.ts), flagged
 * `rolledBack`. File format and key: ./lockout-file.ts.
 */
import { normalizeLogin, type DeviceSecretStore } from '../vault';
import type { LockoutCounter } from './lockout-counter';
import {
  createLockoutKey,
  emptyLockoutState,
  LOCKOUT_LIMITS,
  loadLockoutKey,
  lockoutLoginId,
  readClaimedKeyStore,
  readLockoutFile,
  writeLockoutFile,
  type LockoutKey,
  type LockoutState,
} from './lockout-file';

/** The throttling policy (seconds). */
export const LOCKOUT_POLICY = {
  /** Failures that cost no waiting. */
  freeFailures: 4,
  /** Wait after failure number freeFailures + 1; doubles with each further failure. */
  firstBackoffSeconds: 30,
  /** From this failure on, each failure locks the login for `lockoutSeconds`. */
  lockoutFromFailure: 8,
  lockoutSeconds: 15 * 60,
  /** A counter whose last failure is older than this starts again from zero. */
  forgetAfterSeconds: 24 * 60 * 60,
} as const;

/** A login's lockout id, from `LockoutStore.loginId`; a plain login string does not type-check here. */
export type LoginId = string & { readonly __brand: 'LockoutLoginId' };

/** Whether a sign-in attempt may go ahead now. */
export interface LockoutDecision {
  allowed: boolean;
  /** 0 when allowed; else whole seconds until the next attempt may go ahead. */
  retryAfterSeconds: number;
  /** The file was found tampered with (or unverifiable) and has not been reported by a success yet. */
  tampered: boolean;
}

/** Failures of one login since they were last reported. */
export interface UnauditedFailures {
  loginId: string;
  /** All failures since the last report (may exceed `times.length`). */
  count: number;
  /** Times (ms) of the most recent failures, oldest first, at most 100. */
  times: number[];
}

/** What a successful sign-in must write into the audit log. */
export interface FailuresToAudit {
  failures: UnauditedFailures[];
  /** Failures not attributable to a login any more (more than 500 logins tried). */
  droppedFailures: number;
  /** When the lockout file was found tampered with, or null. */
  tamperedAt: number | null;
  /** When an older copy of the file (or none) was found in place of a newer one, or null. */
  rolledBackAt: number | null;
  /** The file's new sequence number: store it in the database for `compareLockoutSeq`. */
  seq: number;
}

/** Throttling state of one vault folder. Every method reads the file afresh (the CLI may write too). */
export interface LockoutStore {
  /** The id under which a login is counted (normalises case and spaces like the keyring). */
  loginId(login: string): LoginId;
  check(loginId: LoginId, now?: number): Promise<LockoutDecision>;
  /** Counts a failed attempt and returns the decision for the next one. Throws if it cannot be saved. */
  recordFailure(loginId: LoginId, now?: number): Promise<LockoutDecision>;
  /** Clears the login's counter and hands over every unreported failure (of all logins). */
  recordSuccess(loginId: LoginId, now?: number): Promise<FailuresToAudit>;
  /** The current sequence number of the file (rises with every write). */
  seq(now?: number): Promise<number>;
}

/** Options of `openLockoutStore`. */
export interface LockoutStoreOptions {
  /** The vault folder. */
  dir: string;
  vaultId: string;
  /** The vault's device-secret store (OS keychain), or a no-keychain store. */
  deviceStore: DeviceSecretStore;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
  /**
   * The keychain's high-water mark of the file's seq (device-bound vaults); without it a rolled-back
   * file is only noticed after the next sign-in, by the copy of `seq` in the database.
   */
  counter?: LockoutCounter;
}

/** Seconds a login must wait after its `failures`-th consecutive failure. */
export function waitAfterFailures(failures: number): number {
  const p = LOCKOUT_POLICY;
  if (failures <= p.freeFailures) return 0;
  if (failures >= p.lockoutFromFailure) return p.lockoutSeconds;
  return p.firstBackoffSeconds * 2 ** (failures - p.freeFailures - 1);
}

/**
 * Compares the file's `seq` with the one saved in the database at the last sign-in. A file older
 * than the database (restored from a copy, or deleted: seq 0) means someone reset the counters.
 */
export function compareLockoutSeq(
  fileSeq: number,
  databaseSeq: number | null,
): 'ok' | 'rolled_back' {
  return databaseSeq === null || fileSeq >= databaseSeq ? 'ok' : 'rolled_back';
}

function secondsLeft(until: number, now: number, max: number): number {
  // Capped: a clock turned back must not turn a 15-minute lock into days.
  return Math.min(max, Math.max(0, Math.ceil((until - now) / 1000)));
}

/** Opens the lockout state of a vault folder (creating the MAC key on first use). */
export async function openLockoutStore(options: LockoutStoreOptions): Promise<LockoutStore> {
  const { dir, vaultId, deviceStore } = options;
  const clock = options.clock ?? Date.now;
  const claimed = readClaimedKeyStore(dir);
  // A key in the keychain always wins, whatever the (unverified) file claims: otherwise an attacker
  // could write `"keyStore": "file"`, put their own lockout.key beside it and re-MAC the counters.
  let key: LockoutKey | null = await loadLockoutKey(dir, vaultId, 'keychain', deviceStore);
  if (key === null && claimed !== 'keychain') {
    key = await loadLockoutKey(dir, vaultId, 'file', deviceStore);
  }
  // No usable key: an existing file will read as tampered and be rewritten under the new key.
  key ??= await createLockoutKey(dir, vaultId, deviceStore);
  const macKey = key;
  const counter = options.counter;
  let highestSeqSeen = 0;

  async function save(state: LockoutState): Promise<void> {
    // The mark goes up before the file: a crash in between reads as a rollback (fails closed),
    // never as a file the keychain does not know about.
    await counter?.raise(state.seq);
    writeLockoutFile(dir, macKey.key, state);
    highestSeqSeen = Math.max(highestSeqSeen, state.seq);
  }

  async function load(now: number): Promise<LockoutState> {
    const read = readLockoutFile(dir, macKey.key, vaultId);
    // A verified file whose seq is below one already written (seen by this process, or recorded in
    // the keychain) was swapped for an older copy; a missing one was deleted.
    const floor = Math.max(highestSeqSeen, counter ? await counter.read() : 0);
    if (read.kind === 'valid' && read.state.seq >= floor) {
      highestSeqSeen = read.state.seq;
      return read.state;
    }
    if (read.kind === 'missing' && floor === 0) {
      return emptyLockoutState(vaultId, macKey.keyStore);
    }
    const claimedSeq = read.kind === 'tampered' ? (read.claimedSeq ?? 0) : 0;
    const rolledBack = read.kind !== 'tampered';
    const state: LockoutState = {
      ...emptyLockoutState(vaultId, macKey.keyStore),
      seq: Math.max(claimedSeq, floor) + 1,
      tamperedAt: rolledBack ? null : now,
      rolledBackAt: rolledBack ? now : null,
      lockAllUntil: now + LOCKOUT_POLICY.lockoutSeconds * 1000,
    };
    await save(state);
    return state;
  }

  function decide(state: LockoutState, id: string, now: number): LockoutDecision {
    const tampered = state.tamperedAt !== null || (state.rolledBackAt ?? null) !== null;
    const max = LOCKOUT_POLICY.lockoutSeconds;
    if (state.lockAllUntil !== null && now < state.lockAllUntil) {
      return {
        allowed: false,
        retryAfterSeconds: secondsLeft(state.lockAllUntil, now, max),
        tampered,
      };
    }
    const counter = state.logins[id];
    if (counter === undefined || isStale(counter.lastFailureAt, now)) {
      return { allowed: true, retryAfterSeconds: 0, tampered };
    }
    const wait = waitAfterFailures(counter.failures);
    // Elapsed time never counts below zero: turning the clock back does not shorten a wait.
    const until = counter.lastFailureAt + wait * 1000;
    const left = now < counter.lastFailureAt ? wait : secondsLeft(until, now, wait);
    return { allowed: left === 0, retryAfterSeconds: left, tampered };
  }

  function isStale(lastFailureAt: number, now: number): boolean {
    return now - lastFailureAt > LOCKOUT_POLICY.forgetAfterSeconds * 1000;
  }

  function pruneLogins(state: LockoutState): void {
    const ids = Object.keys(state.logins);
    if (ids.length <= LOCKOUT_LIMITS.logins) return;
    // Drop the longest-quiet counters first; their failures still count in `droppedFailures`.
    ids.sort(
      (a, b) => (state.logins[a]?.lastFailureAt ?? 0) - (state.logins[b]?.lastFailureAt ?? 0),
    );
    const dropped = new Set(ids.slice(0, ids.length - LOCKOUT_LIMITS.logins));
    for (const id of dropped) state.droppedFailures += state.logins[id]?.unauditedCount ?? 0;
    state.logins = Object.fromEntries(
      Object.entries(state.logins).filter(([id]) => !dropped.has(id)),
    );
  }

  return {
    loginId(login) {
      return lockoutLoginId(vaultId, normalizeLogin(login)) as LoginId;
    },
    async check(id, now = clock()) {
      return decide(await load(now), id, now);
    },
    async recordFailure(id, now = clock()) {
      const state = await load(now);
      const previous = state.logins[id];
      const counter = previous ?? {
        failures: 0,
        lastFailureAt: now,
        unaudited: [],
        unauditedCount: 0,
      };
      if (previous !== undefined && isStale(previous.lastFailureAt, now)) counter.failures = 0;
      counter.failures += 1;
      counter.lastFailureAt = now;
      counter.unaudited = [...counter.unaudited, now].slice(-LOCKOUT_LIMITS.timesPerLogin);
      counter.unauditedCount += 1;
      state.logins[id] = counter;
      pruneLogins(state);
      state.seq += 1;
      await save(state);
      return decide(state, id, now);
    },
    async recordSuccess(id, now = clock()) {
      const state = await load(now);
      const failures: UnauditedFailures[] = [];
      for (const [loginId, counter] of Object.entries(state.logins)) {
        if (counter.unauditedCount > 0) {
          failures.push({ loginId, count: counter.unauditedCount, times: counter.unaudited });
        }
        counter.unaudited = [];
        counter.unauditedCount = 0;
      }
      // The signed-in login starts afresh; other logins keep counting (an attack may still be on).
      state.logins = Object.fromEntries(
        Object.entries(state.logins).filter(
          ([loginId, counter]) => loginId !== id && !isStale(counter.lastFailureAt, now),
        ),
      );
      const report = {
        failures,
        droppedFailures: state.droppedFailures,
        tamperedAt: state.tamperedAt,
        rolledBackAt: state.rolledBackAt ?? null,
      };
      state.droppedFailures = 0;
      state.tamperedAt = null;
      state.rolledBackAt = null;
      state.seq += 1;
      await save(state);
      return { ...report, seq: state.seq };
    },
    async seq(now = clock()) {
      return (await load(now)).seq;
    },
  };
}
