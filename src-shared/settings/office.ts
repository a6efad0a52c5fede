/**
 * Office settings an owner or administrator chooses (issue 18 point 8): the idle auto-lock, the
 * office's name (header, printed pages, the access regulation), the default currency of new deals
 * and money shown without one, and the first day of the week (task calendar, date pickers).
 * Kept in the vault's `settings` table as one JSON row; read by every signed-in user.
 */
import { z } from 'zod';
import { CURRENCIES } from '../deals/codes';

/** The auto-lock choices, in minutes. */
export const AUTO_LOCK_CHOICES = [5, 10, 15, 30, 60] as const;
/** The warning shown before an idle lock, in seconds. */
export const IDLE_WARNING_SECONDS = 30;
/** First day of the week: Monday (Ukraine, ISO 8601) or Sunday. */
export const WEEK_STARTS = ['monday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/** The longest office name (one header line, one printed line). */
export const OFFICE_NAME_MAX = 80;

const autoLockSchema = z
  .number()
  .int()
  .refine(v => (AUTO_LOCK_CHOICES as readonly number[]).includes(v), {
    message: 'auto-lock minutes must be one of 5, 10, 15, 30, 60',
  });

/** The settings as stored and as the renderer receives them. */
export const officeSettingsSchema = z
  .object({
    officeName: z.string().trim().max(OFFICE_NAME_MAX),
    currency: z.enum(CURRENCIES),
    weekStart: z.enum(WEEK_STARTS),
    autoLockMinutes: autoLockSchema,
  })
  .strict();

export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

/** A change: any subset of the settings. */
export const officeSettingsPatchSchema = officeSettingsSchema.partial().strict();
export type OfficeSettingsPatch = z.infer<typeof officeSettingsPatchSchema>;

/** What a vault without a stored choice uses. */
export const DEFAULT_OFFICE_SETTINGS: OfficeSettings = Object.freeze({
  officeName: '',
  currency: 'UAH',
  weekStart: 'monday',
  autoLockMinutes: 10,
});

/** 1 for Monday, 0 for Sunday (dayjs / Mantine `firstDayOfWeek`). */
export function firstDayIndex(weekStart: WeekStart): 0 | 1 {
  return weekStart === 'sunday' ? 0 : 1;
}
