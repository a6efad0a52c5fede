/**
 * Zod schemas for contact input, used by the bridge contract (the router parses every call with
 * them) and by the renderer's forms for live validation. Every problem is reported as a specific
 * message code (`contact.phone_invalid` at path `phones.1.number`), translated by ./messages.ts.
 * Parsing also normalises: names tidied, phones to E.164, e-mails lower-cased, tags de-duplicated.
 */
import { z } from 'zod';
import {
  CONTACT_LIMITS,
  isContactIssueCode,
  type ContactIssue,
  type ContactIssueCode,
} from './codes';
import {
  normalizeEmail,
  normalizeName,
  normalizeTags,
  normalizeTelegram,
  tidyText,
} from './fields';
import { withWellFormedText } from '../text/well-formed';
import { normalizePhone } from './phone';
import {
  CONTACT_TEXT_FIELDS,
  CONTACT_TEXT_FIELD_NAMES,
  type ContactTextField,
} from './text-fields';
import type { ContactMessengers, ContactPhone } from './types';

function code(issue: ContactIssue): ContactIssueCode {
  return `contact.${issue}`;
}

/** Raw text bigger than this is refused before any normalisation work (4 × the stored limit). */
function rawText(limit: number) {
  return z.string({ error: code('invalid') }).max(limit * 4, { error: code('text_too_long') });
}

/**
 * Surname or given name: '' when left empty or cleared (null too), since a contact may be known by
 * only one of them, a phone or a company ({@link hasContactIdentity}).
 */
const personNameSchema = z
  .string({ error: code('invalid') })
  .max(CONTACT_LIMITS.name * 4, { error: code('text_too_long') })
  .transform((raw, ctx): string => {
    const tidy = tidyText(raw);
    if (tidy.length === 0) return '';
    if ([...tidy].length > CONTACT_LIMITS.name) {
      ctx.addIssue({ code: 'custom', message: code('text_too_long') });
      return z.NEVER;
    }
    const name = normalizeName(tidy);
    if (name !== null) return name;
    ctx.addIssue({ code: 'custom', message: code('name_invalid') });
    return z.NEVER;
  })
  .nullable()
  .transform(name => name ?? '');

/** What a contact must have at least one of (the stored or the parsed fields). */
export interface ContactIdentity {
  surname?: string | null;
  givenName?: string | null;
  phones?: readonly unknown[] | null;
  companyName?: string | null;
  companyId?: string | null;
}

/**
 * True when a contact can be told apart: a surname, a given name, a phone or a company (a lead
 * from a call may have only a first name and a number). Checked by the input schema and, after
 * an edit is merged with the stored contact, by the main process.
 */
export function hasContactIdentity(c: ContactIdentity): boolean {
  return Boolean(
    c.surname || c.givenName || (c.phones?.length ?? 0) > 0 || c.companyName || c.companyId,
  );
}

/** Optional name part (patronymic): '' or null clears it. */
const optionalNameSchema = z
  .string({ error: code('invalid') })
  .max(CONTACT_LIMITS.name * 4, { error: code('text_too_long') })
  .transform((raw, ctx): string | null => {
    const tidy = tidyText(raw);
    if (tidy.length === 0) return null;
    if ([...tidy].length > CONTACT_LIMITS.name) {
      ctx.addIssue({ code: 'custom', message: code('text_too_long') });
      return z.NEVER;
    }
    const name = normalizeName(tidy);
    if (name === null) {
      ctx.addIssue({ code: 'custom', message: code('name_invalid') });
      return z.NEVER;
    }
    return name;
  })
  .nullable();

/**
 * Optional free text: trimmed (and for one-line fields, inner spaces collapsed); '' or null clears.
 * Multi-line fields (address, notes) keep their line breaks.
 */
function optionalText(limit: number, multiline: boolean) {
  return rawText(limit)
    .transform((raw, ctx): string | null => {
      const text = multiline ? raw.normalize('NFC').replace(/\r\n?/gu, '\n').trim() : tidyText(raw);
      if (text.length === 0) return null;
      if ([...text].length > limit) {
        ctx.addIssue({ code: 'custom', message: code('text_too_long') });
        return z.NEVER;
      }
      return text;
    })
    .nullable();
}

