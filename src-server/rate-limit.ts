/**
 * Limits on the calls a device makes before it is signed in (enrolment, sign-in challenge and
 * token, joining with an invitation): per remote address, every public call and every refused one
 * are counted in fixed windows; per invitation code (its SHA-256), every join attempt presenting
 * it. Past a budget the call is refused with 429 and `Retry-After` (seconds until the window ends),
 * before any database work. Authenticated calls (sync) are never counted here. The clock is the
 * office context's (injected in tests); counters live in this process only (docs/SYNC.md).
 */
import { sha256 } from './crypto';
import { OfficeError } from './errors';

/** How many events a window allows, and its length. */
export interface Budget {
  limit: number;
  windowMs: number;
}

/** The budgets of the public calls. */
export interface PublicBudgets {
  /** Every public call from one address. */
  calls: Budget;
  /** Refused public calls (bad code, signature, unknown device) from one address. */
  failures: Budget;
  /** Join attempts presenting one invitation code. */
  invitation: Budget;
}

/**
 * The defaults: room for a whole office behind one address (every sync round signs in: two
 * public calls), tight for floods and guessing (codes are 124-192 random bits anyway).
 */
export const DEFAULT_BUDGETS: PublicBudgets = {
  calls: { limit: 600, windowMs: 60_000 },
  failures: { limit: 30, windowMs: 10 * 60_000 },
  invitation: { limit: 10, windowMs: 60 * 60_000 },
};

/** Keys kept per counter before expired windows are swept (and, past twice that, the oldest). */
const MAX_KEYS = 50_000;

/** A refusal for too many calls: 429 with the seconds to wait. */
export class RateLimitedError extends OfficeError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'Too many attempts: wait and try again.');
  }
}

/** Fixed-window counters by key. */
class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly budget: Budget,
    private readonly now: () => number,
  ) {}

  private current(key: string): { start: number; count: number } {
    const now = this.now();
    const found = this.windows.get(key);
    if (found && now < found.start + this.budget.windowMs) return found;
    if (this.windows.size >= MAX_KEYS) this.sweep(now);
    const fresh = { start: now, count: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now >= window.start + this.budget.windowMs) this.windows.delete(key);
    }
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_KEYS) break;
      this.windows.delete(key);
    }
  }

  /** Seconds until `key` may be counted again, or 0 when it is within its budget. */
  waitFor(key: string): number {
    const window = this.current(key);
    if (window.count < this.budget.limit) return 0;
    return Math.max(1, Math.ceil((window.start + this.budget.windowMs - this.now()) / 1000));
  }

  /** Counts one event for `key`. */
  add(key: string): void {
    this.current(key).count += 1;
  }
}

/** How many calls the limits refused since the process started. */
export interface RateLimitCounts {
  byAddress: number;
  byInvitation: number;
}

/** The public-call limits of one server process. */
export class PublicLimits {
  private readonly calls: WindowCounter;
  private readonly failures: WindowCounter;
  private readonly invitations: WindowCounter;
  private readonly refused: RateLimitCounts = { byAddress: 0, byInvitation: 0 };

  constructor(now: () => number, budgets: PublicBudgets = DEFAULT_BUDGETS) {
    this.calls = new WindowCounter(budgets.calls, now);
    this.failures = new WindowCounter(budgets.failures, now);
    this.invitations = new WindowCounter(budgets.invitation, now);
  }

  /** Counts a public call from `address`, or throws `RateLimitedError` (not counted) when over. */
  admitAddress(address: string): void {
    const wait = Math.max(this.calls.waitFor(address), this.failures.waitFor(address));
    if (wait > 0) {
      this.refused.byAddress += 1;
      throw new RateLimitedError(wait);
    }
    this.calls.add(address);
  }

  /** Counts a refused public call from `address`. */
  addressFailed(address: string): void {
    this.failures.add(address);
  }

  /** Counts a join attempt presenting `code`, or throws `RateLimitedError` when over. */
  admitInvitation(code: string): void {
    const key = sha256(code).toString('base64');
    const wait = this.invitations.waitFor(key);
    if (wait > 0) {
      this.refused.byInvitation += 1;
      throw new RateLimitedError(wait);
    }
    this.invitations.add(key);
  }

  /** The refusals so far (for the metrics endpoint). */
  counts(): RateLimitCounts {
    return { ...this.refused };
  }
}
