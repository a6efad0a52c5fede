/**
 * The guardrails' settings, one JSON value in `settings` under key 'guard': rule thresholds, allowed
 * hours and networks, and when the security check last ran. Missing or unreadable values fall back to
 * the defaults (an edited row cannot switch the rules off by being malformed).
 */
import { z } from 'zod';
import type { SqliteHandle } from '../audit';

/** The `settings` key. */
export const GUARD_SETTINGS_KEY = 'guard';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const ipv4Cidr = z
  .string()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d|[12]\d|3[0-2])$/, 'IPv4 CIDR');
const positive = z.number().int().min(1).max(1_000_000);

/** Settings schema; every field has a default. */
export const guardSettingsSchema = z.object({
  /** Sign-ins outside these local hours alert (null: any time). `start` > `end` spans midnight. */
  allowedHours: z
    .object({ start: hhmm, end: hhmm, timeZone: z.string().min(1).max(64) })
    .nullable()
    .default(null),
  /** Sign-ins while none of the machine's IPv4 addresses is in these networks alert (null: any). */
  allowedNetworks: z.array(ipv4Cidr).min(1).max(50).nullable().default(null),
  failedPerLogin: positive.default(5),
  failedAcrossLogins: positive.default(20),
  failedWindowMinutes: positive.default(10),
  exportRecords: positive.default(200),
  exportWindowMinutes: positive.default(10),
  deleteRecords: positive.default(20),
  deleteWindowMinutes: positive.default(10),
  backupMaxAgeDays: positive.default(7),
  dormantDays: positive.default(30),
  checkReminderDays: positive.default(90),
  /** When the security check last ran, and on which app version (for the reminder). */
  lastCheckAt: z.iso.datetime().nullable().default(null),
  lastCheckVersion: z.string().max(50).nullable().default(null),
});

/** The settings with defaults applied. */
export type GuardSettings = z.output<typeof guardSettingsSchema>;

/** The defaults. */
export const DEFAULT_GUARD_SETTINGS: GuardSettings = Object.freeze(guardSettingsSchema.parse({}));

interface SettingsCache {
  read: { get(key: string): unknown };
  raw: string | null;
  parsed: GuardSettings;
}

// The rules read the settings on every audit append: the statement is prepared once per connection
// and the JSON is parsed again only when the stored text changed.
const caches = new WeakMap<SqliteHandle, SettingsCache>();

function parseSettings(raw: string): GuardSettings {
  try {
    const parsed = guardSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_GUARD_SETTINGS;
  } catch {
    return DEFAULT_GUARD_SETTINGS;
  }
}

/** Reads the settings (defaults when absent or invalid). Synchronous: rules call it mid-append. */
export function readGuardSettings(sqlite: SqliteHandle): GuardSettings {
  let cache = caches.get(sqlite);
  if (!cache) {
    const read = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    cache = { read, raw: null, parsed: DEFAULT_GUARD_SETTINGS };
    caches.set(sqlite, cache);
  }
  const raw = cache.read.get(GUARD_SETTINGS_KEY);
  if (typeof raw !== 'string') return DEFAULT_GUARD_SETTINGS;
  if (raw !== cache.raw) {
    cache.raw = raw;
    cache.parsed = parseSettings(raw);
  }
  return cache.parsed;
}

/**
 * Merges `patch` into the stored settings and writes them. Invalid values throw a ZodError and
 * write nothing.
 */
export function writeGuardSettings(
  sqlite: SqliteHandle,
  patch: Partial<z.input<typeof guardSettingsSchema>>,
): GuardSettings {
  const next = guardSettingsSchema.parse({ ...readGuardSettings(sqlite), ...patch });
  sqlite
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(GUARD_SETTINGS_KEY, JSON.stringify(next));
  return next;
}

/** True when the security check should be offered: never run, 90+ days ago, or another version. */
export function securityCheckDue(settings: GuardSettings, now: Date, version: string): boolean {
  if (settings.lastCheckAt === null) return true;
  if (settings.lastCheckVersion !== version) return true;
  const ageMs = now.getTime() - Date.parse(settings.lastCheckAt);
  return ageMs >= settings.checkReminderDays * 86_400_000;
}
