/**
 * The office settings in the vault: one JSON row of the `settings` table ('office'). A stored value
 * that no longer parses (a hand edit, an older build's keys) falls back field by field to the
 * defaults, so a bad row never stops sign-in or the idle lock.
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_OFFICE_SETTINGS,
  officeSettingsSchema,
  type OfficeSettings,
  type OfficeSettingsPatch,
} from '../../src-shared/settings/office';
import type { Database } from '../vault/schema';

const KEY = 'office';

/** The stored settings, defaults where nothing (valid) was stored. */
export async function readOfficeSettings(db: Kysely<Database>): Promise<OfficeSettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (!row) return { ...DEFAULT_OFFICE_SETTINGS };
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return { ...DEFAULT_OFFICE_SETTINGS };
  }
  const fields = officeSettingsSchema.shape;
  const read = (stored ?? {}) as Record<string, unknown>;
  const pick = <K extends keyof OfficeSettings>(key: K): OfficeSettings[K] => {
    const parsed = fields[key].safeParse(read[key]);
    return parsed.success ? (parsed.data as OfficeSettings[K]) : DEFAULT_OFFICE_SETTINGS[key];
  };
  return {
    officeName: pick('officeName'),
    currency: pick('currency'),
    weekStart: pick('weekStart'),
    autoLockMinutes: pick('autoLockMinutes'),
  };
}

/** Applies a change; answers the settings before and after (equal when nothing changed). */
export async function updateOfficeSettings(
  db: Kysely<Database>,
  patch: OfficeSettingsPatch,
): Promise<{ before: OfficeSettings; after: OfficeSettings }> {
  const before = await readOfficeSettings(db);
  const after: OfficeSettings = { ...before };
  for (const key of Object.keys(patch) as (keyof OfficeSettings)[]) {
    const value = patch[key];
    if (value !== undefined) Object.assign(after, { [key]: value });
  }
  const value = JSON.stringify(after);
  await db
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict(oc => oc.column('key').doUpdateSet({ value }))
    .execute();
  return { before, after };
}
