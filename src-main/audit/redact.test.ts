import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AuditInputError,
  canonicalEntry,
  canonicalJson,
  diffFields,
  GENESIS_HASH,
  hashRow,
  isSensitiveField,
  REDACTED,
  redactChanges,
  redactDetails,
  registerSensitiveFields,
  type HashedRow,
} from './index';

describe('canonical form', () => {
  const row: HashedRow = {
    seq: 1,
    at: '2026-11-29T08:00:00.000Z',
    user_id: 'u1',
    user_login: 'owner',
    device_id: null,
    action: 'auth.sign_in',
    entity_type: null,
    entity_id: null,
    outcome: 'ok',
    changes: null,
    details: '{"method":"totp"}',
    prev_hash: GENESIS_HASH,
  };

  it('is a fixed, whitespace-free JSON object an auditor can rebuild by hand', () => {
    expect(canonicalEntry(row)).toBe(
      '{"v":1,"seq":1,"at":"2026-11-29T08:00:00.000Z","user_id":"u1","user_login":"owner",' +
        '"device_id":null,"action":"auth.sign_in","entity_type":null,"entity_id":null,' +
        '"outcome":"ok","changes":null,"details":"{\\"method\\":\\"totp\\"}",' +
        `"prev_hash":"${GENESIS_HASH}"}`,
    );
    const byHand = createHash('sha256')
      .update(GENESIS_HASH + canonicalEntry(row))
      .digest('hex');
    expect(hashRow(row)).toBe(byHand);
  });

  it('does not depend on property order, and changes with any field', () => {
    const shuffled = Object.fromEntries(Object.entries(row).reverse()) as unknown as HashedRow;
    expect(hashRow(shuffled)).toBe(hashRow(row));
    expect(hashRow({ ...row, user_id: null })).not.toBe(hashRow(row));
    expect(hashRow({ ...row, details: '' })).not.toBe(hashRow({ ...row, details: null }));
  });

  it('canonicalJson sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('which fields are sensitive', () => {
  it('catches secrets by entity registry and by name in any naming style', () => {
    for (const [entity, field] of [
      ['users', 'totp_secret'],
      ['users', 'password'],
      ['users', 'recovery_codes'],
      ['key_slots', 'wrapped'],
      ['contacts', 'newPassword'],
      ['settings', 'smtp-password'],
      ['integrations', 'accessToken'],
      ['integrations', 'api_key'],
      ['integrations', 'apiKey'],
      ['integrations', 'private.key'],
      [null, 'recoveryKey'],
      [null, 'pin'],
    ] as const) {
      expect(isSensitiveField(entity, field), `${entity}.${field}`).toBe(true);
    }
  });

  it('leaves ordinary CRM fields readable', () => {
    for (const field of ['display_name', 'phone', 'keyword', 'monkey', 'footprint', 'notes']) {
      expect(isSensitiveField('contacts', field), field).toBe(false);
    }
  });

  it('a feature can register its own sensitive fields', () => {
    expect(isSensitiveField('contacts', 'passport_number')).toBe(false);
    registerSensitiveFields('contacts', ['passport_number']);
    expect(isSensitiveField('contacts', 'passport_number')).toBe(true);
    expect(isSensitiveField('deals', 'passport_number')).toBe(false);
    expect(
      redactChanges('contacts', { passport_number: { before: null, after: 'KM123456' } }),
    ).toEqual({ passport_number: { before: null, after: REDACTED } });
  });
});

describe('redactChanges / redactDetails', () => {
  it('replaces sensitive values, keeps null (set/cleared stays visible), and is idempotent', () => {
    const once = redactChanges('users', {
      totp_secret: { before: 'JBSWY3DPEHPK3PXP', after: null },
      login: { before: 'olena', after: 'olena.k' },
    });
    expect(once).toEqual({
      totp_secret: { before: REDACTED, after: null },
      login: { before: 'olena', after: 'olena.k' },
    });
    expect(redactChanges('users', once)).toEqual(once);
  });

  it('converts dates, bytes and bigints; cuts very long text; refuses non-JSON values', () => {
    const long = 'x'.repeat(5000);
    expect(
      redactChanges('contacts', {
        born: { before: null, after: new Date('1990-05-01T00:00:00Z') },
        photo: { before: null, after: Buffer.alloc(12) },
        balance: { before: 10n, after: 20n },
        notes: { before: null, after: long },
      }),
    ).toEqual({
      born: { before: null, after: '1990-05-01T00:00:00.000Z' },
      photo: { before: null, after: '[binary 12 bytes]' },
      balance: { before: '10', after: '20' },
      notes: { before: null, after: `${'x'.repeat(4000)}…[+1000 chars]` },
    });
    expect(() =>
      redactChanges('contacts', { tags: { before: null, after: new Set(['a']) } }),
    ).toThrow(AuditInputError);
    expect(() => redactDetails({ when: () => 1 })).toThrow(AuditInputError);
  });

  it('redacts sensitive keys inside details at any depth', () => {
    expect(
      redactDetails({ reason: 'import', source: { file: 'a.csv', auth: { token: 't0k' } } }),
    ).toEqual({ reason: 'import', source: { file: 'a.csv', auth: { token: REDACTED } } });
  });
});

describe('diffFields', () => {
  it('lists only changed fields, treats missing as null, and honours ignore and sensitive', () => {
    const before = {
      name: 'Olena',
      phone: '+380441',
      updated_at: '1',
      secretAnswer: 'kyiv',
      tags: ['a'],
    };
    const after = {
      name: 'Olena',
      phone: '+380442',
      updated_at: '2',
      secretAnswer: 'lviv',
      email: 'o@x.ua',
      tags: ['a'],
    };
    expect(diffFields(before, after, { ignore: ['updated_at'] })).toEqual({
      phone: { before: '+380441', after: '+380442' },
      secretAnswer: { before: REDACTED, after: REDACTED },
      email: { before: null, after: 'o@x.ua' },
    });
    expect(
      diffFields({ note: 'a' }, { note: 'a', company: 'X' }, { sensitive: ['company'] }),
    ).toEqual({ company: { before: null, after: REDACTED } });
  });

  it('compares values by content (key order, dates, undefined members)', () => {
    expect(
      diffFields(
        { address: { city: 'Kyiv', zip: '01001' }, at: new Date(0), extra: { a: 1, b: undefined } },
        { address: { zip: '01001', city: 'Kyiv' }, at: new Date(0), extra: { a: 1 } },
      ),
    ).toEqual({});
    expect(diffFields(null, { name: 'New' })).toEqual({ name: { before: null, after: 'New' } });
  });
});
