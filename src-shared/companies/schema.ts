/**
 * Zod schemas for company input, used by the bridge contract (the router parses every call with
 * them) and by the renderer's form for live validation. Every problem is a specific message code
 * (`company.edrpou_checksum` at path `edrpou`), translated by ./messages.ts. Parsing normalises:
 * text tidied, codes compacted to digits, phones to E.164, the website to an http(s) URL.
 */
import { z } from 'zod';
import { normalizePhone, tidyText, type ContactPhone } from '../contacts';
import {
  COMPANY_LIMITS,
  isCompanyIssueCode,
  type CompanyIssue,
  type CompanyIssueCode,
} from './codes';
import { checkEdrpou, checkRnokpp, compactCode, type TaxCodeCheck } from './tax-codes';
import { normalizeWebsite } from './website';
import { withWellFormedText } from '../text/well-formed';

function code(issue: CompanyIssue): CompanyIssueCode {
  return `company.${issue}`;
}

/** The company name: required, one line, at most 200 characters. */
const nameSchema = z
  .string({ error: code('name_required') })
  .max(COMPANY_LIMITS.name * 4, { error: code('text_too_long') })
  .transform((raw, ctx) => {
    const name = tidyText(raw);
    if (name.length === 0) ctx.addIssue({ code: 'custom', message: code('name_required') });
    else if ([...name].length > COMPANY_LIMITS.name)
      ctx.addIssue({ code: 'custom', message: code('text_too_long') });
    else return name;
    return z.NEVER;
  });

/** Optional free text; '' or null clears it. Multi-line fields keep their line breaks. */
function optionalText(limit: number, multiline: boolean) {
  return z
    .string({ error: code('invalid') })
    .max(limit * 4, { error: code('text_too_long') })
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

/** An optional registration code: '' or null clears; otherwise the digits, checked. */
function optionalCode(
  check: (text: string) => TaxCodeCheck,
  issues: { format: CompanyIssue; checksum: CompanyIssue },
) {
  return z
    .string({ error: code(issues.format) })
    .max(COMPANY_LIMITS.codeText, { error: code(issues.format) })
    .transform((raw, ctx): string | null => {
      const digits = compactCode(raw);
      if (digits.length === 0) return null;
      const result = check(digits);
      if (result === 'ok') return digits;
      ctx.addIssue({ code: 'custom', message: code(issues[result]) });
      return z.NEVER;
    })
    .nullable();
}

/** ЄДРПОУ: 8 digits, or 10 for a branch, with a valid check digit. */
export const edrpouSchema = optionalCode(checkEdrpou, {
  format: 'edrpou_format',
  checksum: 'edrpou_checksum',
});

/** РНОКПП of a sole trader: 10 digits with a valid check digit. */
export const rnokppSchema = optionalCode(checkRnokpp, {
  format: 'rnokpp_format',
  checksum: 'rnokpp_checksum',
});

/** A website: '' or null clears; otherwise a normalised http(s) URL. */
export const websiteSchema = z
  .string({ error: code('website_invalid') })
  .max(COMPANY_LIMITS.website * 2, { error: code('website_invalid') })
  .transform((raw, ctx): string | null => {
    if (raw.trim().length === 0) return null;
    const url = normalizeWebsite(raw);
    if (url !== null) return url;
    ctx.addIssue({ code: 'custom', message: code('website_invalid') });
    return z.NEVER;
  })
  .nullable();

const labelSchema = z
  .string({ error: code('invalid') })
  .max(COMPANY_LIMITS.label * 4, { error: code('label_too_long') })
  .transform((raw, ctx): string | undefined => {
    const label = tidyText(raw);
    if ([...label].length > COMPANY_LIMITS.label) {
      ctx.addIssue({ code: 'custom', message: code('label_too_long') });
      return z.NEVER;
    }
    return label.length > 0 ? label : undefined;
  });

/** `{ number: '044 123 45 67', label? }` → `{ e164: '+380441234567', label? }`. */
const phoneEntrySchema = z
  .object({
    number: z
      .string({ error: code('phone_invalid') })
      .max(COMPANY_LIMITS.phoneText, { error: code('phone_invalid') })
      .transform((raw, ctx) => {
        const e164 = normalizePhone(raw);
        if (e164 !== null) return e164;
        ctx.addIssue({ code: 'custom', message: code('phone_invalid') });
        return z.NEVER;
      }),
    label: labelSchema.optional(),
  })
  .strict()
  .transform(({ number, label }): ContactPhone =>
    label ? { e164: number, label } : { e164: number },
  );

/** Up to 10 phones; the same number twice is kept once. */
export const companyPhonesSchema = z
  .array(phoneEntrySchema, { error: code('invalid') })
  .max(COMPANY_LIMITS.phones, { error: code('phones_too_many') })
  .transform(phones => phones.filter((p, i) => phones.findIndex(q => q.e164 === p.e164) === i));

const optionalShapes = {
  edrpou: edrpouSchema.optional(),
  rnokpp: rnokppSchema.optional(),
  legalAddress: optionalText(COMPANY_LIMITS.address, true).optional(),
  actualAddress: optionalText(COMPANY_LIMITS.address, true).optional(),
  phones: companyPhonesSchema.optional(),
  website: websiteSchema.optional(),
  notes: optionalText(COMPANY_LIMITS.notes, true).optional(),
};

/** A new company. Missing optional fields are empty; text must be well-formed. */
export const companyInputSchema = withWellFormedText(
  z.object({ name: nameSchema, ...optionalShapes }).strict(),
  code('text_malformed'),
);

/**
 * An edit: only the fields given change; null or '' clears an optional field; phones are replaced
 * whole. An empty patch is refused (`company.patch_empty`).
 */
export const companyPatchSchema = withWellFormedText(
  z
    .object({ name: nameSchema.optional(), ...optionalShapes })
    .strict()
    .refine(patch => Object.values(patch).some(v => v !== undefined), {
      error: code('patch_empty'),
    }),
  code('text_malformed'),
);

/** A parsed new company (normalised values). */
export type CompanyInput = z.output<typeof companyInputSchema>;
/** A parsed edit (undefined = unchanged, null = cleared). */
export type CompanyPatch = z.output<typeof companyPatchSchema>;

/** One problem found in company input: where, and which message to show. */
export interface CompanyFieldIssue {
  /** Dotted path: `name`, `edrpou`, `phones.1.number`. */
  field: string;
  code: CompanyIssueCode;
}

/** The issues of a failed parse as field + message code. Never carries the rejected values. */
export function companyIssues(error: z.ZodError): CompanyFieldIssue[] {
  return error.issues.map(issue => ({
    field: issue.path.map(String).join('.'),
    code: isCompanyIssueCode(issue.message) ? issue.message : code('invalid'),
  }));
}
