/**
 * Machine-level settings read before any vault is open (so they cannot live in the encrypted
 * database): `app-settings.json` in the app's userData folder. A missing file gives the defaults; a
 * damaged one gives the defaults too (and is left as it is for the admin to fix), never a crash.
 *
 * {
 *   "update": { "url": "https://updates.example.org/zamok/" },   // generic HTTPS update folder
 *   "privacy": { "contentProtection": true }                      // hide windows from screenshots
 * }
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The file name inside userData. */
export const APP_SETTINGS_FILE = 'app-settings.json';

const schema = z
  .object({
    update: z
      .object({
        url: z
          .string()
          .url()
          .refine(u => u.startsWith('https://'), 'The update address must use https://.')
          .optional(),
      })
      .strict()
      .default({}),
    privacy: z
      .object({ contentProtection: z.boolean().default(true) })
      .strict()
      .default({ contentProtection: true }),
  })
  .strict();

/** The parsed settings. */
export interface AppSettings {
  update: { url?: string | undefined };
  privacy: { contentProtection: boolean };
}

/** Settings plus, when the file was unusable, why (logged by class, shown in the security check). */
export interface LoadedSettings {
  settings: AppSettings;
  problem?: 'unreadable' | 'invalid';
}

/** Defaults: no update channel (updates off), content protection on. */
export function defaultAppSettings(): AppSettings {
  return { update: {}, privacy: { contentProtection: true } };
}

/** Reads `<userData>/app-settings.json`. */
export function loadAppSettings(userDataDir: string): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(join(userDataDir, APP_SETTINGS_FILE), 'utf8');
  } catch (err) {
    const missing =
      typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';
    return missing
      ? { settings: defaultAppSettings() }
      : { settings: defaultAppSettings(), problem: 'unreadable' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { settings: defaultAppSettings(), problem: 'invalid' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { settings: parsed.data }
    : { settings: defaultAppSettings(), problem: 'invalid' };
}
