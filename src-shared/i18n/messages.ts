/**
 * Shared message catalogues (Ukrainian first, complete English) for what both the renderer and the
 * CLI must explain to people: error codes and password-policy issues. The renderer merges `uk`/`en`
 * into its i18next resources; the CLI calls `translate`. Plain objects, no i18next dependency here.
 */
import type { ErrorCode } from '../ipc/contract';
import type { PasswordIssue } from '../policy/password';
import type { SharedCatalogue } from './catalogue';
import { en } from './en';
import { uk } from './uk';

/** Supported languages; the first is the default. */
export const LOCALES = ['uk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** Ukrainian first: the app is made for Ukrainian offices. */
export const DEFAULT_LOCALE: Locale = 'uk';

/** Every key the shared catalogues define. */
export type MessageKey = `errors.${ErrorCode}` | `password.${PasswordIssue}`;
/** Values for `{{name}}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** The catalogues by locale. */
export const sharedMessages: Readonly<Record<Locale, SharedCatalogue>> = { uk, en };

/**
 * Maps a language tag ("uk-UA", "en_GB.UTF-8", "EN") to a supported locale; anything else, or
 * nothing, gives the default (Ukrainian). Use it for LANG / navigator.language / a --lang flag.
 */
export function resolveLocale(tag: string | undefined | null): Locale {
  const primary = (tag ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_.@]/u)[0];
  return LOCALES.find(locale => locale === primary) ?? DEFAULT_LOCALE;
}

function lookup(catalogue: SharedCatalogue, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Translates a shared key, filling `{{name}}` placeholders from `vars` (i18next syntax). A key the
 * locale lacks falls back to English, then to the key itself; a placeholder without a value stays
 * as written, so a missing variable is visible instead of silently blank.
 */
export function translate(locale: Locale, key: MessageKey, vars: MessageVars = {}): string {
  const template = lookup(sharedMessages[locale], key) ?? lookup(sharedMessages.en, key) ?? key;
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/gu, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}
