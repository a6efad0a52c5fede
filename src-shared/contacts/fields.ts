/**
 * Single-field checks shared by the zod schemas (./schema.ts) and anything that validates one field
 * while the user types. Each returns the normalised value, or null when the value is not acceptable.
 */
import { CONTACT_LIMITS } from './codes';

/**
 * A person's name part: letters (any script, with combining marks), single spaces, hyphens and
 * apostrophes between letters — "Мар'яна", "Д’Артаньян", "Анна-Марія", "Ковальчук-Січкар".
 */
const NAME = /^\p{L}[\p{L}\p{M}]*(?:(?:[ -]|['ʼ’])\p{L}[\p{L}\p{M}]*)*$/u;

/** NFC, outer spaces trimmed, inner runs of spaces as one. */
export function tidyText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** A tidied name part, or null when it holds anything but letters, spaces, hyphens, apostrophes. */
export function normalizeName(text: string): string | null {
  const tidy = tidyText(text);
  return tidy.length > 0 && NAME.test(tidy) ? tidy : null;
}

/** A trimmed, lower-cased e-mail address, or null. Deliberately loose: one @, a dotted domain. */
export function normalizeEmail(text: string): string | null {
  const email = text.trim().normalize('NFC').toLocaleLowerCase('en');
  if (email.length > CONTACT_LIMITS.email) return null;
  return /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/u.test(email) ? email : null;
}

/** Telegram usernames: a letter first, then letters, digits, underscores; 5–32 in all. */
const TELEGRAM_NAME = /^[A-Za-z][A-Za-z0-9_]{4,31}$/u;

/**
 * A Telegram handle as `@name`, from `@name`, `name`, `t.me/name` or `https://t.me/name`; or null.
 */
export function normalizeTelegram(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > CONTACT_LIMITS.handleText) return null;
  const name = trimmed
    .replace(/^(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me)\//iu, '')
    .replace(/^@/u, '');
  return TELEGRAM_NAME.test(name) ? `@${name}` : null;
}

/** The result of {@link normalizeTags}: the tags to store, or the first problem. */
export type TagsResult =
  | { ok: true; tags: string[] }
  | { ok: false; issue: 'tag_too_long' | 'tags_too_many'; index?: number };

/**
 * Tags trimmed, empty ones dropped, duplicates removed ignoring case (the first spelling wins);
 * at most 20 of at most 40 characters.
 */
export function normalizeTags(tags: readonly string[]): TagsResult {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of tags.entries()) {
    const tag = tidyText(raw);
    if (tag.length === 0) continue;
    if ([...tag].length > CONTACT_LIMITS.tag) return { ok: false, issue: 'tag_too_long', index };
    const key = tag.toLocaleLowerCase('uk');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  if (out.length > CONTACT_LIMITS.tags) return { ok: false, issue: 'tags_too_many' };
  return { ok: true, tags: out };
}
