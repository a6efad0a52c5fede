/**
 * Links that reach a person outside the app, built from stored, normalised values only: a phone in
 * E.164 (`+380671234567`) or a Telegram handle (`@olena_k`). Anything else gives no link, so a
 * crafted value can never become a `javascript:` or foreign-host URL. Main opens them through the
 * OS after checking the same shapes (src-main/electron/external-links.ts). Pure TypeScript.
 */

/** The messengers a phone number can be opened in. */
export const PHONE_MESSENGERS = ['viber', 'telegram', 'whatsapp'] as const;
export type PhoneMessenger = (typeof PHONE_MESSENGERS)[number];

const E164 = /^\+[1-9]\d{6,14}$/u;
const TELEGRAM_HANDLE = /^@?([A-Za-z][A-Za-z0-9_]{4,31})$/u;

/** `tel:+380…`, or null for anything that is not E.164. */
export function telLink(e164: string): string | null {
  return E164.test(e164) ? `tel:${e164}` : null;
}

/** `mailto:` for a plain address (no query: no pre-filled bodies or attachments), else null. */
export function mailLink(email: string): string | null {
  return /^[^\s@?&#/:]+@[^\s@?&#/:]+\.[^\s@?&#/:]+$/u.test(email) ? `mailto:${email}` : null;
}

/**
 * A chat with the owner of an E.164 number: Viber `viber://chat?number=%2B380…`, Telegram
 * `https://t.me/+380…`, WhatsApp `https://wa.me/380…` (digits only). Null for anything else.
 */
export function messengerLink(messenger: PhoneMessenger, e164: string): string | null {
  if (!E164.test(e164)) return null;
  const digits = e164.slice(1);
  if (messenger === 'viber') return `viber://chat?number=%2B${digits}`;
  if (messenger === 'telegram') return `https://t.me/+${digits}`;
  return `https://wa.me/${digits}`;
}

/** A Telegram user by handle: `tg://resolve?domain=olena_k`; null for anything else. */
export function telegramHandleLink(handle: string): string | null {
  const name = TELEGRAM_HANDLE.exec(handle)?.[1];
  return name ? `tg://resolve?domain=${name}` : null;
}
