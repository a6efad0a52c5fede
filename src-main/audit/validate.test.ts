import { describe, expect, it } from 'vitest';
import { AuditInputError, type AuditInput } from './types';
import { auditInputSchema, validateAuditInput } from './validate';

const base = { action: 'contacts.update', outcome: 'ok' } as const;

/** Inputs around every rule of the schema: each is judged by zod and by validateAuditInput. */
const CASES: unknown[] = [
  base,
  {
    ...base,
    userId: 'u1',
    userLogin: 'anna',
    deviceId: 'd1',
    entityType: 'contact',
    entityId: 'c',
  },
  { ...base, userId: null, userLogin: undefined, entityType: null, changes: null, details: null },
  { ...base, userId: '' },
  { ...base, userLogin: 'x'.repeat(200) },
  { ...base, userLogin: 'x'.repeat(201) },
  { ...base, deviceId: 7 },
  { ...base, entityId: 'e'.repeat(201) },
  { ...base, action: 'Contacts.update' },
  { ...base, action: 'contacts' },
  { ...base, action: 'contacts.update.' },
  { ...base, action: `a.${'b'.repeat(98)}` },
  { ...base, action: `a.${'b'.repeat(99)}` },
  { ...base, action: 42 },
  { ...base, entityType: 'Contact' },
  { ...base, entityType: 'contact_note' },
  { ...base, entityType: 'c'.repeat(64) },
  { ...base, entityType: 'c'.repeat(65) },
  { ...base, outcome: 'maybe' },
  { ...base, outcome: undefined },
  { ...base, extra: 1 },
  { ...base, extra: undefined },
  { ...base, changes: { notes: { before: 'a', after: 'b' } } },
  { ...base, changes: { notes: { before: 'a' } } },
  { ...base, changes: { notes: {} } },
  { ...base, changes: { notes: { before: 'a', after: 'b', when: 1 } } },
  { ...base, changes: { notes: 'b' } },
  { ...base, changes: { notes: ['a', 'b'] } },
  { ...base, changes: { notes: null } },
  { ...base, changes: { [`f${'x'.repeat(200)}`]: { after: 1 } } },
  { ...base, changes: [] },
  { ...base, changes: 'notes' },
  { ...base, details: { reason: 'x', nested: { a: [1, 2] } } },
  { ...base, details: { [`k${'x'.repeat(200)}`]: 1 } },
  { ...base, details: [] },
  { ...base, details: new Date(0) },
  { ...base, changes: Object.assign(Object.create(null) as object, { n: { after: 1 } }) },
  { ...base, details: { [Symbol('s')]: 1 } },
  new Map(),
  null,
  'contacts.update',
];

describe('validateAuditInput', () => {
  it('accepts exactly what the zod schema accepts, with the same fields', () => {
    for (const input of CASES) {
      const zod = auditInputSchema.safeParse(input);
      let ours: unknown;
      let error: unknown = null;
      try {
        ours = validateAuditInput(input as AuditInput);
      } catch (e) {
        error = e;
      }
      if (zod.success) {
        expect(error, JSON.stringify(input)).toBeNull();
        // Same values, once undefined members are dropped (the stored row never sees them).
        expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(zod.data)));
      } else {
        expect(error, JSON.stringify(input)).toBeInstanceOf(AuditInputError);
      }
    }
  });

  it('names the offending field in the error, as the schema does', () => {
    expect(() =>
      validateAuditInput({ action: 'Bad', outcome: 'ok' } as unknown as AuditInput),
    ).toThrow(/action: lowercase feature\.verb/);
    expect(() =>
      validateAuditInput({ ...base, entityType: 'Bad Type' } as unknown as AuditInput),
    ).toThrow(/entityType/);
  });
});
