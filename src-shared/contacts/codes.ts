/**
 * Validation issue codes for contacts and the limits they enforce. Each code is a message key
 * (`contact.<issue>`) translated by ./messages.ts, and the same code reaches the renderer's live
 * validation, the router's `invalid_input` details and the CLI.
 */
import { CONTACT_TEXT_LIMITS } from './text-fields';

/** Every issue a contact field can have. */
export const CONTACT_ISSUES = [
  'surname_required',
  'given_name_required',
  'identity_required',
  'name_invalid',
  'text_too_long',
  'text_malformed',
  'phone_invalid',
  'phones_too_many',
  'email_invalid',
  'emails_too_many',
  'telegram_invalid',
  'viber_invalid',
  'whatsapp_invalid',
  'tag_too_long',
  'tags_too_many',
  'label_too_long',
  'patch_empty',
  'invalid',
] as const;
export type ContactIssue = (typeof CONTACT_ISSUES)[number];

/** A message key of the contacts catalogue, e.g. `contact.phone_invalid`. */
export type ContactIssueCode = `contact.${ContactIssue}`;

/** True for `contact.<issue>` strings this build knows. */
export function isContactIssueCode(value: unknown): value is ContactIssueCode {
  return (
    typeof value === 'string' &&
    value.startsWith('contact.') &&
    (CONTACT_ISSUES as readonly string[]).includes(value.slice('contact.'.length))
  );
}

/** Length and count limits (characters after trimming). Exported so forms can show counters. */
export const CONTACT_LIMITS = {
  name: 80,
  ...CONTACT_TEXT_LIMITS,
  label: 40,
  phones: 10,
  emails: 10,
  email: 254,
  tags: 20,
  tag: 40,
  /** Raw phone text before normalisation ("+38 (067) 123-45-67 "). */
  phoneText: 40,
  /** Raw messenger handle or link text. */
  handleText: 100,
} as const;
