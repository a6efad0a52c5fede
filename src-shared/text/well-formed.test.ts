/**
 * Lone surrogates in record text are refused by every record schema with the record's own
 * `text_malformed` code at the field's path (they would otherwise be stored as U+FFFD); a whole
 * emoji (a valid pair) is kept as it is.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { activityInputSchema, activityPatchSchema } from '../activities/schema';
import { companyInputSchema, companyPatchSchema } from '../companies/schema';
import { contactInputSchema, contactPatchSchema } from '../contacts/schema';
import {
  dealInputSchema,
  dealPatchSchema,
  lostReasonSchema,
  stageInputSchema,
} from '../deals/schema';
import { isWellFormedText, malformedTextPaths } from './well-formed';

const HALF = '\uD83D'; // the first half of 😀
const LOW = '\uDE00';

function codes(schema: z.ZodType, input: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map(i => ({ path: i.path.join('.'), message: i.message }));
}

describe('record text must be well-formed', () => {
  it('finds lone surrogates, high or low, but not a whole pair', () => {
    expect(isWellFormedText('Олена 😀')).toBe(true);
    expect(isWellFormedText(`a${HALF}b`)).toBe(false);
    expect(isWellFormedText(`${LOW}`)).toBe(false);
    expect(isWellFormedText(`${LOW}${HALF}`)).toBe(false);
    expect(malformedTextPaths({ a: ['ok', `x${HALF}`], b: { c: LOW }, n: 1 })).toEqual([
      ['a', 1],
      ['b', 'c'],
    ]);
  });

  it('each record schema refuses them with its own code at the field', () => {
    const person = { surname: 'Коваль', givenName: 'Олена' };
    expect(codes(contactInputSchema, { ...person, notes: `дзвонити ${HALF}` })).toEqual([
      { path: 'notes', message: 'contact.text_malformed' },
    ]);
    expect(
      codes(contactPatchSchema, { phones: [{ number: '067 123 45 67', label: `моб${LOW}` }] }),
    ).toEqual([{ path: 'phones.0.label', message: 'contact.text_malformed' }]);
    expect(codes(contactInputSchema, { ...person, tags: [`vip${HALF}`] })).toEqual([
      { path: 'tags.0', message: 'contact.text_malformed' },
    ]);
    expect(codes(companyInputSchema, { name: `Пекарня ${HALF}` })).toEqual([
      { path: 'name', message: 'company.text_malformed' },
    ]);
    expect(codes(companyPatchSchema, { notes: LOW })).toEqual([
      { path: 'notes', message: 'company.text_malformed' },
    ]);
    expect(codes(dealInputSchema, { title: `Поставка ${HALF}` })).toEqual([
      { path: 'title', message: 'deal.text_malformed' },
    ]);
    expect(codes(dealPatchSchema, { notes: `x${LOW}` })).toEqual([
      { path: 'notes', message: 'deal.text_malformed' },
    ]);
    expect(codes(stageInputSchema, { name: `Нова${HALF}`, probability: 10 })).toEqual([
      { path: 'name', message: 'deal.text_malformed' },
    ]);
    expect(codes(lostReasonSchema, `ціна${HALF}`)).toEqual([
      { path: '', message: 'deal.text_malformed' },
    ]);
    const note = { kind: 'note', subject: `Дзвінок ${HALF}`, contactId: 'c-1' };
    expect(codes(activityInputSchema, note)).toEqual([
      { path: 'subject', message: 'activity.text_malformed' },
    ]);
    expect(codes(activityPatchSchema, { body: LOW })).toEqual([
      { path: 'body', message: 'activity.text_malformed' },
    ]);
  });

  it('a whole emoji is kept', () => {
    const parsed = contactInputSchema.parse({
      surname: 'Коваль',
      givenName: 'Олена',
      notes: '🎂 12.05',
    });
    expect(parsed.notes).toBe('🎂 12.05');
  });
});
