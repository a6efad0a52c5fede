/**
 * Handler of the `analytics` channel. The router has checked `analytics.read`; which records each
 * figure covers is decided by the caller's own `deals.read` / `activities.read` / `contacts.read`
 * grants from the session, in SQL (src-main/crm/analytics). Months are the office's, as in the
 * monthly review (src-main/reports/month.ts). Not audited: aggregates only.
 */
import type { analyticsContract } from '../../../src-shared/ipc/analytics';
import { computeDashboard } from '../../crm/analytics';
import type { Handlers } from '../../ipc';
import { reportTimeZone } from '../../reports/month';
import { type OpenVault } from '../../vault';
import { callerWithGrants, requireVault } from './kit';

/** What the analytics handler needs from the app. */
export interface AnalyticsHandlerDeps {
  /** The vault of the signed-in session (null when locked: answered `unauthenticated`). */
  openVault(): OpenVault | null;
  /** Clock for the period (tests). */
  now?: () => Date;
  /** The months' time zone (tests); by default the one reports use (the office's). */
  timeZone?: () => string;
}

/** The `analytics` feature's handlers for the router. */
export function analyticsHandlers(
  deps: AnalyticsHandlerDeps,
): Handlers<{ analytics: typeof analyticsContract }>['analytics'] {
  return {
    dashboard: async (ctx, input) => {
      const caller = callerWithGrants(ctx);
      const vault = requireVault(deps);
      return computeDashboard(
        vault.db,
        caller,
        input.months,
        deps.now?.() ?? new Date(),
        deps.timeZone?.() ?? reportTimeZone(vault),
      );
    },
  };
}
