/**
 * Office settings (src-shared/settings/office.ts): read by any signed-in user, changed by holders of
 * `settings.manage` (owner, administrator), each change audited by the router with before/after.
 */
import { z } from 'zod';
import { officeSettingsPatchSchema, type OfficeSettings } from '../settings/office';
import { channel } from './contract';

export const settingsContract = {
  /** The office settings (defaults where nothing was chosen). */
  office: channel<OfficeSettings>()({
    input: z.object({}).strict(),
    permission: 'session',
    audit: false,
  }),
  /** Changes some settings; answers all of them. An empty change changes nothing. */
  updateOffice: channel<OfficeSettings>()({
    input: officeSettingsPatchSchema,
    permission: 'settings.manage',
  }),
  /**
   * The user is at the keyboard (the renderer reports input at most every few seconds): restarts
   * the main process's idle clock, which locks the session itself when it runs out.
   */
  touch: channel<{ idleLockAt: number }>()({
    input: z.object({}).strict(),
    permission: 'session',
    audit: false,
  }),
} as const;
