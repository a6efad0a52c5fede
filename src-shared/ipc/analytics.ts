/**
 * Analytics: the head's dashboard (pipeline value by stage, won/lost per month, activities per
 * manager, new contacts per month). Needs `analytics.read` (owner, head). Every figure is computed
 * in SQL over the records the caller may read: each section is limited by the caller's own
 * `deals.read` / `activities.read` / `contacts.read` scope, and is `null` without that permission.
 * The answer holds counts and sums only, never names of clients.
 */
import { z } from 'zod';
import { channel } from './contract';
import type { Currency } from '../deals';

/** Periods the dashboard offers, in months (the current month included). */
export const ANALYTICS_PERIODS = [3, 6, 12] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

/** Days counted for "activities per manager". */
export const ACTIVITY_WINDOW_DAYS = 30;

/** Input of `analytics.dashboard`. */
export const dashboardInputSchema = z
  .object({
    months: z.union([z.literal(3), z.literal(6), z.literal(12)]),
  })
  .strict();

/** Open deals in one stage and one currency: how many and their total (minor units). */
export interface PipelineStageValue {
  pipelineId: string;
  pipelineName: string;
  stageId: string;
  stageName: string;
  position: number;
  currency: Currency;
  deals: number;
  amountMinor: number;
}

/** Deals closed in one month (`YYYY-MM`, UTC), won and lost. */
export interface WonLostMonth {
  month: string;
  won: number;
  lost: number;
}

/** Activities one person logged in the window (dismissed staff included, by name). */
export interface ManagerActivities {
  userId: string;
  displayName: string;
  activities: number;
}

/** Contacts created in one month (`YYYY-MM`, UTC) that still exist. */
export interface MonthCount {
  month: string;
  count: number;
}

/**
 * The dashboard. `months` lists the period's months oldest first; the monthly series have one row
 * per month of the period (zeros included). A section is `null` when the caller may not read that
 * kind of record, and empty when there is nothing yet (or the table does not exist yet).
 */
export interface Dashboard {
  months: string[];
  /** Open stages only (won and lost are outcomes, not pipeline). */
  pipeline: PipelineStageValue[] | null;
  wonLost: WonLostMonth[] | null;
  /** From `activitiesSince` (now − {@link ACTIVITY_WINDOW_DAYS} days) to now, most active first. */
  activities: ManagerActivities[] | null;
  activitiesSince: string;
  newContacts: MonthCount[] | null;
}

/** The `analytics` feature's channels. */
export const analyticsContract = {
  /** Read-only aggregates without personal data: not audited (would only add noise). */
  dashboard: channel<Dashboard>()({
    input: dashboardInputSchema,
    permission: 'analytics.read',
    // Each section covers what the caller's own read grant reaches (none: the section is absent).
    grants: ['deals.read', 'activities.read', 'contacts.read'],
    audit: false,
  }),
} as const;