const labelSchema = z
  .string({ error: code('invalid') })
  .max(CONTACT_LIMITS.label * 4, { error: code('label_too_long') })
  .transform((raw, ctx): string | undefined => {
    const label = tidyText(raw);
    if ([...label].length > CONTACT_LIMITS.label) {
      ctx.addIssue({ code: 'custom', message: code('label_too_long') });
      return z.NEVER;
    }
    return label.length > 0 ? label : undefined;
  });

/** A phone number as typed → E.164 (`+380671234567`), or `contact.<issue>`. */
export function phoneSchema(issue: 'phone_invalid' | 'viber_invalid' | 'whatsapp_invalid') {
  return z
    .string({ error: code(issue) })
    .max(CONTACT_LIMITS.phoneText, { error: code(issue) })
    .transform((raw, ctx) => {
      const e164 = normalizePhone(raw);
      if (e164 !== null) return e164;
      ctx.addIssue({ code: 'custom', message: code(issue) });
      return z.NEVER;
    });
}

/** `{ number: '067 123 45 67', label? }` → `{ e164: '+380671234567', label? }`. */
export const phoneEntrySchema = z
  .object({ number: phoneSchema('phone_invalid'), label: labelSchema.optional() })
  .strict()
  .transform(({ number, label }): ContactPhone =>
    label ? { e164: number, label } : { e164: number },
  );

/** Up to 10 phones; the same number twice is kept once (the first label wins). */
export const phonesSchema = z
  .array(phoneEntrySchema, { error: code('invalid') })
  .max(CONTACT_LIMITS.phones, { error: code('phones_too_many') })
  .transform(phones => phones.filter((p, i) => phones.findIndex(q => q.e164 === p.e164) === i));

/** An e-mail address, lower-cased. */
export const emailSchema = z
  .string({ error: code('email_invalid') })
  .max(CONTACT_LIMITS.email * 2, { error: code('email_invalid') })
  .transform((raw, ctx) => {
    const email = normalizeEmail(raw);
    if (email !== null) return email;
    ctx.addIssue({ code: 'custom', message: code('email_invalid') });
    return z.NEVER;
  });

/** Up to 10 e-mails, duplicates dropped. */
export const emailsSchema = z
  .array(emailSchema, { error: code('invalid') })
  .max(CONTACT_LIMITS.emails, { error: code('emails_too_many') })
  .transform(emails => [...new Set(emails)]);

/** `@name`, `name` or a t.me link → `@name`. */
export const telegramSchema = z
  .string({ error: code('telegram_invalid') })
  .max(CONTACT_LIMITS.handleText, { error: code('telegram_invalid') })
  .transform((raw, ctx) => {
    const handle = normalizeTelegram(raw);
    if (handle !== null) return handle;
    ctx.addIssue({ code: 'custom', message: code('telegram_invalid') });
    return z.NEVER;
  });

/** A messenger field: '' or null means "none"; anything else must normalise. */
function optionalHandle(
  issue: 'telegram_invalid' | 'viber_invalid' | 'whatsapp_invalid',
  normalize: (raw: string) => string | null,
) {
  return z
    .string({ error: code(issue) })
    .max(CONTACT_LIMITS.handleText, { error: code(issue) })
    .transform((raw, ctx): string | undefined => {
      if (raw.trim().length === 0) return undefined;
      const value = normalize(raw);
      if (value !== null) return value;
      ctx.addIssue({ code: 'custom', message: code(issue) });
      return z.NEVER;
    })
    .nullable()
    .optional();
}

/** Messenger handles; a missing, empty or null one is not stored. */
export const messengersSchema = z
  .object({
    telegram: optionalHandle('telegram_invalid', normalizeTelegram),
    viber: optionalHandle('viber_invalid', raw => normalizePhone(raw)),
    whatsapp: optionalHandle('whatsapp_invalid', raw => normalizePhone(raw)),
  })
  .strict()
  .transform((m): ContactMessengers => {
    const out: ContactMessengers = {};
    if (m.telegram) out.telegram = m.telegram;
    if (m.viber) out.viber = m.viber;
    if (m.whatsapp) out.whatsapp = m.whatsapp;
    return out;
  });

