/**
 * The guardrails' settings, one JSON value in `settings` under key 'guard': rule thresholds, allowed
 * hours and networks, device approval, and when the security check last ran. Missing or unreadable
 * values fall back to the defaults (an edited row cannot switch the rules off by being malformed).
 */
import { z } from 'zod';
import { alertSettingsSchema } from '../../src-shared/ipc/alerts';
import { macListSchema } from '../../src-shared/ipc/devices';
import type { SqliteHandle } from '../audit';

/** The `settings` key. */
export const GUARD_SETTINGS_KEY = 'guard';

/** Settings schema: the editable alert settings plus the security check's last run. */
export const guardSettingsSchema = alertSettingsSchema.extend({
  /** Allowed devices and networks (src-shared/ipc/devices.ts; `allowedNetworks` is shared). */
  requireApprovedDevices: z.boolean().default(false),
  allowedGatewayMacs: macListSchema.default(null),
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
