/** Which interface language to use, and where the user's choice is remembered. */

/** Interface languages, Ukrainian first. */
export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself (autonyms are never translated). */
export const LANGUAGE_NAMES = { uk: 'Українська', en: 'English' } as const satisfies Record<
  Language,
  string
>;

/** localStorage key of the chosen language: a preference, not client data, so a lock keeps it. */
export const LANGUAGE_STORAGE_KEY = 'zamok.language';

/** True for a supported language code. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: the stored choice if any, else Ukrainian whatever the system's
 * language (Zamok is made for Ukrainian offices; a new vault starts in Ukrainian and the language
 * switch changes it, the choice kept under {@link LANGUAGE_STORAGE_KEY}).
 */
export function detectLanguage(stored: string | null): Language {
  return isLanguage(stored) ? stored : 'uk';
}