/** Tags: trimmed, empty ones dropped, de-duplicated ignoring case, ≤ 20 of ≤ 40 characters. */
export const tagsSchema = z
  .array(rawText(CONTACT_LIMITS.tag), { error: code('invalid') })
  .max(CONTACT_LIMITS.tags * 5, { error: code('tags_too_many') })
  .transform((tags, ctx) => {
    const result = normalizeTags(tags);
    if (result.ok) return result.tags;
    ctx.addIssue({
      code: 'custom',
      message: code(result.issue),
      ...(result.index === undefined ? {} : { path: [result.index] }),
    });
    return z.NEVER;
  });

/** The linked company's id; null (or '') unlinks. Main checks the caller may read that company. */
const companyIdSchema = z
  .string({ error: code('invalid') })
  .max(100, { error: code('invalid') })
  .regex(/^[A-Za-z0-9-]*$/u, { error: code('invalid') })
  .transform(id => (id.length > 0 ? id : null))
  .nullable();

/** The optional free-text fields (./text-fields.ts), each optional in input and patch alike. */
const textShapes = Object.fromEntries(
  CONTACT_TEXT_FIELD_NAMES.map(name => {
    const { limit, multiline } = CONTACT_TEXT_FIELDS[name];
    return [name, optionalText(limit, multiline).optional()];
  }),
) as { [K in ContactTextField]: z.ZodOptional<ReturnType<typeof optionalText>> };

/**
 * A new contact. Missing optional fields are empty; text must be well-formed (no lone surrogate).
 * Surname and given name may be empty when the other, a phone or a company is given
 * (`contact.identity_required` on `surname` otherwise).
 */
export const contactInputSchema = withWellFormedText(
  z
    .object({
      surname: personNameSchema.optional().transform(name => name ?? ''),
      givenName: personNameSchema.optional().transform(name => name ?? ''),
      patronymic: optionalNameSchema.optional(),
      ...textShapes,
      companyId: companyIdSchema.optional(),
      phones: phonesSchema.optional(),
      emails: emailsSchema.optional(),
      messengers: messengersSchema.optional(),
      tags: tagsSchema.optional(),
    })
    .strict()
    .superRefine((contact, ctx) => {
      if (!hasContactIdentity(contact))
        ctx.addIssue({ code: 'custom', message: code('identity_required'), path: ['surname'] });
    }),
  code('text_malformed'),
);

/**
 * An edit: only the fields given change; null or '' clears an optional field; lists and messengers
 * are replaced whole. An empty patch is refused (`contact.patch_empty`).
 */
export const contactPatchSchema = withWellFormedText(
  z
    .object({
      surname: personNameSchema.optional(),
      givenName: personNameSchema.optional(),
      patronymic: optionalNameSchema.optional(),
      ...textShapes,
      companyId: companyIdSchema.optional(),
      phones: phonesSchema.optional(),
      emails: emailsSchema.optional(),
      messengers: messengersSchema.optional(),
      tags: tagsSchema.optional(),
    })
    .strict()
    .refine(patch => Object.values(patch).some(v => v !== undefined), {
      error: code('patch_empty'),
    }),
  code('text_malformed'),
);

/** A parsed new contact (normalised values). */
export type ContactInput = z.output<typeof contactInputSchema>;
/** A parsed edit (normalised values; undefined = unchanged, null = cleared). */
export type ContactPatch = z.output<typeof contactPatchSchema>;

/** One problem found in contact input: where, and which message to show. */
export interface ContactFieldIssue {
  /** Dotted path: `surname`, `phones.1.number`, `messengers.telegram`, `tags.3`. */
  field: string;
  code: ContactIssueCode;
}

/**
 * The issues of a failed parse as field + message code (unknown keys and wrong types become
 * `contact.invalid`). Never carries the rejected values.
 */
export function contactIssues(error: z.ZodError): ContactFieldIssue[] {
  return error.issues.map(issue => ({
    field: issue.path.map(String).join('.'),
    code: isContactIssueCode(issue.message) ? issue.message : code('invalid'),
  }));
}
