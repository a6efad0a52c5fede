import { describe, expect, it } from 'vitest';
import type { MonthlyReview } from '../ipc/reports';
import { regulationDocument } from './regulation';
import type { RegulationFacts } from './regulation-facts';
import { monthName, reviewDocument } from './review-document';

/** Regulation facts as ReportsScreen.test.tsx has them. */
const FACTS: RegulationFacts = {
  generatedAt: '2026-11-29T07:00:00.000Z',
  appVersion: '0.9.0',
  password: { minLength: 12, minScore: 3 },
  lockout: {
    freeFailures: 4,
    firstBackoffSeconds: 30,
    lockoutFromFailure: 8,
    lockoutSeconds: 900,
    forgetAfterSeconds: 86400,
  },
  kdfFloor: { memoryKiB: 65536, iterations: 3, parallelism: 1 },
  withoutTwoFactor: [],
  autoLockMinutes: 10,
  users: [{ login: 'olena', displayName: 'Олена', role: 'owner', teamId: null, totpEnabled: true }],
  dismissedCount: 0,
  roles: [
    {
      id: 'owner',
      name: 'owner',
      builtIn: true,
      permissions: [{ permission: 'contacts.read', scope: 'all' }],
      activeUsers: 1,
    },
  ],
  backup: {
    schedule: { kind: 'daily', time: '13:00', weekday: 1 },
    destinations: [],
    retention: { daily: 7, weekly: 4, monthly: 12 },
    encryption: 'recovery_key',
  },
  guard: {
    allowedHours: null,
    allowedNetworks: null,
    allowedGatewayMacs: null,
    requireApprovedDevices: false,
    approvedDevices: [],
    failedPerLogin: 5,
    failedAcrossLogins: 20,
    failedWindowMinutes: 10,
    exportRecords: 200,
    exportWindowMinutes: 10,
    deleteRecords: 20,
    deleteWindowMinutes: 10,
    backupMaxAgeDays: 7,
    dormantDays: 30,
    checkReminderDays: 90,
  },
};

describe('report dates in the document language and the office time', () => {
  it('names the month instead of 2026-12', () => {
    expect(monthName('2026-12', 'uk')).toBe('грудень 2026');
    expect(monthName('2026-03', 'en')).toBe('March 2026');
    const review = {
      month: '2026-12',
      timeZone: 'Europe/Kyiv',
      generatedAt: '2026-12-31T22:30:00.000Z',
      coverage: 'all',
      systemAlerts: 0,
      users: [],
    } as unknown as MonthlyReview;
    const doc = reviewDocument(review, 'uk');
    expect(doc.title).toBe('Щомісячний огляд активності: грудень 2026');
    // Half past ten UTC on 31 December is half past midnight on 1 January in Kyiv.
    expect(doc.subtitle[0]).toContain('2027-01-01 00:30');
  });

  it('the regulation gives its time in the office zone, not UTC', () => {
    const facts: RegulationFacts = { ...FACTS, timeZone: 'Europe/Kyiv' };
    expect(regulationDocument(facts, 'uk').subtitle[0]).toContain('2026-11-29 09:00 (Europe/Kyiv)');
    // Facts from before the zone was recorded still read, in UTC.
    expect(regulationDocument(FACTS, 'en').subtitle[0]).toContain('2026-11-29 07:00 UTC');
  });
});
